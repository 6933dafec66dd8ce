// A server-rendered horizontal bar chart (SVG). Every chart on a page is paired with
// a data table holding the same numbers, which is what assistive technology reads.
type Bar = { label: string; value: number | null; highlight?: boolean };

export function BarChart({ bars, title, max = 1, format = (v: number) => `${Math.round(v * 100)}%` }: { bars: Bar[]; title: string; max?: number; format?: (v: number) => string }) {
  const rowHeight = 26;
  const labelWidth = 120;
  const width = 560;
  const chartWidth = width - labelWidth - 60;
  const height = bars.length * rowHeight + 10;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title} (the table below has the same numbers)`} className="bar-chart" preserveAspectRatio="xMinYMin meet">
      {bars.map((bar, i) => {
        const y = i * rowHeight + 5;
        const w = bar.value === null ? 0 : Math.max(1, (bar.value / max) * chartWidth);
        return (
          <g key={i}>
            <text x={labelWidth - 8} y={y + 15} textAnchor="end" className="bar-chart__label">
              {bar.label.length > 16 ? `${bar.label.slice(0, 15)}…` : bar.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={chartWidth} height={rowHeight - 8} className="bar-chart__track" />
            <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 8} className={bar.highlight ? "bar-chart__bar bar-chart__bar--key" : "bar-chart__bar"} />
            <text x={labelWidth + chartWidth + 6} y={y + 15} className="bar-chart__value">
              {bar.value === null ? "n/a" : format(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
