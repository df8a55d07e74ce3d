import { describe, expect, it } from 'vitest';
import { renderDemoPage } from './demo-page';
import { frameCsp } from './frame-csp';

describe('renderDemoPage', () => {
  it('embeds the snippet exactly as a customer would paste it', () => {
    const html = renderDemoPage('https://chat.example.com', 'pb_123');
    expect(html).toContain(
      '<script async src="https://chat.example.com/widget.js" data-playbook="pb_123"></script>',
    );
  });

  it('explains how to get a playbook when there is none, and embeds nothing', () => {
    const html = renderDemoPage('https://chat.example.com', null);
    expect(html).not.toContain('widget.js');
    expect(html).toContain('No active playbook yet');
  });
});

describe('frameCsp', () => {
  it('allows no inline script and lets the frame open its socket to this host only', () => {
    const csp = frameCsp('chat.example.com');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("connect-src 'self' ws://chat.example.com wss://chat.example.com");
  });

  it('shows the previews of picked files (object URLs), and no other scheme is added', () => {
    const images = frameCsp('chat.example.com')
      .split('; ')
      .find((directive) => directive.startsWith('img-src'));
    expect(images).toBe("img-src 'self' https: data: blob: http://localhost:* http://127.0.0.1:*");
  });
});
