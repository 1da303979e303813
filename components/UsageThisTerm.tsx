import { useEffect, useMemo, useState } from 'preact/hooks';
import type { UsageSummary } from '../lib/api/schemas/team.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import { useMessages } from './messages-context.ts';
import { useReadOnChange } from './read-on-change.ts';
import { UsageChart } from './UsageChart.tsx';

/**
 * "Usage this term": the usage chart over `load`'s usage summary (the popup's through the
 * model's source, the embed's from its on-demand chunk), read again whenever the account's
 * Snapshot moves on. An admin sees the account's usage, a member its own (the API answers so),
 * and the title says which. Nothing when there is no `load` (a source that cannot read it).
 */
export function UsageThisTerm({
  model,
  load,
}: {
  model: CreditModel;
  load: (() => Promise<UsageSummary>) | null;
}) {
  const m = useMessages();
  const snapshot = model.snapshot.value;
  const version = snapshot?.version;
  // Another member connected (same account, even at the same version) sees other usage.
  const memberId = snapshot?.member.id;
  // The chart waits for the catalogue, its stacking order and the operations' names: drawn
  // before, it would stack by id and then reorder itself. A catalogue that cannot come (the
  // model shows why) leaves the order by id.
  const [catalogAsked, setCatalogAsked] = useState(false);
  useEffect(() => {
    void model.loadCatalog().finally(() => setCatalogAsked(true));
  }, [model]);
  const ready = load && version !== undefined && memberId !== undefined;
  const { value: summary, error } = useReadOnChange(ready ? load : null, memberId, [version]);

  const catalog = model.catalog.value;
  const operations = catalog?.operations ?? [];
  const granted = snapshot?.credits.granted;
  const now = snapshot?.asOf;
  const data = useMemo(() => {
    if (!summary || granted === undefined || now === undefined) return null;
    if (!catalog && !catalogAsked) return null;
    const order = catalog?.operations.map((operation) => operation.id) ?? [];
    return { ...summary, granted, now, order };
  }, [summary, granted, now, catalog, catalogAsked]);
  if (!load || !snapshot) return null;
  const title =
    snapshot.member.role === 'admin'
      ? m.t('accountUsage', { account: snapshot.account.name })
      : m.t('yourUsage');
  return (
    <section class="t-section" aria-label={m.t('usageThisTerm')}>
      <h2>{m.t('usageThisTerm')}</h2>
      {error ? (
        <p class="t-alert" role="alert">
          {error}
        </p>
      ) : data ? (
        <UsageChart title={title} data={data} operations={operations} />
      ) : (
        <p class="t-muted">{m.t('usageLoading')}</p>
      )}
    </section>
  );
}
