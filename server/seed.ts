import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseUsd } from '../lib/billing/index.ts';
import type { Catalog, Plan } from '../lib/billing/types.ts';
import type { DemoAccount } from './deps.ts';
import { type Ledger, operatorScope } from './ledger/ledger.ts';

/** Beside the database: the demo's tokens (only hashes are in the database) and operator key. */
function demoTokensPath(dbPath: string): string {
  return join(dirname(dbPath), 'demo-tokens.json');
}

function readDemo(dbPath: string): DemoAccount | null {
  const path = demoTokensPath(dbPath);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DemoAccount;
  } catch {
    return null;
  }
}

/**
 * The plan the demo account starts on. The catalogue is the vendor's (docs/billing.md), so no plan is
 * named: the middle one by price of those that allow overage (the demo shows the overage
 * choice, and there are plans to upgrade and to move down to), or of all plans if none does.
 * Growth, in the demo catalogue.
 */
function demoPlan(catalog: Catalog): Plan {
  const withOverage = catalog.plans.filter((plan) => plan.allowsOverage);
  const candidates = withOverage.length > 0 ? withOverage : catalog.plans;
  const byPrice = [...candidates].sort((a, b) =>
    parseUsd(a.priceUsd).comparedTo(parseUsd(b.priceUsd)),
  );
  const plan = byPrice[Math.floor((byPrice.length - 1) / 2)];
  if (!plan) throw new Error('The catalogue has no plans');
  return plan;
}

/**
 * A first start on an empty database seeds the demo: "Studio North" on the demo plan (above),
 * an admin "Ada" and a member "Milo". Their tokens are written to demo-tokens.json so every
 * later start can print them again.
 */
export async function seedDemo(
  ledger: Ledger,
  catalog: Catalog,
  dbPath: string,
  now: Date,
): Promise<DemoAccount | null> {
  const demo = await ledger.atomically(operatorScope, async (tx) => {
    if (!(await tx.noAccounts())) return null;
    const account = await tx.openAccount({
      name: 'Studio North',
      planId: demoPlan(catalog).id,
      startAt: now.toISOString(),
    });
    const ada = await tx.addMember(account.id, { name: 'Ada', role: 'admin' });
    const milo = await tx.addMember(account.id, { name: 'Milo', role: 'member' });
    const demo: DemoAccount = {
      accountId: account.id,
      members: {
        ada: { id: ada.member.id, name: 'Ada', token: ada.token },
        milo: { id: milo.member.id, name: 'Milo', token: milo.token },
      },
    };
    return demo;
  });
  if (!demo) return readDemo(dbPath);
  writeDemo(dbPath, { ...readDemo(dbPath), ...demo });
  return readDemo(dbPath);
}

function writeDemo(dbPath: string, demo: DemoAccount): void {
  // On PostgreSQL no SQLite file made the folder.
  mkdirSync(dirname(dbPath), { recursive: true });
  writeFileSync(demoTokensPath(dbPath), `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
}

/**
 * TALLY_OPERATOR_KEY when set; otherwise a demo key made once and kept in demo-tokens.json, so
 * a plain `npm start` works and prints it.
 */
export function operatorKeyFor(dbPath: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const demo = readDemo(dbPath);
  if (demo?.operatorKey) return demo.operatorKey;
  const operatorKey = `tly_op_${randomBytes(24).toString('base64url')}`;
  writeDemo(dbPath, { ...(demo ?? ({} as DemoAccount)), operatorKey });
  return operatorKey;
}
