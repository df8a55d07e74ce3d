import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed-snippet';

describe('embedSnippet', () => {
  it('builds the async script tag with the public id', () => {
    expect(embedSnippet('https://chat.example.com', 'abc')).toBe(
      '<script async src="https://chat.example.com/widget.js" data-playbook="abc"></script>',
    );
  });

  it('drops a trailing slash of the public URL', () => {
    expect(embedSnippet('https://chat.example.com/charla/', 'abc')).toContain(
      'src="https://chat.example.com/charla/widget.js"',
    );
  });

  it('escapes attribute values', () => {
    expect(embedSnippet('https://x.example', '"><script>')).toContain(
      'data-playbook="&quot;&gt;&lt;script&gt;"',
    );
  });
});
