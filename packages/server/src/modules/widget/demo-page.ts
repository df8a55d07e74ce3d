import { embedSnippet } from '../playbooks/index';

/** The look of the demo company site (plain CSS, no external assets). */
const DEMO_STYLE = `*{box-sizing:border-box}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#fff}
a{color:inherit}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px}
.nav{display:flex;align-items:center;justify-content:space-between;height:72px}
.logo{display:flex;align-items:center;gap:10px;font-weight:800;font-size:20px;letter-spacing:-.02em;text-decoration:none}
.logo i{width:28px;height:28px;border-radius:50%;background:radial-gradient(circle at 35% 35%,#ffd166,#f08c00)}
.nav ul{display:flex;gap:28px;margin:0;padding:0;list-style:none;font-size:15px;color:#52606d}
.nav ul a{text-decoration:none}
.btn{display:inline-block;padding:12px 22px;border-radius:10px;background:#0b6e4f;color:#fff;font-weight:600;text-decoration:none}
.btn.ghost{background:transparent;color:#0b6e4f;box-shadow:inset 0 0 0 2px #0b6e4f}
.hero{background:linear-gradient(160deg,#f3faf6 0%,#fff7e6 100%);padding:72px 0 88px}
.hero .wrap{display:grid;grid-template-columns:1.1fr .9fr;gap:56px;align-items:center}
h1{font-size:52px;line-height:1.08;letter-spacing:-.03em;margin:0 0 20px}
.lead{font-size:20px;color:#52606d;margin:0 0 32px}
.cta{display:flex;gap:12px;flex-wrap:wrap}
.panel{aspect-ratio:4/3;border-radius:20px;background:linear-gradient(135deg,#0b3954 0%,#0b6e4f 100%);position:relative;overflow:hidden;box-shadow:0 30px 60px rgba(11,57,84,.25)}
.panel::before{content:"";position:absolute;inset:18% 12%;background:repeating-linear-gradient(90deg,rgba(255,255,255,.18) 0 2px,transparent 2px 25%),repeating-linear-gradient(0deg,rgba(255,255,255,.18) 0 2px,transparent 2px 33%),linear-gradient(160deg,#1c5d99,#0b3954);transform:perspective(600px) rotateX(28deg);border-radius:6px}
.panel::after{content:"";position:absolute;top:8%;right:10%;width:70px;height:70px;border-radius:50%;background:#ffd166;box-shadow:0 0 60px 20px rgba(255,209,102,.55)}
.stats{display:flex;flex-wrap:wrap;gap:16px 40px;margin-top:40px;color:#52606d;font-size:15px}
.stats b{display:block;font-size:28px;color:#1f2933}
section{padding:80px 0}
h2{font-size:36px;letter-spacing:-.02em;margin:0 0 12px}
.sub{color:#52606d;margin:0 0 40px;max-width:640px}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:24px}
.card{padding:28px;border:1px solid #e4e7eb;border-radius:16px}
.card h3{margin:12px 0 8px;font-size:20px}
.card p{margin:0;color:#52606d;font-size:16px}
.icon{width:44px;height:44px;border-radius:12px;background:#e3f4ec;display:grid;place-items:center;font-size:22px}
.alt{background:#f7f9fa}
.price{display:grid;grid-template-columns:repeat(3,1fr);gap:24px}
.price .card{background:#fff}
.price .amount{font-size:36px;font-weight:800;margin:8px 0}
.price .card.best{border:2px solid #0b6e4f}
.quote{font-size:24px;line-height:1.5;max-width:760px;margin:0}
.who{color:#52606d;margin-top:16px}
footer{padding:40px 0;border-top:1px solid #e4e7eb;color:#7b8794;font-size:14px}
.notice{margin:0;padding:12px 24px;background:#fff3cd;color:#664d03;text-align:center;font-size:15px}
@media (max-width:800px){.hero .wrap,.grid,.price{grid-template-columns:1fr}h1{font-size:38px}.nav ul{display:none}.hero{padding:40px 0 56px}}
`;

/**
 * A realistic company website for trying the widget: a product landing page that embeds the
 * snippet exactly as a customer would. With no playbook to show, it says how to get one.
 */
export function renderDemoPage(origin: string, publicId: string | null): string {
  const snippet = publicId ? embedSnippet(origin, publicId) : '';
  const notice = publicId
    ? ''
    : '<p class="notice">No active playbook yet. Activate one in the Charla inbox, or open <code>/demo?playbook=PUBLIC_ID</code>.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Sunforge — Solar power for your home</title>
<meta name="description" content="Sunforge designs, installs and monitors rooftop solar systems for homes.">
<style>
${DEMO_STYLE}</style>
</head>
<body>
${notice}
<header class="wrap nav">
  <a class="logo" href="/demo"><i aria-hidden="true"></i>Sunforge</a>
  <nav aria-label="Main"><ul><li><a href="#how">How it works</a></li><li><a href="#pricing">Pricing</a></li><li><a href="#stories">Stories</a></li></ul></nav>
  <a class="btn" href="#pricing">Get a quote</a>
</header>
<main>
<div class="hero">
  <div class="wrap">
    <div>
      <h1>Power your home with the sun, not your bill.</h1>
      <p class="lead">Sunforge designs, installs and monitors rooftop solar for homes. Most families cut their electricity bill by 70% in the first year.</p>
      <div class="cta"><a class="btn" href="#pricing">See plans</a><a class="btn ghost" href="#how">How it works</a></div>
      <div class="stats"><div><b>12,400+</b>homes powered</div><div><b>25 years</b>panel warranty</div><div><b>4.9/5</b>customer rating</div></div>
    </div>
    <div class="panel" role="img" aria-label="Solar panels on a roof in the sun"></div>
  </div>
</div>
<section id="how">
  <div class="wrap">
    <h2>From quote to kilowatts in four weeks</h2>
    <p class="sub">One team handles everything: the design, the permits, the installation and the monitoring app.</p>
    <div class="grid">
      <div class="card"><div class="icon" aria-hidden="true">📐</div><h3>Free design</h3><p>We model your roof from satellite imagery and size a system to your real usage.</p></div>
      <div class="card"><div class="icon" aria-hidden="true">🛠️</div><h3>One-day install</h3><p>Certified crews install most systems in a single day, permits and inspection included.</p></div>
      <div class="card"><div class="icon" aria-hidden="true">📈</div><h3>Live monitoring</h3><p>Watch what your panels produce, and get alerted before a problem costs you power.</p></div>
    </div>
  </div>
</section>
<section id="pricing" class="alt">
  <div class="wrap">
    <h2>Simple plans</h2>
    <p class="sub">Buy outright, finance at 0% for 24 months, or lease with nothing up front.</p>
    <div class="price">
      <div class="card"><h3>Starter</h3><div class="amount">$6,900</div><p>Up to 4 kW · 10 panels · ideal for apartments and small homes.</p></div>
      <div class="card best"><h3>Home</h3><div class="amount">$11,500</div><p>Up to 7 kW · 18 panels · battery-ready · our most popular plan.</p></div>
      <div class="card"><h3>Home + Battery</h3><div class="amount">$18,900</div><p>Up to 10 kW with a 13.5 kWh battery: keep the lights on in an outage.</p></div>
    </div>
  </div>
</section>
<section id="stories">
  <div class="wrap">
    <p class="quote">“The quote took ten minutes, the install took a day, and our last bill was $14. I keep checking the app just to watch the numbers.”</p>
    <p class="who">Maya R., Sunforge customer since 2023</p>
  </div>
</section>
</main>
<footer><div class="wrap">© Sunforge Energy, Inc. · This is a demo website for the Charla chat widget.</div></footer>
${snippet}
</body>
</html>`;
}
