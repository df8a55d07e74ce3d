import type { Copy } from './mail-copy';

/** The mails in German. */
export const mailCopyDe: Copy = {
  test: (p) => ({
    subject: `Test-E-Mail von ${p.companyName}`,
    heading: 'E-Mail funktioniert',
    paragraphs: ['Diese Testnachricht zeigt, dass Charla über deinen SMTP-Server E-Mails senden kann.'],
    footer: `${p.companyName} · gesendet von Charla`,
  }),
  invitation: (p) => ({
    subject: `${p.inviterName} hat dich zu ${p.companyName} auf Charla eingeladen`,
    heading: `Tritt ${p.companyName} auf Charla bei`,
    paragraphs: [
      `${p.inviterName} hat dich eingeladen, mit dem Team die Besucher der Website zu betreuen.`,
      'Öffne den Link, um dein Passwort zu wählen und dich anzumelden.',
    ],
    action: { label: 'Einladung annehmen', url: p.url },
    notes: [
      `Der Link funktioniert einmal und läuft in ${p.expiresInDays} Tagen ab.`,
      'Wenn du diese Einladung nicht erwartet hast, ignoriere diese E-Mail.',
    ],
    footer: `${p.companyName} · gesendet von Charla`,
  }),
  'password-reset': (p) => ({
    subject: 'Setze dein Charla-Passwort zurück',
    heading: 'Wähle ein neues Passwort',
    paragraphs: [
      'Jemand hat das Zurücksetzen des Passworts dieses Kontos angefordert. Wenn du es warst, öffne den Link.',
    ],
    action: { label: 'Neues Passwort wählen', url: p.url },
    notes: [
      `Der Link funktioniert einmal und läuft in ${p.expiresInMinutes} Minuten ab. Das Zurücksetzen meldet dich überall ab.`,
      'Wenn du das nicht angefordert hast, ignoriere diese E-Mail: Dein Passwort bleibt, wie es ist.',
    ],
    footer: `${p.companyName} · gesendet von Charla`,
  }),
  'password-changed': (p) => ({
    subject: 'Dein Charla-Passwort wurde geändert',
    heading: 'Dein Passwort wurde geändert',
    paragraphs: [
      `Hallo ${p.name}, das Passwort deines Charla-Kontos wurde gerade geändert.`,
      'Wenn du das nicht warst, bitte sofort einen Admin deines Teams, deinen Zugang zurückzusetzen.',
    ],
    footer: `${p.companyName} · gesendet von Charla`,
  }),
  'email-changed': (p) => ({
    subject: 'Deine Charla-E-Mail-Adresse wurde geändert',
    heading: 'Deine E-Mail-Adresse wurde geändert',
    paragraphs: [
      `Hallo ${p.name}, dein Charla-Konto meldet sich jetzt mit ${p.newEmail} an. Diese Adresse erhält keine E-Mails mehr davon.`,
      'Wenn du das nicht warst, bitte sofort einen Admin deines Teams, deinen Zugang wiederherzustellen.',
    ],
    footer: `${p.companyName} · gesendet von Charla`,
  }),
  transcript: (p) => ({
    subject: `Dein Gespräch mit ${p.companyName}`,
    heading: `Dein Gespräch mit ${p.companyName}`,
    paragraphs: [`Hier ist eine Kopie des Gesprächs, das am ${p.startedAt} begann.`],
    blocks: p.blocks,
    footer: `${p.companyName} · gesendet von Charla`,
  }),
  'follow-up': (p) => ({
    subject: `${p.agentName} hat auf deinen Chat mit ${p.companyName} geantwortet`,
    heading: `${p.agentName} hat geantwortet`,
    paragraphs: [
      `Du hattest den Chat verlassen, deshalb hier die Antwort von ${p.companyName}.`,
      p.canReply ? 'Antworte auf diese E-Mail oder mach im Chat weiter:' : 'Mach im Chat weiter:',
    ],
    action: { label: 'Chat fortsetzen', url: p.url },
    blocks: p.blocks,
    notes: [
      `Der Link öffnet deinen Chat erneut und läuft in ${p.expiresInDays} Tagen ab. Leite ihn nicht weiter.`,
    ],
    footer: `${p.companyName} · gesendet von Charla`,
  }),
  digest: (p) => ({
    subject: p.count === 1 ? '1 Chat wartet auf eine Antwort' : `${p.count} Chats warten auf eine Antwort`,
    heading: p.count === 1 ? '1 Chat wartet' : `${p.count} Chats warten`,
    paragraphs: [
      `Hallo ${p.name}, keines deiner Geräte hat die Benachrichtigung erhalten, deshalb hier, was noch offen ist.`,
    ],
    action: { label: 'Posteingang öffnen', url: p.url },
    blocks: p.blocks,
    notes: ['Wähle unter Einstellungen → Benachrichtigungen, welche Ereignisse dir E-Mails senden.'],
    footer: `${p.companyName} · gesendet von Charla`,
  }),
};
