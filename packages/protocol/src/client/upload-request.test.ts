import { describe, expect, it } from 'vitest';
import { startUpload, UploadError, type TXhrLike } from './upload-request';

/** A stand-in for the browser's XMLHttpRequest that records what was asked and answers on demand. */
function fakeXhr() {
  const calls: { method?: string; url?: string; headers: Record<string, string>; body?: unknown } = {
    headers: {},
  };
  const listeners = new Map<string, (event?: unknown) => void>();
  const fire = (type: string, event?: unknown) => listeners.get(type)?.(event);
  const xhr: TXhrLike & { status: number; responseText: string } = {
    status: 0,
    responseText: '',
    upload: { addEventListener: (type, listener) => listeners.set(`upload:${type}`, listener as never) },
    addEventListener: (type, listener) => listeners.set(type, listener),
    open: (method, url) => Object.assign(calls, { method, url }),
    setRequestHeader: (name, value) => (calls.headers[name] = value),
    send: (body) => (calls.body = body),
    abort: () => fire('abort'),
  };
  const answer = (status: number, body: unknown) => {
    xhr.status = status;
    xhr.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    fire('load');
  };
  const progress = (loaded: number, total: number) => fire('upload:progress', { loaded, total });
  return { xhr, calls, answer, progress, fire };
}

describe('startUpload', () => {
  it('posts the raw bytes with the name and size in the query, reports progress and resolves with the record', async () => {
    const { xhr, calls, answer, progress } = fakeXhr();
    const shares: number[] = [];
    const upload = startUpload({
      xhr,
      path: '/api/v1/widget/conversations/c1/uploads',
      name: 'roof photo #1.png',
      size: 2048,
      body: 'BYTES',
      headers: { authorization: 'Visitor t' },
      onProgress: (share) => shares.push(share),
    });
    expect(calls).toMatchObject({
      method: 'POST',
      url: '/api/v1/widget/conversations/c1/uploads?name=roof%20photo%20%231.png&size=2048',
      body: 'BYTES',
      headers: { 'content-type': 'application/octet-stream', authorization: 'Visitor t' },
    });
    progress(1024, 2048);
    progress(0, 0);
    answer(201, { id: 'u1', name: 'roof photo #1.png' });
    await expect(upload.done).resolves.toMatchObject({ id: 'u1' });
    expect(shares).toEqual([0.5]);
  });

  it('rejects with the server’s code, HTTP_<status> for a page that is not ours, NETWORK and ABORTED', async () => {
    const refused = fakeXhr();
    const a = startUpload({ xhr: refused.xhr, path: '/u', name: 'x', size: 1, body: null });
    refused.answer(415, { error: { code: 'ATTACHMENT_TYPE_NOT_ALLOWED', message: 'No' } });
    await expect(a.done).rejects.toEqual(new UploadError('ATTACHMENT_TYPE_NOT_ALLOWED'));

    const proxy = fakeXhr();
    const b = startUpload({ xhr: proxy.xhr, path: '/u', name: 'x', size: 1, body: null });
    proxy.answer(502, '<html>Bad gateway</html>');
    await expect(b.done).rejects.toMatchObject({ code: 'HTTP_502' });

    const cut = fakeXhr();
    const c = startUpload({ xhr: cut.xhr, path: '/u', name: 'x', size: 1, body: null });
    cut.fire('error');
    await expect(c.done).rejects.toMatchObject({ code: 'NETWORK' });

    const cancelled = fakeXhr();
    const d = startUpload({ xhr: cancelled.xhr, path: '/u', name: 'x', size: 1, body: null });
    d.abort();
    await expect(d.done).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
