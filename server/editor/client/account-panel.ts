// The account as the page's backend reports it: who acts, the plan, the balance.
import type { Snapshot } from '../../../lib/api/schemas/snapshot.ts';
import { Decimal } from '../../../lib/billing/decimal.ts';
import {
  formatCreditAmount,
  formatCredits,
  formatResetDate,
  formatUsd,
} from '../../../lib/billing/format.ts';

export function showAccount(root: HTMLElement, snapshot: Snapshot): void {
  const set = (name: string, text: string) => {
    const field = root.querySelector<HTMLElement>(`[data-field="${name}"]`);
    if (field) field.textContent = text;
  };
  const { credits, plan, member, account } = snapshot;
  set('available', formatCreditAmount(credits.available));
  set(
    'granted',
    `of ${formatCredits(credits.granted)} this term · ${formatResetDate(snapshot.cycle.end)}`,
  );
  set(
    'held',
    new Decimal(credits.held).isZero()
      ? ''
      : `${formatCredits(credits.held)} held by running operations`,
  );
  set('plan', `${plan.name} · ${formatUsd(plan.priceUsd)}/month`);
  set('account', account.name);
  set('member', `${member.name} (${member.role})`);
  set(
    'overage',
    plan.allowsOverage
      ? `Overage ${formatUsd(plan.overageUsdPerCredit)}/credit, ${snapshot.overage.policy === 'auto' ? 'billed automatically' : 'asked each time'}`
      : 'No overage on this plan',
  );
  root.dataset.loaded = 'true';

  // The vendor's own price list, next to each button.
  for (const rate of document.querySelectorAll<HTMLElement>('[data-rate-for]')) {
    const credits = plan.rates[rate.dataset.rateFor ?? ''];
    rate.textContent = credits ? `${formatCredits(credits)} each` : '';
  }
}
