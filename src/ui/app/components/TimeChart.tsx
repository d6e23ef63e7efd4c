// Event counts over time as SVG bars; for a dyad, the bars split by direction and a line
// shows the mean Goldstein score on its own axis. Every bar and point is a button: it
// selects its period, and the view lists the events behind it.
import type { PeriodBucket } from "../../../api/types.js";
import { goldsteinColor, plural, signed } from "../format.js";
import { periodOf } from "../../../api/periods.js";
import type { Interval } from "../../../api/params.js";

/** The most bars drawn with the empty periods between them; a longer span shows only the periods with events. */
const MAX_FILLED = 400;
const DAYS: Readonly<Record<Interval, number>> = { day: 1, week: 7, month: 30.44 };

/** Empty periods between the API's buckets (it sends only periods with events), so time runs evenly along the axis. */
export function fillGaps(buckets: readonly PeriodBucket[], interval: Interval): readonly PeriodBucket[] {
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (!first || !last) return buckets;
  const span = (Date.parse(`${last.start}T00:00:00Z`) - Date.parse(`${first.start}T00:00:00Z`)) / 86_400_000 / DAYS[interval];
  if (span > MAX_FILLED) return buckets;
  const byPeriod = new Map(buckets.map((b) => [b.period, b]));
  const filled: PeriodBucket[] = [];
  let day = new Date(`${first.start}T00:00:00Z`);
  while (day.toISOString().slice(0, 10) <= last.start) {
    const period = periodOf(day.toISOString().slice(0, 10), interval);
    filled.push(byPeriod.get(period.period) ?? { ...period, count: 0, coarse: 0, goldsteinMean: null, aToB: 0, bToA: 0 });
    day = new Date(`${period.end}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return filled;
}

export interface TimeChartProps {
  readonly buckets: readonly PeriodBucket[];
  readonly selected?: string | null;
  readonly onSelect: (bucket: PeriodBucket) => void;
  /** Split bars a->b / b->a and draw the Goldstein line. */
  readonly dyad?: { readonly a: string; readonly b: string } | null;
  readonly label: string;
  readonly interval: Interval;
}

const W = 920;
const H = 220;
const M = { top: 16, right: 48, bottom: 36, left: 44 };

function niceMax(n: number): number {
  if (n <= 5) return Math.max(1, n);
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

export function TimeChart({ buckets: sparse, selected = null, onSelect, dyad = null, label, interval }: TimeChartProps) {
  const buckets = fillGaps(sparse, interval);
  const max = niceMax(Math.max(0, ...buckets.map((b) => b.count)));
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const band = innerW / Math.max(buckets.length, 1);
  const barW = Math.max(2, Math.min(56, band * 0.7));
  const x = (i: number) => M.left + band * i + band / 2;
  const y = (n: number) => M.top + innerH - (n / max) * innerH;
  const gy = (g: number) => M.top + innerH / 2 - (g / 10) * (innerH / 2);
  const ticks = max <= 5 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, max / 4, max / 2, (3 * max) / 4, max];
  const labelEvery = Math.ceil(buckets.length / Math.max(1, Math.floor(innerW / 80)));
  const describe = (b: PeriodBucket) =>
    `${b.period}: ${plural(b.count, "event")}` +
    (dyad ? ` (${b.aToB} ${dyad.a}→${dyad.b}, ${b.bToA} ${dyad.b}→${dyad.a})` : "") +
    `, mean Goldstein ${signed(b.goldsteinMean)}` +
    (b.coarse ? `; ${b.coarse} dated only more coarsely than this bar` : "");
  const line = dyad
    ? buckets
        .map((b, i) => (b.goldsteinMean === null ? null : `${x(i)},${gy(b.goldsteinMean)}`))
        .filter((p): p is string => p !== null)
        .join(" ")
    : "";
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {ticks.map((t) => (
        <g key={t} class="tick">
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text x={M.left - 6} y={y(t) + 4} text-anchor="end">
            {Number.isInteger(t) ? t : t.toFixed(1)}
          </text>
        </g>
      ))}
      {dyad && (
        <g class="axis-g">
          {[-10, 0, 10].map((g) => (
            <text key={g} x={W - M.right + 6} y={gy(g) + 4}>
              {g > 0 ? `+${g}` : g}
            </text>
          ))}
          <text x={W - 4} y={M.top - 4} text-anchor="end">
            Goldstein
          </text>
        </g>
      )}
      {buckets.map((b, i) => {
        const select = () => b.count > 0 && onSelect(b);
        const isSelected = selected === b.period;
        return (
          <g
            key={b.period}
            class={`bar${b.count ? "" : " empty"}${isSelected ? " selected" : ""}`}
            data-period={b.period}
            role={b.count ? "button" : undefined}
            tabIndex={b.count ? 0 : undefined}
            aria-label={describe(b)}
            onClick={select}
            onKeyDown={(event) => {
              if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                select();
              }
            }}
          >
            <title>{describe(b)}</title>
            <rect class="hit" x={x(i) - band / 2} y={M.top} width={band} height={innerH} />
            {dyad ? (
              <>
                <rect class="a-to-b" x={x(i) - barW / 2} y={y(b.aToB)} width={barW} height={y(0) - y(b.aToB)} />
                <rect class="b-to-a" x={x(i) - barW / 2} y={y(b.count)} width={barW} height={y(b.aToB) - y(b.count)} />
              </>
            ) : (
              <rect class="count" x={x(i) - barW / 2} y={y(b.count)} width={barW} height={y(0) - y(b.count)} style={b.coarse === b.count ? { fill: "url(#coarse)" } : undefined} />
            )}
            {i % labelEvery === 0 && (
              <text class="period" x={x(i)} y={H - M.bottom + 16} text-anchor="middle">
                {b.period}
              </text>
            )}
          </g>
        );
      })}
      {dyad && line && <polyline class="goldstein-line" points={line} />}
      {dyad &&
        buckets.map((b, i) =>
          b.goldsteinMean === null ? null : (
            <circle key={`p${b.period}`} class="point" data-period={b.period} cx={x(i)} cy={gy(b.goldsteinMean)} r={5} fill={goldsteinColor(b.goldsteinMean)} onClick={() => onSelect(b)}>
              <title>{describe(b)}</title>
            </circle>
          ),
        )}
      <defs>
        <pattern id="coarse" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#9db4d3" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2" />
        </pattern>
      </defs>
      <line class="baseline" x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} />
      {buckets === sparse && sparse.length > 1 && (
        <text x={W - M.right} y={M.top - 4} text-anchor="end" class="muted-text">
          too long a span to draw every {interval}: only those with events are shown, so time is not to scale
        </text>
      )}
    </svg>
  );
}
