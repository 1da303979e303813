import { useMemo, useRef, useState } from 'preact/hooks';
import type { Operation, OperationId } from '../lib/billing/types.ts';
import { type ChartDay, chartLayout, type UsageChartData } from '../lib/insight/chart-layout.ts';
import { countText, dayLabel, dayText, operationName } from '../lib/insight/usage-text.ts';
import { centredWithin, useTextWidth } from './label-place.ts';
import { useMessages } from './messages-context.ts';
import { UsageTable } from './UsageTable.tsx';

export interface UsageChartProps {
  /** Whose usage it is: "Your usage", "Studio North’s usage". */
  title: string;
  /** The term, its usage by day and operation, the granted credits and the server's now. */
  data: UsageChartData;
  /** The catalogue's operations, for their names. */
  operations: readonly Operation[];
}

// The plot's own units; the SVG scales to its box's width.
const WIDTH = 328;
const PLOT = 112;
const AXIS = 18;
/** Operation colours (usage-chart.css), by the operation's place in the stacking order. */
const COLOURS = 4;

/**
 * Credits used per day this term, stacked by operation, with the allotment line and today.
 * The days up to today are options of a listbox: one Tab stop, arrow keys move between days,
 * and the focused or hovered day's numbers show beside it. "Show as table" gives the same
 * numbers as a table.
 */
export function UsageChart({ title, data, operations }: UsageChartProps) {
  const m = useMessages();
  const layout = useMemo(() => chartLayout(data, WIDTH, PLOT), [data]);
  const [table, setTable] = useState(false);
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const shown = layout.days.filter((day) => !day.future);
  const [stop, setStop] = useState<number>(layout.todayIndex ?? shown.length - 1);
  const tabStop = Math.min(stop, shown.length - 1);
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const todayLabel = useRef<SVGTextElement>(null);
  // English "Today" at the labels' 10 px, until the language's word is drawn and measured.
  const todayWidth = useTextWidth(todayLabel, 28);
  const active = hovered ?? focused;
  const order = data.order ?? [];
  const colourOf = (operation: OperationId) => {
    const at = order.indexOf(operation);
    const place =
      at >= 0 ? at : order.length + layout.operations.findIndex((o) => o.operation === operation);
    return `t-usage__op--${place % COLOURS}`;
  };

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(index, shown.length - 1));
    setStop(next);
    refs.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = {
      ArrowLeft: tabStop - 1,
      ArrowRight: tabStop + 1,
      Home: 0,
      End: shown.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  }

  const label = (day: ChartDay) => dayText(day, operations, m);
  const perDay = m.formats.creditAmount(layout.allowance.perDay);
  const first = layout.days[0];
  const last = layout.days.at(-1);
  const today = layout.todayIndex === null ? null : layout.days[layout.todayIndex];
  // Edge dates give way to "Today" when they would overlap it.
  const clear = (day: ChartDay | undefined) =>
    day && (!today || Math.abs(day.slotX - today.slotX) > layout.step * 5);

  return (
    <div class="t-usage">
      <p class="t-row">
        <span class="t-usage__title">{title}</span>
        <span class="t-muted">{m.t('soFar', { credits: m.tn('credits', layout.total) })}</span>
      </p>
      {table ? (
        <UsageTable title={title} layout={layout} operations={operations} />
      ) : (
        <>
          <div class="t-usage__plot">
            <svg viewBox={`0 0 ${WIDTH} ${PLOT + AXIS}`} aria-hidden="true">
              {today && today.slotX + layout.step < WIDTH && (
                <rect
                  class="t-usage__future"
                  x={today.slotX + layout.step}
                  y={0}
                  width={WIDTH - today.slotX - layout.step}
                  height={PLOT}
                />
              )}
              {active !== null && shown[active] && (
                <rect
                  class="t-usage__active"
                  x={shown[active].slotX}
                  y={0}
                  width={layout.step}
                  height={PLOT}
                />
              )}
              <line class="t-usage__base" x1={0} x2={WIDTH} y1={PLOT} y2={PLOT} />
              {shown.map((day) =>
                day.segments.map((segment) => (
                  <rect
                    key={`${day.day} ${segment.operation}`}
                    class={`t-usage__op ${colourOf(segment.operation)}`}
                    x={day.barX}
                    y={segment.y}
                    width={day.barWidth}
                    height={segment.height}
                  />
                )),
              )}
              <line
                class="t-usage__allowance"
                x1={0}
                x2={WIDTH}
                y1={layout.allowance.y}
                y2={layout.allowance.y}
              />
              <text
                class="t-usage__label"
                x={WIDTH - 2}
                y={layout.allowance.y - 4}
                text-anchor="end"
              >
                {m.t('perDay', { amount: perDay })}
              </text>
              {today && (
                <>
                  <path
                    class="t-usage__today"
                    d={`M${today.slotX + layout.step / 2} ${PLOT + 2}l-3.5 5h7z`}
                  />
                  <text
                    ref={todayLabel}
                    class="t-usage__label t-usage__label--today"
                    x={centredWithin(today.slotX + layout.step / 2, todayWidth, WIDTH)}
                    y={PLOT + AXIS - 1}
                    text-anchor="middle"
                  >
                    {m.t('today')}
                  </text>
                </>
              )}
              {clear(first) && first && (
                <text class="t-usage__label" x={0} y={PLOT + AXIS - 1}>
                  {dayLabel(first.day, m)}
                </text>
              )}
              {clear(last) && last && (
                <text class="t-usage__label" x={WIDTH} y={PLOT + AXIS - 1} text-anchor="end">
                  {dayLabel(last.day, m)}
                </text>
              )}
            </svg>
            {/* The days as a listbox over the drawing: one Tab stop, arrows between days;
                none before the term starts. */}
            {shown.length > 0 && (
              <div
                class="t-usage__days"
                role="listbox"
                aria-label={m.t('creditsPerDay', { title })}
                aria-orientation="horizontal"
                style={{ height: `${(PLOT / (PLOT + AXIS)) * 100}%` }}
                onKeyDown={onKeyDown}
                onMouseLeave={() => setHovered(null)}
              >
                {shown.map((day, i) => (
                  <div
                    key={day.day}
                    ref={(element) => {
                      refs.current[i] = element;
                    }}
                    class="t-usage__day"
                    role="option"
                    aria-selected={i === active}
                    aria-label={label(day)}
                    tabIndex={i === tabStop ? 0 : -1}
                    style={{
                      left: `${(day.slotX / WIDTH) * 100}%`,
                      width: `${(layout.step / WIDTH) * 100}%`,
                    }}
                    onFocus={() => {
                      setStop(i);
                      setFocused(i);
                    }}
                    onBlur={() => setFocused(null)}
                    onMouseEnter={() => setHovered(i)}
                  />
                ))}
              </div>
            )}
            {active !== null && shown[active] && (
              <DayReadout day={shown[active]} operations={operations} colourOf={colourOf} />
            )}
          </div>
          <ul class="t-usage__legend">
            {layout.operations.map((use) => (
              <li key={use.operation}>
                <span class={`t-usage__swatch ${colourOf(use.operation)}`} />
                {operationName(use.operation, operations)}
              </li>
            ))}
            <li>
              <span class="t-usage__swatch t-usage__swatch--allowance" />
              {m.t('allotmentLegend', {
                perDay,
                granted: m.formats.creditAmount(data.granted),
                // The term's length in days (a ratio of times, no money): "31", "30.5".
                days: new Intl.NumberFormat(m.locale, { maximumFractionDigits: 1 }).format(
                  layout.termDays,
                ),
              })}
            </li>
          </ul>
        </>
      )}
      <button
        type="button"
        class="t-button t-button--quiet t-usage__toggle"
        onClick={() => setTable(!table)}
      >
        {m.t(table ? 'showAsChart' : 'showAsTable')}
      </button>
    </div>
  );
}

/** The numbers of the day under the pointer or the focus, beside its bar. */
function DayReadout({
  day,
  operations,
  colourOf,
}: {
  day: ChartDay;
  operations: readonly Operation[];
  colourOf(operation: OperationId): string;
}) {
  const m = useMessages();
  // As far along the plot as the day is, so it never leaves the plot: at the first day its
  // left edge is the plot's, at the last its right edge.
  const along = ((day.barX + day.barWidth / 2) / WIDTH) * 100;
  return (
    <div
      class="t-tooltip t-usage__readout"
      role="tooltip"
      style={{ left: `${along}%`, transform: `translateX(-${along}%)` }}
    >
      <p>
        <strong>
          {day.today ? m.t('dayToday', { day: dayLabel(day.day, m) }) : dayLabel(day.day, m)}
        </strong>{' '}
        · {m.tn('credits', day.total)}
      </p>
      {day.segments.length > 0 && (
        <ul>
          {[...day.segments].reverse().map((use) => (
            <li key={use.operation}>
              <span class={`t-usage__swatch ${colourOf(use.operation)}`} />
              <span>{countText(use, operations, m)}</span>
              <span>{m.tn('credits', use.credits)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
