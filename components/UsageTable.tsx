import type { Operation } from '../lib/billing/types.ts';
import type { Messages } from '../lib/i18n/messages.ts';
import type { ChartLayout, OperationUse } from '../lib/insight/chart-layout.ts';
import { dayLabel, operationName } from '../lib/insight/usage-text.ts';
import { useMessages } from './messages-context.ts';

/** "52 (40)": credits, and under them the count of operations in brackets; "0" for none. */
function cell(use: OperationUse | undefined, m: Messages) {
  if (!use) return '0';
  return (
    <>
      {m.formats.creditAmount(use.credits)} <small>({m.formats.count(use.count)})</small>
    </>
  );
}

/** The usage chart's numbers as a table: a row per day up to today, a column per operation. */
export function UsageTable({
  title,
  layout,
  operations,
}: {
  title: string;
  layout: ChartLayout;
  operations: readonly Operation[];
}) {
  const m = useMessages();
  const used = layout.operations;
  return (
    // A narrow panel scrolls the table sideways, and a keyboard scrolls only what has the focus
    // (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus.
    <section class="t-usage__table-box" aria-label={title} tabIndex={0}>
      <table class="t-usage__table">
        <caption class="t-muted">
          <span class="t-visually-hidden">{title}: </span>
          {m.t('tableCaption', { perDay: m.formats.creditAmount(layout.allowance.perDay) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.t('tableDay')}</th>
            {used.map((use) => (
              <th scope="col" key={use.operation}>
                {operationName(use.operation, operations)}
              </th>
            ))}
            <th scope="col">{m.t('tableTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {layout.days
            .filter((day) => !day.future)
            .map((day) => (
              <tr key={day.day} class={day.today ? 't-usage__row--today' : undefined}>
                <th scope="row">
                  {dayLabel(day.day, m)}
                  {day.today && <small>{m.t('tableToday')}</small>}
                </th>
                {used.map((use) => (
                  <td key={use.operation}>
                    {cell(
                      day.segments.find((s) => s.operation === use.operation),
                      m,
                    )}
                  </td>
                ))}
                <td>{m.formats.creditAmount(day.total)}</td>
              </tr>
            ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.t('thisTerm')}</th>
            {used.map((use) => (
              <td key={use.operation}>{cell(use, m)}</td>
            ))}
            <td>{m.formats.creditAmount(layout.total)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
