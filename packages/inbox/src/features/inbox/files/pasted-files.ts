/**
 * What a paste adds to the message: the files it carries (a screenshot, an image copied from a
 * page) when it holds no plain text. A paste with text stays a text paste: copying cells from a
 * spreadsheet also puts a picture of them on the clipboard, but the person meant the text.
 */
export function pastedFiles<T>(clipboard: { files: readonly T[]; text: string }): T[] {
  return clipboard.text.trim() === '' ? [...clipboard.files] : [];
}
