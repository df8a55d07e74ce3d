import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './harness';

/** End-to-end tests run against the built server, inbox and widget. */
export default function setup(): void {
  for (const file of [
    'packages/server/dist/main.js',
    'packages/inbox/dist/index.html',
    'packages/widget/dist/widget.js',
  ]) {
    if (!existsSync(join(repoRoot, file)))
      throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests`);
  }
  if (!existsSync('/usr/bin/chromium'))
    throw new Error('/usr/bin/chromium is missing: apt-get install -y chromium');
}
