import { escapeHtml } from '@charla/protocol';
import { oneLine } from './one-line';

/** One entry of a transcript: who, when, and the message as safe HTML and as plain text. */
export type MailBlock = { title: string; meta: string; html: string; text: string };

/** What a template says, before layout. Every string is plain text (escaped here). */
export type MailContent = {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Below the button: expiry, "if this was not you", the link spelled out. */
  notes?: string[];
  blocks?: MailBlock[];
  footer: string;
};

export type RenderedMail = { subject: string; html: string; text: string };

/** Only http(s) links become buttons; anything else would be a way to smuggle script into a mail. */
function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
}

const COLORS = { text: '#1f2430', muted: '#5b6270', border: '#e3e6ec', accent: '#3147c9', bg: '#f4f5f8' };

function htmlBlocks(blocks: MailBlock[]): string {
  return blocks
    .map(
      (b) =>
        `<tr><td style="padding:10px 0;border-top:1px solid ${COLORS.border}">` +
        `<div style="font-weight:600">${escapeHtml(b.title)} <span style="font-weight:400;color:${COLORS.muted};font-size:12px">${escapeHtml(b.meta)}</span></div>` +
        `<div style="margin-top:4px">${b.html}</div></td></tr>`,
    )
    .join('');
}

function htmlBody(content: MailContent, url: string | null): string {
  const p = (text: string) => `<p style="margin:0 0 14px">${escapeHtml(text)}</p>`;
  const button =
    content.action && url
      ? `<p style="margin:22px 0"><a href="${escapeHtml(url)}" style="background:${COLORS.accent};color:#ffffff;text-decoration:none;padding:11px 20px;border-radius:6px;display:inline-block;font-weight:600">${escapeHtml(content.action.label)}</a></p>`
      : '';
  const notes = (content.notes ?? [])
    .map((n) => `<p style="margin:0 0 10px;color:${COLORS.muted};font-size:13px">${escapeHtml(n)}</p>`)
    .join('');
  const link = url
    ? `<p style="margin:0 0 10px;color:${COLORS.muted};font-size:13px;word-break:break-all"><a href="${escapeHtml(url)}" style="color:${COLORS.accent}">${escapeHtml(url)}</a></p>`
    : '';
  const blocks = content.blocks?.length
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${htmlBlocks(content.blocks)}</table>`
    : '';
  return `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>${content.paragraphs.map(p).join('')}${button}${blocks}${notes}${link}`;
}

/** Lays a template's content out as a small, safe HTML page and a matching plain-text part. */
export function renderMail(raw: MailContent, language: string): RenderedMail {
  // Names come from users and visitors: a line break in one must not shape the mail either.
  const line = (text: string) => oneLine(text, 5000);
  const content: MailContent = {
    ...raw,
    heading: line(raw.heading),
    paragraphs: raw.paragraphs.map(line),
    ...(raw.notes ? { notes: raw.notes.map(line) } : {}),
  };
  const url = content.action ? safeUrl(content.action.url) : null;
  const subject = oneLine(content.subject);
  const html =
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:24px 12px;background:${COLORS.bg};font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:${COLORS.text};font-size:15px;line-height:1.5">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid ${COLORS.border};border-radius:10px">` +
    `<tr><td style="padding:28px">${htmlBody(content, url)}</td></tr></table>` +
    `<p style="color:${COLORS.muted};font-size:12px;margin:16px 0 0">${escapeHtml(content.footer)}</p>` +
    `</td></tr></table></body></html>`;
  return { subject, html, text: textBody(content, url) };
}

function textBody(content: MailContent, url: string | null): string {
  const parts: string[] = [content.heading, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  if (content.action && url) parts.push(`${content.action.label}: ${url}`, '');
  for (const b of content.blocks ?? []) parts.push(`${b.title} · ${b.meta}`, b.text, '');
  for (const n of content.notes ?? []) parts.push(n, '');
  parts.push('--', content.footer);
  return parts.join('\n');
}
