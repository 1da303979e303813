// The vendor's catalogue may name its plans anything: the first start seeds the demo on one it
// picked from the catalogue, never on a plan the code names.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { client } from './http.ts';
import { serverPerFile } from './server-per-file.ts';

const rates = { 'photo-fix': '2', upscale: '5' };
const plan = (id: string, priceUsd: string, allowsOverage: boolean) => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  priceUsd,
  listPriceUsd: priceUsd,
  monthlyCredits: String(Number(priceUsd) * 10 + 20),
  overageUsdPerCredit: '0.05',
  allowsOverage,
  rates,
});
const catalogPath = join(mkdtempSync(join(tmpdir(), 'tally-catalog-')), 'catalog.json');
writeFileSync(
  catalogPath,
  JSON.stringify({
    operations: [
      { id: 'photo-fix', name: 'Photo Fix' },
      { id: 'upscale', name: 'Upscale' },
    ],
    plans: [
      plan('hobby', '0', false),
      plan('enterprise', '900', true),
      plan('pro', '50', true),
      plan('team', '120', true),
    ],
  }),
);

const server = serverPerFile({ env: { TALLY_CATALOG: catalogPath } });

test('a catalogue without the demo plans still starts and seeds the demo on its middle plan', async () => {
  const me = await client(server(), server().demo.ada.token).get('/v1/me');
  expect(me.status).toBe(200);
  expect(me.body.plan.id).toBe('team');
  expect(me.body.credits.available).toBe('1220');
});
