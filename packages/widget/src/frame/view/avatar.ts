import { h } from './dom';

/** A round avatar: the image when there is one, else the name's first letter. Decorative (the name is said next to it). */
export function avatar(name: string, url: string | null, className = 'av'): HTMLElement {
  if (url) return h('img', { class: className, src: url, alt: '', referrerpolicy: 'no-referrer' });
  return h(
    'span',
    { class: `${className} av-letter`, 'aria-hidden': 'true' },
    (name.trim()[0] ?? '?').toUpperCase(),
  );
}
