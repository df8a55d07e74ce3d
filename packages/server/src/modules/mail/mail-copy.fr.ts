import type { Copy } from './mail-copy';

/** The mails in French. */
export const mailCopyFr: Copy = {
  test: (p) => ({
    subject: `E-mail de test de ${p.companyName}`,
    heading: 'L’e-mail fonctionne',
    paragraphs: ['Ce message de test montre que Charla peut envoyer des e-mails via votre serveur SMTP.'],
    footer: `${p.companyName} · envoyé par Charla`,
  }),
  invitation: (p) => ({
    subject: `${p.inviterName} vous invite à rejoindre ${p.companyName} sur Charla`,
    heading: `Rejoignez ${p.companyName} sur Charla`,
    paragraphs: [
      `${p.inviterName} vous invite à répondre aux visiteurs du site avec l’équipe.`,
      'Ouvrez le lien pour choisir votre mot de passe et vous connecter.',
    ],
    action: { label: 'Accepter l’invitation', url: p.url },
    notes: [
      `Le lien ne fonctionne qu’une fois et expire dans ${p.expiresInDays} jours.`,
      'Si vous n’attendiez pas cette invitation, ignorez cet e-mail.',
    ],
    footer: `${p.companyName} · envoyé par Charla`,
  }),
  'password-reset': (p) => ({
    subject: 'Réinitialisez votre mot de passe Charla',
    heading: 'Choisissez un nouveau mot de passe',
    paragraphs: [
      'Quelqu’un a demandé à réinitialiser le mot de passe de ce compte. Si c’était vous, ouvrez le lien.',
    ],
    action: { label: 'Choisir un nouveau mot de passe', url: p.url },
    notes: [
      `Le lien ne fonctionne qu’une fois et expire dans ${p.expiresInMinutes} minutes. La réinitialisation vous déconnecte partout.`,
      'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe ne change pas.',
    ],
    footer: `${p.companyName} · envoyé par Charla`,
  }),
  'password-changed': (p) => ({
    subject: 'Votre mot de passe Charla a été modifié',
    heading: 'Votre mot de passe a été modifié',
    paragraphs: [
      `Bonjour ${p.name}, le mot de passe de votre compte Charla vient d’être modifié.`,
      'Si ce n’était pas vous, demandez immédiatement à un administrateur de votre équipe de réinitialiser votre accès.',
    ],
    footer: `${p.companyName} · envoyé par Charla`,
  }),
  'email-changed': (p) => ({
    subject: 'Votre adresse e-mail Charla a été modifiée',
    heading: 'Votre adresse e-mail a été modifiée',
    paragraphs: [
      `Bonjour ${p.name}, votre compte Charla se connecte désormais avec ${p.newEmail}. Cette adresse n’en recevra plus d’e-mails.`,
      'Si ce n’était pas vous, demandez immédiatement à un administrateur de votre équipe de rétablir votre accès.',
    ],
    footer: `${p.companyName} · envoyé par Charla`,
  }),
  transcript: (p) => ({
    subject: `Votre conversation avec ${p.companyName}`,
    heading: `Votre conversation avec ${p.companyName}`,
    paragraphs: [`Voici une copie de la conversation commencée le ${p.startedAt}.`],
    blocks: p.blocks,
    footer: `${p.companyName} · envoyé par Charla`,
  }),
  'follow-up': (p) => ({
    subject: `${p.agentName} a répondu à votre chat avec ${p.companyName}`,
    heading: `${p.agentName} a répondu`,
    paragraphs: [
      `Vous aviez quitté le chat : voici la réponse de ${p.companyName}.`,
      p.canReply ? 'Répondez à cet e-mail ou continuez dans le chat :' : 'Continuez dans le chat :',
    ],
    action: { label: 'Reprendre le chat', url: p.url },
    blocks: p.blocks,
    notes: [`Le lien rouvre votre chat et expire dans ${p.expiresInDays} jours. Ne le transférez pas.`],
    footer: `${p.companyName} · envoyé par Charla`,
  }),
  digest: (p) => ({
    subject: p.count === 1 ? '1 chat attend une réponse' : `${p.count} chats attendent une réponse`,
    heading: p.count === 1 ? '1 chat en attente' : `${p.count} chats en attente`,
    paragraphs: [
      `Bonjour ${p.name}, aucun de vos appareils n’a reçu la notification : voici ce qui reste sans réponse.`,
    ],
    action: { label: 'Ouvrir la boîte de réception', url: p.url },
    blocks: p.blocks,
    notes: ['Choisissez les événements qui vous écrivent dans Paramètres → Notifications.'],
    footer: `${p.companyName} · envoyé par Charla`,
  }),
};
