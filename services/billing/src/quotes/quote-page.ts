import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { euros, frenchDate, type PublicQuoteView } from '@relais/domain';

/**
 * The customer's quote page: plain server-rendered HTML, readable on a phone, one inline script
 * (nonce-protected) for the signature pad and the totals preview when options change. The
 * preview adds integer cents with BigInt, by the same rules as the server (discount then VAT per
 * rate, rounded half up); the totals that count are recomputed by the server at acceptance.
 */

const require = createRequire(import.meta.url);
const SIGNATURE_PAD_JS = readFileSync(require.resolve('signature_pad').replace(/\.umd\.js$/, '.umd.min.js'), 'utf8').replaceAll(
  '</',
  '<\\/',
);

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const parisDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

const quantity = (q: string) => q.replace(/\.?0+$/, '').replace('.', ',');
const percent = (p: string) => p.replace(/\.?0+$/, '').replace('.', ',');
const cents = (amount: string) => amount.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1');

const UNITS: Record<string, string> = { HUR: 'h', C62: 'u', MTR: 'm', MTK: 'm²', KGM: 'kg', LTR: 'l' };

const STYLE = `
  *{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f4f5f7}
  main{max-width:860px;margin:0 auto;padding:16px}.card{background:#fff;border-radius:10px;padding:16px 18px;margin:0 0 14px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
  h1{font-size:1.35rem;margin:0 0 4px}h2{font-size:1.05rem;margin:18px 0 6px;color:#334e68}small,.muted{color:#627d98}
  table{width:100%;border-collapse:collapse}td,th{padding:6px 4px;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top}
  th{font-size:.8rem;color:#627d98;font-weight:600}.num{text-align:right;white-space:nowrap}.opt{background:#fffbea}
  .totals td{border:0;padding:3px 4px}.totals .grand td{font-weight:700;font-size:1.1rem;border-top:2px solid #334e68}
  .banner{padding:12px 14px;border-radius:8px;margin:0 0 14px;font-weight:600}.ok{background:#e3f9e5;color:#05400a}.warn{background:#fff3c4;color:#8d2b0b}.ko{background:#ffe3e3;color:#610404}
  label{display:block;font-weight:600;margin:10px 0 4px}input[type=text],textarea{width:100%;font:inherit;padding:10px;border:1px solid #bcccdc;border-radius:6px}
  canvas{width:100%;height:180px;border:1px dashed #829ab1;border-radius:6px;background:#fff;touch-action:none}
  button{font:inherit;font-weight:600;padding:12px 18px;border-radius:8px;border:0;cursor:pointer;margin:10px 8px 0 0}
  .accept{background:#2f8132;color:#fff}.refuse{background:#fff;color:#a61b1b;border:1px solid #a61b1b}.link{background:none;color:#486581;padding:4px 0;text-decoration:underline}
  .error{color:#a61b1b;font-weight:600}img.signature{max-width:320px;width:100%;border:1px solid #e4e7eb;border-radius:6px}
  @media (max-width:600px){.hide-sm{display:none}td,th{font-size:.9rem}}`;

function layout(title: string, body: string, nonce: string, script = ''): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main>${body}</main>${script}</body></html>`;
}

export function notFoundPage(nonce: string): string {
  return layout(
    'Devis introuvable',
    `<div class="card"><h1>Devis introuvable</h1><p>Ce lien ne correspond à aucun devis. Vérifiez l’adresse reçue par e-mail ou contactez l’entreprise qui vous l’a envoyé.</p></div>`,
    nonce,
  );
}

function banner(view: PublicQuoteView): string {
  const q = view.quote;
  switch (view.status) {
    case 'ACCEPTED': {
      const who = q.decidedByKind === 'CUSTOMER' ? `par ${escape(q.signerName ?? '')}` : 'par l’entreprise, pour vous';
      return `<div class="banner ok">Devis accepté le ${parisDateTime.format(q.acceptedAt!)} (heure de Paris) ${who}.</div>`;
    }
    case 'REFUSED':
      return `<div class="banner ko">Devis refusé le ${parisDateTime.format(q.refusedAt!)} (heure de Paris)${q.refusalReason ? ` : « ${escape(q.refusalReason)} »` : ''}.</div>`;
    case 'EXPIRED':
      return `<div class="banner warn">Ce devis a expiré le ${frenchDate(q.validUntil)} : il ne peut plus être accepté en ligne. Contactez ${escape(view.seller.name)} pour en recevoir une nouvelle version.</div>`;
    case 'CANCELLED':
      return `<div class="banner ko" role="status">Ce devis n’est plus valable : il a été annulé par ${escape(view.seller.name)}. Il ne peut plus être accepté ; contactez ${escape(view.seller.name)} pour toute question.</div>`;
    case 'DRAFT':
      return `<div class="banner warn">Ce devis est en cours de révision par ${escape(view.seller.name)} : la nouvelle version vous sera envoyée.</div>`;
    case 'SENT':
      return '';
  }
}

function receipt(view: PublicQuoteView): string {
  const q = view.quote;
  if (view.status !== 'ACCEPTED' || q.decidedByKind !== 'CUSTOMER') return '';
  return `<div class="card" id="receipt"><h2>Accusé d’acceptation</h2>
    <p>Devis ${escape(q.number ?? '')}, révision ${q.revision}, accepté pour ${euros(q.totalGross)} TTC.</p>
    <table><tr><th>Signataire</th><td>${escape(q.signerName ?? '')}</td></tr>
    <tr><th>Date et heure</th><td>${parisDateTime.format(q.acceptedAt!)} (heure de Paris)</td></tr>
    <tr><th>Adresse IP</th><td>${escape(q.acceptanceIp ?? 'inconnue')}</td></tr></table>
    ${q.signature ? `<p><img class="signature" alt="Signature de ${escape(q.signerName ?? '')}" src="${escape(q.signature)}"></p>` : ''}</div>`;
}

function linesTable(view: PublicQuoteView, interactive: boolean): string {
  const sections: { title: string | null; rows: string[] }[] = [];
  const rateOf = new Map(view.vatRates.map((r) => [r.code, r.rate]));
  for (const line of view.lines) {
    const option = line.optional
      ? interactive
        ? `<label class="muted"><input type="checkbox" form="accept-form" name="option" value="${line.id}" data-option="${line.id}"${line.selected ? ' checked' : ''}> Option — je la retiens</label>`
        : `<small>Option ${line.selected ? 'retenue' : 'non retenue'}</small>`
      : '';
    const row = `<tr class="${line.optional ? 'opt' : ''}"><td>${escape(line.description)}${option ? `<br>${option}` : ''}</td>
      <td class="num">${quantity(line.quantity)} ${escape(UNITS[line.unit] ?? line.unit)}</td>
      <td class="num hide-sm">${euros(line.unitPrice.replace(/(\.\d\d)\d*$/, '$1'))}${line.discountPercent !== '0.00' ? `<br><small>−${percent(line.discountPercent)} %</small>` : ''}</td>
      <td class="num hide-sm">${percent(rateOf.get(line.vatRateCode) ?? '0')} %</td>
      <td class="num">${euros(line.lineNet)}</td></tr>`;
    const last = sections.at(-1);
    if (last && last.title === (line.section ?? null)) last.rows.push(row);
    else sections.push({ title: line.section ?? null, rows: [row] });
  }
  return sections
    .map(
      (s) => `${s.title ? `<h2>${escape(s.title)}</h2>` : ''}<table><thead><tr><th>Désignation</th><th class="num">Qté</th>
        <th class="num hide-sm">PU HT</th><th class="num hide-sm">TVA</th><th class="num">Total HT</th></tr></thead><tbody>${s.rows.join('')}</tbody></table>`,
    )
    .join('');
}

function totalsTable(view: PublicQuoteView): string {
  const t = view.totals;
  const rows = t.invoiceTotals.vatBreakdown
    .map((r) => `<tr><td>TVA ${percent(r.rate)} % sur ${euros(r.basis)}</td><td class="num">${euros(r.tax)}</td></tr>`)
    .join('');
  return `<table class="totals" id="totals">
    ${t.discountTotal !== '0.00' ? `<tr><td>Total des lignes HT</td><td class="num">${euros(t.linesTotal)}</td></tr><tr><td>Remise globale (${percent(view.quote.globalDiscountPercent)} %)</td><td class="num">−${euros(t.discountTotal)}</td></tr>` : ''}
    <tr><td>Total HT</td><td class="num">${euros(t.totalNet)}</td></tr>${rows}
    <tr class="grand"><td>Total TTC</td><td class="num">${euros(t.totalGross)}</td></tr></table>`;
}

function previewData(view: PublicQuoteView): string {
  const rates = Object.fromEntries(view.vatRates.map((r) => [r.code, { key: `${r.categoryCode}|${r.rate}`, rate: cents(r.rate) }]));
  const data = {
    lines: view.lines.map((l) => ({ id: l.id, optional: l.optional, code: l.vatRateCode, net: cents(l.lineNet) })),
    discount: cents(view.quote.globalDiscountPercent),
    rates,
  };
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}

const PAGE_SCRIPT = `
(function(){
  var data = JSON.parse(document.getElementById('quote-data').textContent);
  function div(a,b){return (2n*a+b)/(2n*b);}
  function fmt(c){var neg=c<0n;if(neg)c=-c;var s=c.toString().padStart(3,'0');var u=s.slice(0,-2).replace(/\\B(?=(\\d{3})+(?!\\d))/g,'\\u202f');return (neg?'−':'')+u+','+s.slice(-2)+' €';}
  function fmtRate(r){var s=(Number(r)/100).toString();return s.replace('.',',');}
  function refresh(){
    var chosen={};document.querySelectorAll('[data-option]').forEach(function(b){chosen[b.value]=b.checked;});
    var byCode={},lines=0n;
    data.lines.forEach(function(l){if(l.optional&&!chosen[l.id])return;var n=BigInt(l.net);lines+=n;byCode[l.code]=(byCode[l.code]||0n)+n;});
    var groups={},discount=0n;
    Object.keys(byCode).forEach(function(code){var b=byCode[code];var d=div(b*BigInt(data.discount),10000n);discount+=d;var r=data.rates[code];var g=groups[r.key]||(groups[r.key]={rate:r.rate,basis:0n});g.basis+=b-d;});
    var net=lines-discount,tax=0n,rows='';
    Object.keys(groups).sort(function(a,b){return Number(groups[b].rate)-Number(groups[a].rate);}).forEach(function(k){var g=groups[k];var t=div(g.basis*BigInt(g.rate),10000n);tax+=t;rows+='<tr><td>TVA '+fmtRate(g.rate)+' % sur '+fmt(g.basis)+'</td><td class="num">'+fmt(t)+'</td></tr>';});
    var head=discount>0n?'<tr><td>Total des lignes HT</td><td class="num">'+fmt(lines)+'</td></tr><tr><td>Remise globale ('+fmtRate(data.discount)+' %)</td><td class="num">−'+fmt(discount)+'</td></tr>':'';
    document.getElementById('totals').innerHTML=head+'<tr><td>Total HT</td><td class="num">'+fmt(net)+'</td></tr>'+rows+'<tr class="grand"><td>Total TTC</td><td class="num">'+fmt(net+tax)+'</td></tr>';
  }
  document.querySelectorAll('[data-option]').forEach(function(b){b.addEventListener('change',refresh);});
  refresh();
  var canvas=document.getElementById('signature-pad');
  var pad=new SignaturePad(canvas,{backgroundColor:'rgb(255,255,255)'});
  function resize(){var ratio=Math.max(window.devicePixelRatio||1,1);var saved=pad.toData();canvas.width=canvas.offsetWidth*ratio;canvas.height=canvas.offsetHeight*ratio;canvas.getContext('2d').scale(ratio,ratio);pad.clear();pad.fromData(saved);}
  window.addEventListener('resize',resize);resize();
  document.getElementById('clear-signature').addEventListener('click',function(){pad.clear();});
  document.getElementById('accept-form').addEventListener('submit',function(e){
    if(pad.isEmpty()){e.preventDefault();document.getElementById('signature-error').textContent='Signez dans le cadre avant d’accepter.';return;}
    document.getElementById('signature').value=pad.toDataURL('image/png');
  });
})();`;

export function quotePage(view: PublicQuoteView, token: string, nonce: string, error: string | null = null): string {
  const q = view.quote;
  const actionable = view.status === 'SENT';
  const s = view.seller;
  const sellerLines = [
    s.legalName !== s.name ? escape(s.legalName) : null,
    s.addressLine1 ? escape(s.addressLine1) : null,
    s.postalCode || s.city ? escape(`${s.postalCode ?? ''} ${s.city ?? ''}`.trim()) : null,
    s.siren ? `SIREN ${escape(s.siren)}` : null,
    s.vatNumber ? `TVA ${escape(s.vatNumber)}` : null,
  ].filter(Boolean);
  const header = `<div class="card"><small>${escape(s.name)}${sellerLines.length ? ` — ${sellerLines.join(' · ')}` : ''}</small>
    <h1>Devis ${escape(q.number ?? '')}${q.revision > 1 ? ` <small>(révision ${q.revision})</small>` : ''}</h1>
    <p><strong>${escape(q.title)}</strong><br>Pour ${escape(view.customerName)}${view.siteLabel ? `<br><small>Site : ${escape(view.siteLabel)}</small>` : ''}
    <br><small>${view.status === 'CANCELLED' ? 'Devis annulé : il n’est plus valable' : `Valable jusqu’au ${frenchDate(q.validUntil)}`}</small></p></div>`;
  const body = `${error ? `<div class="banner ko" role="alert">${escape(error)}</div>` : ''}${banner(view)}${receipt(view)}${header}
    <div class="card">${linesTable(view, actionable)}${totalsTable(view)}
      ${q.notes ? `<p class="muted">${escape(q.notes).replaceAll('\n', '<br>')}</p>` : ''}</div>
    ${
      actionable
        ? `<div class="card">
      <form id="accept-form" method="post" action="${escape(token)}/accept">
        <h2>Accepter le devis</h2>
        <label for="signer-name">Nom et qualité du signataire</label><input type="text" id="signer-name" name="signerName" required maxlength="200" autocomplete="name">
        <label>Signature</label><canvas id="signature-pad" aria-label="Zone de signature"></canvas>
        <button type="button" class="link" id="clear-signature">Effacer la signature</button><p class="error" id="signature-error"></p>
        <input type="hidden" name="signature" id="signature">
        <p><small>En signant, j’accepte le présent devis (« bon pour accord ») pour le montant TTC affiché, options retenues comprises.</small></p>
        <button type="submit" class="accept">Accepter et signer</button>
      </form>
      <details><summary>Refuser le devis</summary>
      <form method="post" action="${escape(token)}/refuse">
        <label for="refuser-name">Votre nom</label><input type="text" id="refuser-name" name="signerName" required maxlength="200">
        <label for="reason">Motif (facultatif)</label><textarea id="reason" name="reason" rows="3" maxlength="2000"></textarea>
        <button type="submit" class="refuse">Refuser le devis</button>
      </form></details></div>`
        : ''
    }`;
  const script = actionable
    ? `<script id="quote-data" type="application/json">${previewData(view)}</script><script nonce="${nonce}">${SIGNATURE_PAD_JS}</script><script nonce="${nonce}">${PAGE_SCRIPT}</script>`
    : '';
  return layout(`Devis ${q.number ?? ''} — ${s.name}`, body, nonce, script);
}
