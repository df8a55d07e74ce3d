import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signWebhook } from './sign-webhook';

type Verify = (
  secret: string,
  headers: Record<string, string>,
  rawBody: string,
  nowSeconds?: number,
) => boolean;

/** The verification example integrators copy from the README, run as written. */
async function readmeExample(): Promise<Verify> {
  const readme = readFileSync(fileURLToPath(new URL('../../../../../README.md', import.meta.url)), 'utf8');
  const after = readme.split('<!-- webhook-verify-example -->')[1] ?? '';
  const code = /```js\n([\s\S]*?)```/.exec(after)?.[1];
  if (!code) throw new Error('README has no webhook verification example');
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
    verifyCharlaWebhook: Verify;
  };
  return module.verifyCharlaWebhook;
}

describe('the README webhook verification example', () => {
  const secret = 'whsec_example';
  const body = '{"id":"0190","event":"lead.created","createdAt":1767225600000,"data":{}}';
  const headersAt = (timestamp: number, signedBody = body) => ({
    'charla-webhook-id': '0190',
    'charla-webhook-timestamp': String(timestamp),
    'charla-webhook-signature': signWebhook(secret, timestamp, signedBody),
  });

  it('accepts what Charla signs, within 5 minutes either way', async () => {
    const verify = await readmeExample();
    const now = 1_767_225_600;
    expect(verify(secret, headersAt(now), body, now)).toBe(true);
    expect(verify(secret, headersAt(now - 300), body, now)).toBe(true);
    expect(verify(secret, headersAt(now + 300), body, now)).toBe(true);
  });

  it('refuses replays older than 5 minutes, changed bodies, other secrets and missing headers', async () => {
    const verify = await readmeExample();
    const now = 1_767_225_600;
    expect(verify(secret, headersAt(now - 301), body, now)).toBe(false);
    expect(verify(secret, headersAt(now + 301), body, now)).toBe(false);
    expect(verify(secret, headersAt(now), `${body} `, now)).toBe(false);
    expect(verify('whsec_other', headersAt(now), body, now)).toBe(false);
    expect(verify(secret, {}, body, now)).toBe(false);
    expect(verify(secret, { ...headersAt(now), 'charla-webhook-timestamp': 'soon' }, body, now)).toBe(false);
  });
});
