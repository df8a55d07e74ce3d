/** Strings of the conversation's email actions (transcript, follow-up by email). */
export const conversationMailEn = {
  transcript: 'Email transcript',
  transcriptTitle: 'Email the transcript',
  transcriptText: 'Send the whole conversation, as it reads now, to any address.',
  transcriptTo: 'Send to',
  transcriptLanguage: 'Language',
  transcriptSend: 'Send transcript',
  transcriptQueued: 'The transcript to {{to}} is on its way.',
  transcriptSkipped: 'Not sent: email (SMTP) is not configured on the server.',
  followUpTitle: 'Follow up by email',
  followUpText:
    'This chat is closed. Write to {{email}}: your message starts a new conversation, linked to this one, and is emailed with a link back to the chat.',
  followUpLabel: 'Your message',
  followUpSend: 'Send by email',
  followUpNoEmail: 'This chat is closed and the visitor left no email address.',
  digestTitle: 'By email',
  digestText:
    'When none of your devices took a notification, Charla emails you a digest of the chats still waiting on you, at most one every 10 minutes.',
  digestNoSmtp: 'Email (SMTP) is not configured on the server: no digest is sent.',
  languages: { en: 'English', es: 'Spanish' },
};

export const conversationMailEs: typeof conversationMailEn = {
  transcript: 'Enviar transcripción',
  transcriptTitle: 'Enviar la transcripción por correo',
  transcriptText: 'Envía toda la conversación, tal como está ahora, a cualquier dirección.',
  transcriptTo: 'Enviar a',
  transcriptLanguage: 'Idioma',
  transcriptSend: 'Enviar transcripción',
  transcriptQueued: 'La transcripción a {{to}} está en camino.',
  transcriptSkipped: 'No enviada: el correo (SMTP) no está configurado en el servidor.',
  followUpTitle: 'Seguimiento por correo',
  followUpText:
    'Este chat está cerrado. Escribe a {{email}}: tu mensaje abre una conversación nueva, enlazada a esta, y se envía por correo con un enlace para volver al chat.',
  followUpLabel: 'Tu mensaje',
  followUpSend: 'Enviar por correo',
  followUpNoEmail: 'Este chat está cerrado y el visitante no dejó dirección de correo.',
  digestTitle: 'Por correo',
  digestText:
    'Cuando ningún dispositivo tuyo recibió un aviso, Charla te envía por correo un resumen de los chats que siguen esperándote, como mucho uno cada 10 minutos.',
  digestNoSmtp: 'El correo (SMTP) no está configurado en el servidor: no se envía ningún resumen.',
  languages: { en: 'Inglés', es: 'Español' },
};
