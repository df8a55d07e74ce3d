import type { Copy } from './mail-copy';

/** The mails in Brazilian Portuguese. */
export const mailCopyPtBr: Copy = {
  test: (p) => ({
    subject: `E-mail de teste de ${p.companyName}`,
    heading: 'O e-mail funciona',
    paragraphs: [
      'Esta mensagem de teste mostra que o Charla consegue enviar e-mails pelo seu servidor SMTP.',
    ],
    footer: `${p.companyName} · enviado pelo Charla`,
  }),
  invitation: (p) => ({
    subject: `${p.inviterName} convidou você para ${p.companyName} no Charla`,
    heading: `Entre em ${p.companyName} no Charla`,
    paragraphs: [
      `${p.inviterName} convidou você para atender os visitantes do site com a equipe.`,
      'Abra o link para escolher sua senha e entrar.',
    ],
    action: { label: 'Aceitar o convite', url: p.url },
    notes: [
      `O link funciona uma vez e expira em ${p.expiresInDays} dias.`,
      'Se você não esperava este convite, ignore este e-mail.',
    ],
    footer: `${p.companyName} · enviado pelo Charla`,
  }),
  'password-reset': (p) => ({
    subject: 'Redefina sua senha do Charla',
    heading: 'Escolha uma nova senha',
    paragraphs: ['Alguém pediu para redefinir a senha desta conta. Se foi você, abra o link.'],
    action: { label: 'Escolher uma nova senha', url: p.url },
    notes: [
      `O link funciona uma vez e expira em ${p.expiresInMinutes} minutos. Redefinir encerra todas as suas sessões.`,
      'Se você não pediu isso, ignore este e-mail: sua senha continua a mesma.',
    ],
    footer: `${p.companyName} · enviado pelo Charla`,
  }),
  'password-changed': (p) => ({
    subject: 'Sua senha do Charla foi alterada',
    heading: 'Sua senha foi alterada',
    paragraphs: [
      `Olá, ${p.name}: a senha da sua conta do Charla acabou de ser alterada.`,
      'Se não foi você, peça imediatamente a um administrador da sua equipe que redefina seu acesso.',
    ],
    footer: `${p.companyName} · enviado pelo Charla`,
  }),
  'email-changed': (p) => ({
    subject: 'Seu e-mail do Charla foi alterado',
    heading: 'Seu endereço de e-mail foi alterado',
    paragraphs: [
      `Olá, ${p.name}: sua conta do Charla agora entra com ${p.newEmail}. Este endereço não recebe mais e-mails dela.`,
      'Se não foi você, peça imediatamente a um administrador da sua equipe que restaure seu acesso.',
    ],
    footer: `${p.companyName} · enviado pelo Charla`,
  }),
  transcript: (p) => ({
    subject: `Sua conversa com ${p.companyName}`,
    heading: `Sua conversa com ${p.companyName}`,
    paragraphs: [`Aqui está uma cópia da conversa que começou em ${p.startedAt}.`],
    blocks: p.blocks,
    footer: `${p.companyName} · enviado pelo Charla`,
  }),
  'follow-up': (p) => ({
    subject: `${p.agentName} respondeu ao seu chat com ${p.companyName}`,
    heading: `${p.agentName} respondeu`,
    paragraphs: [
      `Você tinha saído do chat, então aqui está a resposta de ${p.companyName}.`,
      p.canReply ? 'Responda a este e-mail ou continue no chat:' : 'Continue no chat:',
    ],
    action: { label: 'Continuar o chat', url: p.url },
    blocks: p.blocks,
    notes: [`O link abre seu chat novamente e expira em ${p.expiresInDays} dias. Não o encaminhe.`],
    footer: `${p.companyName} · enviado pelo Charla`,
  }),
  digest: (p) => ({
    subject: p.count === 1 ? '1 chat aguarda resposta' : `${p.count} chats aguardam resposta`,
    heading: p.count === 1 ? '1 chat aguardando' : `${p.count} chats aguardando`,
    paragraphs: [
      `Olá, ${p.name}: nenhum dispositivo seu recebeu a notificação, então aqui está o que falta responder.`,
    ],
    action: { label: 'Abrir a caixa de entrada', url: p.url },
    blocks: p.blocks,
    notes: ['Escolha quais eventos avisam você por e-mail em Configurações → Notificações.'],
    footer: `${p.companyName} · enviado pelo Charla`,
  }),
};
