import { Decimal } from '../lib/billing/decimal.ts';
const B = process.argv[2]; const tokens = process.argv.slice(3);
async function all(path: string, token: string, key: string) {
  const out: any[] = []; let before: string | null = null;
  for (;;) {
    const r = await fetch(`${B}${path}?limit=200${before ? `&before=${before}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    const j: any = await r.json(); out.push(...j[key]); if (!j.next) break; before = j.next;
  }
  return out.reverse();
}
for (const t of tokens) {
  const me: any = await (await fetch(`${B}/me`, { headers: { authorization: `Bearer ${t}` } })).json();
  const entries = await all('/ledger', t, 'entries'); const charges = await all('/charges', t, 'charges');
  let run = new Decimal(0); let neg = false; let bad = 0;
  for (const e of entries) { run = run.plus(e.credits); if (!run.equals(e.availableAfter)) bad++; if (new Decimal(e.availableAfter).isNeg() || new Decimal(e.amountUsd).isNeg() || new Decimal(e.overageCredits).isNeg()) neg = true; }
  const fees = entries.filter((e) => e.kind === 'grant' || e.kind === 'plan-change').reduce((s, e) => s.plus(e.amountUsd), new Decimal(0));
  const over = entries.filter((e) => e.kind === 'usage' || e.kind === 'capture').reduce((s, e) => s.plus(e.amountUsd), new Decimal(0));
  const ch = charges.reduce((s, c) => s.plus(c.amountUsd), new Decimal(0));
  console.log(me.account.name, 'entries', entries.length, 'sum', run.toString(), 'avail', me.credits.available, 'badAfter', bad, 'neg', neg, 'charges', ch.toString(), 'fees+overage', fees.plus(over).toString(), me.credits);
}
