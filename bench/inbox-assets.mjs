// node bench/inbox-assets.mjs [baseUrl]
// What a browser downloads to show the inbox's first page, from a running Charla (default
// http://127.0.0.1:3000, after `npm run build` and `npm start`): index.html, then every script
// and stylesheet it links, each asked for with and without `Accept-Encoding: br, gzip`. Prints
// the bytes on the wire per file and in total, and each file's Cache-Control.
const base = process.argv[2] ?? 'http://127.0.0.1:3000';

async function get(path, encoding) {
  const res = await fetch(new URL(path, base), { headers: { 'accept-encoding': encoding } });
  const body = Buffer.from(await res.arrayBuffer());
  return { res, bytes: Number(res.headers.get('content-length') ?? body.length), body };
}

const page = await get('/', 'identity');
const html = page.body.toString('utf8');
const links = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const rows = [];
for (const path of ['/', ...links]) {
  const plain = await get(path, 'identity');
  // fetch() decodes the body; the wire size is the Content-Length of the encoded answer.
  const packed = await get(path, 'br, gzip');
  rows.push({
    file: path,
    identityKB: +(plain.bytes / 1024).toFixed(1),
    encoding: packed.res.headers.get('content-encoding') ?? 'identity',
    wireKB: +(packed.bytes / 1024).toFixed(1),
    cacheControl: packed.res.headers.get('cache-control'),
  });
}
console.table(rows);
const sum = (key) => rows.reduce((total, row) => total + row[key], 0).toFixed(1);
console.log(`first page: ${sum('identityKB')} KB uncompressed → ${sum('wireKB')} KB on the wire`);
