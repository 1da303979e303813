// The expanded layout's "Usage this term" (imported by on-demand-chunk.ts when the layout first
// shows): the usage chart, its stylesheet, and the summary call with its shape.
import { UsageThisTerm } from '../components/UsageThisTerm.tsx';
import usageChartCss from '../components/usage-chart.css?inline';
import { request } from '../lib/api/request.ts';
import { usageSummaryCheck } from '../lib/api/usage-summary-shape.ts';
import type { CreditModel } from '../lib/store/credit-model.ts';
import type { EmbedApi } from './transport.ts';

/** The section over this term's usage by day and operation (a member's own, an admin's account). */
export function embedUsageSection({ transport, call }: EmbedApi) {
  const load = () =>
    call(() =>
      request(transport, {
        method: 'GET',
        path: 'v1/usage/summary',
        query: { by: 'day,operation' },
        schema: usageSummaryCheck,
      }),
    );
  return function UsageSection({ model }: { model: CreditModel }) {
    return (
      <>
        <style>{usageChartCss}</style>
        <UsageThisTerm model={model} load={load} />
      </>
    );
  };
}
