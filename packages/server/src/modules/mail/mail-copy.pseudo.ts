import { pseudoLocalize, type TMailTemplateName } from '@charla/protocol';
import type { Copy, MailParams } from './mail-copy';
import type { MailContent } from './render-mail';

/** English copy, pseudo-localized after the parameters are in (so names come out accented too: test only). */
export function pseudoCopy(en: Copy, rtl: boolean): Copy {
  const p = (text: string) => pseudoLocalize(text, rtl);
  const wrap =
    <K extends TMailTemplateName>(template: K) =>
    (params: MailParams[K]): MailContent => {
      const c = en[template](params);
      return {
        ...c,
        subject: p(c.subject),
        heading: p(c.heading),
        paragraphs: c.paragraphs.map(p),
        ...(c.action ? { action: { ...c.action, label: p(c.action.label) } } : {}),
        ...(c.notes ? { notes: c.notes.map(p) } : {}),
        footer: p(c.footer),
      };
    };
  return Object.fromEntries(Object.keys(en).map((k) => [k, wrap(k as TMailTemplateName)])) as Copy;
}
