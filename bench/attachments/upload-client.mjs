// The client half of upload-bench.ts, in its own process so its buffers and sockets do not count
// against the server's event loop or memory: POSTs one generated PDF per conversation, all at once.
const [baseUrl, cookie, bytesText, ...chats] = process.argv.slice(2);
const bytes = Number(bytesText);

function pdfOf(size, seed) {
  const body = Buffer.alloc(size);
  body.write('%PDF-1.4\n', 0, 'latin1');
  for (let i = 12; i + 4 <= size; i += 4) body.writeUInt32LE((seed * 2654435761 + i * 40503) >>> 0, i);
  return body;
}

const statuses = await Promise.all(
  chats.map(async (id, i) => {
    const res = await fetch(`${baseUrl}/api/v1/conversations/${id}/uploads?name=f${i}.pdf&size=${bytes}`, {
      method: 'POST',
      headers: { cookie, origin: 'http://charla.test', 'content-type': 'application/pdf' },
      body: pdfOf(bytes, i + 1),
    });
    await res.arrayBuffer();
    return res.status;
  }),
);
console.log(JSON.stringify(statuses));
