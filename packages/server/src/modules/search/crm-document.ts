import { ZRichText } from '@charla/protocol';

/** Lines of a CRM record's search document: every text field, empty ones dropped. */
export function crmDocument(...parts: (string | null | undefined | (string | null | undefined)[])[]): string {
  return parts
    .flat()
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .join('\n');
}

/** A JSON string[] column as its items ('[]' on anything unexpected). */
export function jsonList(value: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Phone numbers also as bare digits, so a search for the digits finds the formatted number. */
export function withDigits(phones: string[]): string[] {
  return phones.flatMap((p) => {
    const digits = p.replace(/\D/g, '');
    return digits !== p && digits.length >= 3 ? [p, digits] : [p];
  });
}

/** The words of a note's rich text (JSON), one block per line. */
export function noteText(body: string): string {
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    return '';
  }
  const parsed = ZRichText.safeParse(json);
  if (!parsed.success) return '';
  return parsed.data.content
    .map((block) =>
      block.type === 'paragraph'
        ? (block.content ?? []).map((t) => t.text).join('')
        : block.type === 'bullet_list'
          ? block.items.map((item) => (item.content ?? []).map((t) => t.text).join('')).join('\n')
          : block.alt,
    )
    .join('\n');
}
