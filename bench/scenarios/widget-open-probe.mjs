// Runs in every frame of the page under test (context.addInitScript): notes, in epoch ms and as a
// `performance.mark('bench-…')` the trace can see, when the pointer went down on the launcher and
// when each widget's chat became usable.
//   Charla (/widget/frame.html): `interactive` = the frame after focus landed in the composer area
//     (the chat moves focus there when it opens; a hidden frame cannot take focus); `botArrived` =
//     the frame after the first bot message came off the socket (what the visitor would see without
//     the playbook's deliberate typing delay); `botVisible` = its bubble in the DOM (with the delay).
//   Rocket.Chat Livechat (/livechat): `interactive` = the frame after its window is no longer
//     minimized, its composer is in the DOM and the host has resized the iframe to the open window.
export const OPEN_PROBE = `(() => {
  if (window.__bench) return;
  const bench = (window.__bench = { t: {} });
  const at = (name) => {
    if (bench.t[name] !== undefined) return;
    bench.t[name] = performance.timeOrigin + performance.now();
    performance.mark('bench-' + name);
  };
  const nextFrame = (name) => requestAnimationFrame(() => at(name));
  addEventListener('pointerdown', () => at('click'), true);
  if (location.pathname === '/widget/frame.html') {
    document.addEventListener('focusin', (event) => {
      if (event.target instanceof Element && event.target.closest('footer')) nextFrame('interactive');
    }, true);
    const isBot = (m) => m && m.author && m.author.kind === 'bot';
    const Native = WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (event) => {
          if (bench.t.botArrived !== undefined || typeof event.data !== 'string') return;
          try {
            const frame = JSON.parse(event.data);
            if (isBot(frame.message) || (frame.messages || []).some(isBot)) nextFrame('botArrived');
          } catch {}
        });
      }
    };
    new MutationObserver(() => {
      if (document.querySelector('.row.in .bubble.rt')) at('botVisible');
    }).observe(document, { childList: true, subtree: true });
  } else if (location.pathname === '/livechat') {
    const check = () => {
      if (bench.t.click === undefined || bench.t.interactive !== undefined || innerHeight < 200) return;
      if (document.querySelector('[class*="screen--minimized"]')) return;
      if (document.querySelector('[contenteditable="true"], textarea')) nextFrame('interactive');
    };
    new MutationObserver(check).observe(document, { attributes: true, childList: true, subtree: true });
    addEventListener('resize', check);
  }
})();`;
