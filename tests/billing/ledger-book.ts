// A tiny in-memory store for the account tests: keeps the ledger and charges the way the
// server does (append what each transition returns) and checks the ledger identity each step.
import { apply, openAccount } from '../../lib/billing/account.ts';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { checkLedger } from '../../lib/billing/ledger-check.ts';
import type {
  AccountState,
  Applied,
  ChargeDraft,
  Command,
  EntryDraft,
  Hold,
  Instant,
  PlanId,
  Transition,
} from '../../lib/billing/types.ts';

export class LedgerBook {
  state: AccountState;
  readonly entries: EntryDraft[] = [];
  readonly charges: ChargeDraft[] = [];
  readonly holds = new Map<string, Hold>();

  constructor(planId: PlanId, startAt: Instant) {
    const opened = openAccount({ id: 'acct-1', name: 'Studio', planId, startAt }, demoCatalog);
    this.state = opened.state;
    this.record(opened);
  }

  apply(command: Command, now: Instant): Applied {
    const applied = apply(this.state, command, now, demoCatalog);
    this.record(applied);
    return applied;
  }

  private record(transition: Transition): void {
    const offset = this.entries.length;
    this.entries.push(...transition.entries);
    this.charges.push(
      ...transition.charges.map((charge) => ({
        ...charge,
        entryIndex: charge.entryIndex + offset,
      })),
    );
    for (const hold of transition.holds) this.holds.set(hold.id, hold);
    this.state = transition.state;
    checkLedger(this.entries, this.state, this.charges);
  }

  /** Dollars charged in one calendar month ("2026-05"), as the ledger lists them. */
  chargesIn(month: string): string[] {
    return this.charges
      .filter((charge) => charge.at.startsWith(month))
      .map((charge) => charge.amountUsd);
  }
}

export const admin = { memberId: 'ada', role: 'admin' as const };
export const member = { memberId: 'milo', role: 'member' as const };

/** Milo reserves `quantity` operations for 10 minutes (a hold of docs/billing.md). */
export const reserve = (
  holdId: string,
  quantity: number,
  overage: 'deny' | 'accept' = 'deny',
  operation = 'smart-crop',
): Command => ({
  kind: 'reserve',
  memberId: 'milo',
  holdId,
  operation,
  quantity,
  overage,
  ttlSeconds: 600,
});
