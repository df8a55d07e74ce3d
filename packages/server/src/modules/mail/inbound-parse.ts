import { createHash } from 'node:crypto';
import type { AddressObject } from 'mailparser';
import { AppError } from '../../lib/app-error';
import { isSingleAddress } from './one-line';

/** What Charla keeps of an inbound mail, whichever way it arrived. */
export type InboundMail = {
  /** SHA-256 of the Message-ID (or of the mail itself): a provider's retry is taken once. */
  id: string;
  from: string;
  fromName: string;
  recipients: string[];
  subject: string;
  text: string;
};

/** The largest inbound mail taken (raw MIME or the provider's JSON); larger → INBOUND_MAIL_TOO_LARGE. */
export const MAX_INBOUND_BYTES = 1_000_000;
const MAX_TEXT_CHARS = 5000;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** The common providers' inbound JSON (Postmark's field names; others map onto them). */
export type ProviderInbound = {
  From?: unknown;
  FromName?: unknown;
  FromFull?: { Email?: unknown; Name?: unknown };
  To?: unknown;
  Cc?: unknown;
  OriginalRecipient?: unknown;
  Subject?: unknown;
  MessageID?: unknown;
  TextBody?: unknown;
  StrippedTextReply?: unknown;
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** "Name <a@b>, c@d" → ["a@b", "c@d"]. */
function addressesIn(list: string): string[] {
  return [...list.matchAll(/<?([^\s<>,;"]+@[^\s<>,;"]+)>?/g)].map((m) => (m[1] ?? '').toLowerCase());
}

// "On … wrote:" / "El … escribió:" (composed or decomposed). The accent is written as an escape:
// one non-ASCII character in the code would make the whole bundled server a two-byte string in
// memory, 16 MB instead of 6 (issue 25, idle RSS; packages/server/build.mjs checks it).
const QUOTE_HEADER = /^(On|El) .*(wrote|escribi(\u00f3|o\u0301)):$/i;

/**
 * The visitor's own words: everything above the quoted earlier mail ("On … wrote:", "El …
 * escribió:", "> " lines, "-----Original Message-----") and above a "-- " signature.
 */
export function stripQuoted(text: string): string {
  const kept: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const t = line.trim();
    if (
      t.startsWith('>') ||
      QUOTE_HEADER.test(t) ||
      /^-{2,}\s*(Original Message|Mensaje original)/i.test(t) ||
      line === '-- '
    )
      break;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

/** Header injection and junk are refused before anything is looked up or stored. */
function validated(mail: Omit<InboundMail, 'text'> & { body: string }): InboundMail {
  if (LINE_BREAK.test(mail.fromName) || LINE_BREAK.test(mail.subject) || LINE_BREAK.test(mail.from))
    throw new AppError('INBOUND_MAIL_INVALID', { message: 'A line break in a header (name or subject).' });
  const from = mail.from.trim().toLowerCase();
  if (!isSingleAddress(from)) throw new AppError('INBOUND_MAIL_INVALID', { message: 'No valid sender.' });
  const text = stripQuoted(mail.body).replaceAll('\u0000', '');
  if (!text) throw new AppError('INBOUND_MAIL_INVALID', { message: 'The mail has no text.' });
  return {
    id: mail.id,
    from,
    fromName: mail.fromName.trim().slice(0, 120),
    recipients: mail.recipients,
    subject: mail.subject.slice(0, 300),
    text: text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS - 1)}…` : text,
  };
}

/** The provider's inbound POST (JSON). */
export function parseProviderInbound(body: ProviderInbound): InboundMail {
  const from = str(body.FromFull?.Email) || addressesIn(str(body.From))[0] || '';
  const recipients = [
    ...addressesIn(str(body.To)),
    ...addressesIn(str(body.Cc)),
    ...addressesIn(str(body.OriginalRecipient)),
  ];
  const body_ = str(body.StrippedTextReply) || str(body.TextBody);
  return validated({
    id: sha256(str(body.MessageID) || JSON.stringify([from, str(body.Subject), body_])),
    from,
    fromName: str(body.FromFull?.Name) || str(body.FromName),
    recipients,
    subject: str(body.Subject),
    body: body_,
  });
}

const listOf = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => (v.address ?? '').toLowerCase()));

/** Raw MIME (RFC 5322), parsed by mailparser. */
export async function parseRawInbound(raw: Buffer): Promise<InboundMail> {
  // Loaded with the first mail: the parser and its charsets cost about 20 MB of memory (issue 25).
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(raw, { skipHtmlToText: false, skipImageLinks: true });
  const sender = listOf(parsed.from)[0] ?? '';
  const delivered = parsed.headers.get('delivered-to');
  const recipients = [
    ...listOf(parsed.to),
    ...listOf(parsed.cc),
    ...(typeof delivered === 'string' ? addressesIn(delivered) : []),
  ];
  return validated({
    id: sha256(parsed.messageId ?? raw.toString('base64')),
    from: sender,
    fromName: parsed.from?.value[0]?.name ?? '',
    recipients,
    subject: parsed.subject ?? '',
    body: parsed.text ?? '',
  });
}
