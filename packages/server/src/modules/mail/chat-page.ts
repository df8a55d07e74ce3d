import { escapeHtml, withPseudoLocales, type TLanguage } from '@charla/protocol';

type PageText = { title: string; opening: string; ready: string; invalid: string; expired: string };

const TEXT: Record<TLanguage, PageText> = withPseudoLocales({
  en: {
    title: 'Continue your chat',
    opening: 'Opening your chat…',
    ready: 'Your chat is open: continue the conversation in the chat window.',
    invalid: 'This chat link is not valid. Write to us again from our website.',
    expired: 'This chat link has expired. Write to us again from our website.',
  },
  es: {
    title: 'Sigue con tu chat',
    opening: 'Abriendo tu chat…',
    ready: 'Tu chat está abierto: sigue la conversación en la ventana del chat.',
    invalid: 'Este enlace al chat no es válido. Escríbenos de nuevo desde nuestra web.',
    expired: 'Este enlace al chat ha caducado. Escríbenos de nuevo desde nuestra web.',
  },
  'pt-BR': {
    title: 'Continue seu chat',
    opening: 'Abrindo seu chat…',
    ready: 'Seu chat está aberto: continue a conversa na janela do chat.',
    invalid: 'Este link de chat não é válido. Escreva para nós novamente pelo nosso site.',
    expired: 'Este link de chat expirou. Escreva para nós novamente pelo nosso site.',
  },
  fr: {
    title: 'Reprenez votre chat',
    opening: 'Ouverture de votre chat…',
    ready: 'Votre chat est ouvert : poursuivez la conversation dans la fenêtre du chat.',
    invalid: 'Ce lien de chat n’est pas valide. Écrivez-nous à nouveau depuis notre site.',
    expired: 'Ce lien de chat a expiré. Écrivez-nous à nouveau depuis notre site.',
  },
  de: {
    title: 'Setze deinen Chat fort',
    opening: 'Dein Chat wird geöffnet…',
    ready: 'Dein Chat ist offen: Setze das Gespräch im Chatfenster fort.',
    invalid: 'Dieser Chat-Link ist ungültig. Schreib uns erneut über unsere Website.',
    expired: 'Dieser Chat-Link ist abgelaufen. Schreib uns erneut über unsere Website.',
  },
});

/**
 * The page a follow-up mail links to (issue 20), on Charla's own origin, so the widget frame it
 * embeds shares the storage where the script puts the visitor's fresh token and conversation.
 * No inline script: /chat/continue.js does the work (the CSP allows only 'self').
 */
export function renderChatPage(companyName: string, language: TLanguage): string {
  const t = TEXT[language];
  const messages = escapeHtml(JSON.stringify({ ready: t.ready, invalid: t.invalid, expired: t.expired }));
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(t.title)} · ${escapeHtml(companyName)}</title>
<style>
body{margin:0;font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2430;background:#f4f5f8}
main{max-width:560px;margin:12vh auto 0;padding:32px 24px;background:#fff;border:1px solid #e3e6ec;border-radius:12px}
h1{font-size:24px;margin:0 0 8px;overflow-wrap:anywhere}
p{margin:0;color:#4a5160}
p.error{color:#a1242b}
@media (max-width:600px){main{margin:0;border:0;border-radius:0;min-height:100vh}}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(companyName)}</h1>
<p id="status" role="status" aria-live="polite" data-messages="${messages}">${escapeHtml(t.opening)}</p>
</main>
<script src="/chat/continue.js" defer></script>
</body>
</html>`;
}

/**
 * Exchanges the link for a token of the same visitor, stores it where the widget frame reads it
 * (`charla:v1:token`, `charla:v1:<playbook>:conv`), drops the link from the address bar and
 * history, then loads the widget opened on that conversation.
 */
export const CHAT_CONTINUE_SCRIPT = `(function () {
  var status = document.getElementById('status');
  var messages = JSON.parse(status.getAttribute('data-messages'));
  var link = new URLSearchParams(location.search).get('link') || '';
  history.replaceState(null, '', location.pathname);
  function fail(code) {
    status.textContent = code === 'FOLLOW_UP_LINK_EXPIRED' ? messages.expired : messages.invalid;
    status.className = 'error';
  }
  fetch('/api/v1/widget/follow-up', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ link: link }),
  })
    .then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) throw body && body.error ? body.error.code : 'FOLLOW_UP_LINK_INVALID';
        return body;
      });
    })
    .then(function (session) {
      if (!session.playbookPublicId) throw 'FOLLOW_UP_LINK_INVALID';
      localStorage.setItem('charla:v1:token', JSON.stringify(session.visitorToken));
      localStorage.setItem(
        'charla:v1:' + session.playbookPublicId + ':conv',
        JSON.stringify({ conversationId: session.conversationId, startKey: null, lastSeq: 0 }),
      );
      sessionStorage.setItem('charla:open', '1');
      var script = document.createElement('script');
      script.async = true;
      script.src = '/widget.js';
      script.setAttribute('data-playbook', session.playbookPublicId);
      script.onload = function () {
        status.textContent = messages.ready;
      };
      document.body.appendChild(script);
    })
    .catch(function (code) {
      fail(typeof code === 'string' ? code : 'FOLLOW_UP_LINK_INVALID');
    });
})();
`;
