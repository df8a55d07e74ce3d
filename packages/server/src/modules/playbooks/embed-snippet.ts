/** Escapes a value for a double-quoted HTML attribute. */
function attr(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The one script tag a company puts on its pages to embed a playbook (R8). */
export function embedSnippet(publicUrl: string, publicId: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `<script async src="${attr(`${base}/widget.js`)}" data-playbook="${attr(publicId)}"></script>`;
}
