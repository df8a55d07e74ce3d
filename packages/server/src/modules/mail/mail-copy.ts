import { pseudoLocalize, type TLanguage, type TMailTemplateName } from '@charla/protocol';
import type { MailBlock, MailContent } from './render-mail';
import { mailCopyDe } from './mail-copy.de';
import { pseudoCopy } from './mail-copy.pseudo';
import { mailCopyFr } from './mail-copy.fr';
import { mailCopyPtBr } from './mail-copy.pt-BR';

/** The parameters each template needs; the caller fills them, the copy below words them. */
export type MailParams = {
  test: { companyName: string };
  invitation: { companyName: string; inviterName: string; url: string; expiresInDays: number };
  'password-reset': { companyName: string; url: string; expiresInMinutes: number };
  'password-changed': { companyName: string; name: string };
  'email-changed': { companyName: string; name: string; newEmail: string };
  transcript: { companyName: string; startedAt: string; blocks: MailBlock[] };
  'follow-up': {
    companyName: string;
    agentName: string;
    blocks: MailBlock[];
    url: string;
    expiresInDays: number;
    canReply: boolean;
  };
  digest: { companyName: string; name: string; count: number; blocks: MailBlock[]; url: string };
};

export type Copy = { [K in TMailTemplateName]: (p: MailParams[K]) => MailContent };

const en: Copy = {
  test: (p) => ({
    subject: `Test email from ${p.companyName}`,
    heading: 'Email works',
    paragraphs: ['This test message shows that Charla can send email through your SMTP server.'],
    footer: `${p.companyName} · sent by Charla`,
  }),
  invitation: (p) => ({
    subject: `${p.inviterName} invited you to ${p.companyName} on Charla`,
    heading: `Join ${p.companyName} on Charla`,
    paragraphs: [
      `${p.inviterName} invited you to answer your website's visitors with the team.`,
      'Open the link to choose your password and sign in.',
    ],
    action: { label: 'Accept the invitation', url: p.url },
    notes: [
      `The link works once and expires in ${p.expiresInDays} days.`,
      'If you did not expect this invitation, ignore this email.',
    ],
    footer: `${p.companyName} · sent by Charla`,
  }),
  'password-reset': (p) => ({
    subject: 'Reset your Charla password',
    heading: 'Choose a new password',
    paragraphs: ['Someone asked to reset the password of this account. If it was you, open the link.'],
    action: { label: 'Choose a new password', url: p.url },
    notes: [
      `The link works once and expires in ${p.expiresInMinutes} minutes. Resetting signs you out everywhere.`,
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ],
    footer: `${p.companyName} · sent by Charla`,
  }),
  'password-changed': (p) => ({
    subject: 'Your Charla password was changed',
    heading: 'Your password was changed',
    paragraphs: [
      `Hi ${p.name}, the password of your Charla account was just changed.`,
      'If this was not you, ask an admin of your team to reset your access at once.',
    ],
    footer: `${p.companyName} · sent by Charla`,
  }),
  'email-changed': (p) => ({
    subject: 'Your Charla email address was changed',
    heading: 'Your email address was changed',
    paragraphs: [
      `Hi ${p.name}, your Charla account now signs in with ${p.newEmail}. This address gets no more mail from it.`,
      'If this was not you, ask an admin of your team to restore your access at once.',
    ],
    footer: `${p.companyName} · sent by Charla`,
  }),
  transcript: (p) => ({
    subject: `Your conversation with ${p.companyName}`,
    heading: `Your conversation with ${p.companyName}`,
    paragraphs: [`Here is a copy of the conversation that started on ${p.startedAt}.`],
    blocks: p.blocks,
    footer: `${p.companyName} · sent by Charla`,
  }),
  'follow-up': (p) => ({
    subject: `${p.agentName} replied to your chat with ${p.companyName}`,
    heading: `${p.agentName} replied`,
    paragraphs: [
      `You had left the chat, so here is the reply from ${p.companyName}.`,
      p.canReply ? 'Answer this email, or continue in the chat:' : 'Continue in the chat:',
    ],
    action: { label: 'Continue the chat', url: p.url },
    blocks: p.blocks,
    notes: [`The link opens your chat again and expires in ${p.expiresInDays} days. Do not forward it.`],
    footer: `${p.companyName} · sent by Charla`,
  }),
  digest: (p) => ({
    subject: p.count === 1 ? '1 chat is waiting for an answer' : `${p.count} chats are waiting for an answer`,
    heading: p.count === 1 ? '1 chat is waiting' : `${p.count} chats are waiting`,
    paragraphs: [`Hi ${p.name}, no device of yours took the notification, so here is what is unanswered.`],
    action: { label: 'Open the inbox', url: p.url },
    blocks: p.blocks,
    notes: ['Choose which events email you in Settings → Notifications.'],
    footer: `${p.companyName} · sent by Charla`,
  }),
};

const es: Copy = {
  test: (p) => ({
    subject: `Correo de prueba de ${p.companyName}`,
    heading: 'El correo funciona',
    paragraphs: [
      'Este mensaje de prueba demuestra que Charla puede enviar correo a través de tu servidor SMTP.',
    ],
    footer: `${p.companyName} · enviado por Charla`,
  }),
  invitation: (p) => ({
    subject: `${p.inviterName} te ha invitado a ${p.companyName} en Charla`,
    heading: `Únete a ${p.companyName} en Charla`,
    paragraphs: [
      `${p.inviterName} te ha invitado a atender con el equipo a los visitantes de la web.`,
      'Abre el enlace para elegir tu contraseña e iniciar sesión.',
    ],
    action: { label: 'Aceptar la invitación', url: p.url },
    notes: [
      `El enlace sirve una sola vez y caduca en ${p.expiresInDays} días.`,
      'Si no esperabas esta invitación, ignora este correo.',
    ],
    footer: `${p.companyName} · enviado por Charla`,
  }),
  'password-reset': (p) => ({
    subject: 'Restablece tu contraseña de Charla',
    heading: 'Elige una contraseña nueva',
    paragraphs: [
      'Alguien ha pedido restablecer la contraseña de esta cuenta. Si has sido tú, abre el enlace.',
    ],
    action: { label: 'Elegir una contraseña nueva', url: p.url },
    notes: [
      `El enlace sirve una sola vez y caduca en ${p.expiresInMinutes} minutos. Al restablecerla se cierran todas tus sesiones.`,
      'Si no lo has pedido tú, ignora este correo: tu contraseña no cambia.',
    ],
    footer: `${p.companyName} · enviado por Charla`,
  }),
  'password-changed': (p) => ({
    subject: 'Se ha cambiado tu contraseña de Charla',
    heading: 'Se ha cambiado tu contraseña',
    paragraphs: [
      `Hola, ${p.name}: la contraseña de tu cuenta de Charla se acaba de cambiar.`,
      'Si no has sido tú, pide enseguida a un administrador de tu equipo que restablezca tu acceso.',
    ],
    footer: `${p.companyName} · enviado por Charla`,
  }),
  'email-changed': (p) => ({
    subject: 'Se ha cambiado tu correo de Charla',
    heading: 'Se ha cambiado tu dirección de correo',
    paragraphs: [
      `Hola, ${p.name}: tu cuenta de Charla ahora inicia sesión con ${p.newEmail}. Esta dirección ya no recibirá sus correos.`,
      'Si no has sido tú, pide enseguida a un administrador de tu equipo que restaure tu acceso.',
    ],
    footer: `${p.companyName} · enviado por Charla`,
  }),
  transcript: (p) => ({
    subject: `Tu conversación con ${p.companyName}`,
    heading: `Tu conversación con ${p.companyName}`,
    paragraphs: [`Esta es una copia de la conversación que empezó el ${p.startedAt}.`],
    blocks: p.blocks,
    footer: `${p.companyName} · enviado por Charla`,
  }),
  'follow-up': (p) => ({
    subject: `${p.agentName} ha respondido a tu chat con ${p.companyName}`,
    heading: `${p.agentName} ha respondido`,
    paragraphs: [
      `Habías salido del chat, así que te enviamos la respuesta de ${p.companyName}.`,
      p.canReply ? 'Responde a este correo o sigue en el chat:' : 'Sigue en el chat:',
    ],
    action: { label: 'Seguir en el chat', url: p.url },
    blocks: p.blocks,
    notes: [`El enlace vuelve a abrir tu chat y caduca en ${p.expiresInDays} días. No lo reenvíes.`],
    footer: `${p.companyName} · enviado por Charla`,
  }),
  digest: (p) => ({
    subject: p.count === 1 ? '1 chat espera respuesta' : `${p.count} chats esperan respuesta`,
    heading: p.count === 1 ? '1 chat espera' : `${p.count} chats esperan`,
    paragraphs: [
      `Hola, ${p.name}: ningún dispositivo tuyo recibió el aviso, así que esto es lo que falta por responder.`,
    ],
    action: { label: 'Abrir la bandeja', url: p.url },
    blocks: p.blocks,
    notes: ['Elige qué eventos te avisan por correo en Ajustes → Notificaciones.'],
    footer: `${p.companyName} · enviado por Charla`,
  }),
};

const copies: Record<TLanguage, Copy> = {
  en,
  es,
  'pt-BR': mailCopyPtBr,
  fr: mailCopyFr,
  de: mailCopyDe,
  'en-XA': pseudoCopy(en, false),
  'ar-XB': pseudoCopy(en, true),
};

const SAMPLES: Record<TLanguage, { when: string; visitor: string; hello: string; answer: string }> = {
  en: {
    when: 'March 2, 2026, 10:24 AM',
    visitor: 'Visitor',
    hello: 'Hi, do you ship to Canada?',
    answer: 'Yes, in 3–5 business days.',
  },
  es: {
    when: '2 de marzo de 2026, 10:24',
    visitor: 'Visitante',
    hello: 'Hola, ¿enviáis a Canarias?',
    answer: 'Sí, en 3–5 días laborables.',
  },
  'pt-BR': {
    when: '2 de março de 2026, 10:24',
    visitor: 'Visitante',
    hello: 'Olá, vocês entregam em Manaus?',
    answer: 'Sim, em 3–5 dias úteis.',
  },
  fr: {
    when: '2 mars 2026, 10:24',
    visitor: 'Visiteur',
    hello: 'Bonjour, livrez-vous en Belgique ?',
    answer: 'Oui, en 3 à 5 jours ouvrés.',
  },
  de: {
    when: '2. März 2026, 10:24',
    visitor: 'Besucher',
    hello: 'Hallo, liefert ihr nach Österreich?',
    answer: 'Ja, in 3–5 Werktagen.',
  },
  'en-XA': {
    when: 'March 2, 2026, 10:24 AM',
    visitor: pseudoLocalize('Visitor'),
    hello: pseudoLocalize('Hi, do you ship to Canada?'),
    answer: pseudoLocalize('Yes, in 3–5 business days.'),
  },
  'ar-XB': {
    when: 'March 2, 2026, 10:24 AM',
    visitor: pseudoLocalize('Visitor', true),
    hello: pseudoLocalize('Hi, do you ship to Canada?', true),
    answer: pseudoLocalize('Yes, in 3–5 business days.', true),
  },
};

/** The content of one template in one language. */
export function mailContent<K extends TMailTemplateName>(
  template: K,
  language: TLanguage,
  params: MailParams[K],
): MailContent {
  return copies[language][template](params);
}

/** Realistic parameters for the preview in Settings → Email. */
export function sampleParams(companyName: string, publicUrl: string, language: TLanguage): MailParams {
  const { when, visitor, hello, answer } = SAMPLES[language];
  return {
    test: { companyName },
    invitation: {
      companyName,
      inviterName: 'Ana García',
      url: `${publicUrl}/invite?token=example`,
      expiresInDays: 7,
    },
    'password-reset': { companyName, url: `${publicUrl}/reset-password?token=example`, expiresInMinutes: 60 },
    'password-changed': { companyName, name: 'Ana García' },
    'email-changed': { companyName, name: 'Ana García', newEmail: 'ana@example.com' },
    transcript: {
      companyName,
      startedAt: when,
      blocks: [
        { title: visitor, meta: '10:24', html: `<p>${hello}</p>`, text: hello },
        { title: 'Ana García', meta: '10:25', html: `<p>${answer}</p>`, text: answer },
      ],
    },
    'follow-up': {
      companyName,
      agentName: 'Ana García',
      blocks: [{ title: 'Ana García', meta: '10:25', html: `<p>${answer}</p>`, text: answer }],
      url: `${publicUrl}/chat?link=example`,
      expiresInDays: 7,
      canReply: true,
    },
    digest: {
      companyName,
      name: 'Ana García',
      count: 1,
      blocks: [{ title: visitor, meta: '10:24', html: `<p>${hello}</p>`, text: hello }],
      url: `${publicUrl}/inbox/unassigned`,
    },
  };
}
