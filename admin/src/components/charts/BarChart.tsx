/** One bar: a label and a value in 0–1 (null: no data). */
export interface Bar {
  key: string;
  label: string;
  value: number | null;
}

/** Props of BarChart. */
export interface BarChartProps {
  bars: Bar[];
  /** Accessible name of the chart. */
  title: string;
  onSelect?: (key: string) => void;
  width?: number;
}

const ROW = 26;
const LABEL = 96;
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/**
 * Horizontal bars for a ranking (values 0–1, shown as percentages), in plain SVG: a few hundred bytes instead
 * of a charting library, and readable without colour (each bar carries its value as text).
 */
export function BarChart({ bars, title, onSelect, width = 420 }: BarChartProps) {
  const plot = width - LABEL - 56;
  const height = bars.length * ROW + 8;
  return (
    <svg role="img" aria-label={title} width="100%" viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width, fontSize: 12 }}>
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * ROW + 4;
        const w = b.value === null ? 0 : Math.max(1, b.value * plot);
        return (
          <g key={b.key} transform={`translate(0,${y})`} style={onSelect ? { cursor: 'pointer' } : undefined} onClick={() => onSelect?.(b.key)}>
            <text x={LABEL - 6} y={ROW / 2 + 2} textAnchor="end" dominantBaseline="middle" fill="#333">
              {b.label.length > 9 ? `${b.label.slice(0, 9)}…` : b.label}
            </text>
            <rect x={LABEL} y={4} width={plot} height={ROW - 10} fill="#f5f5f5" rx={2} />
            <rect x={LABEL} y={4} width={w} height={ROW - 10} fill={b.value !== null && b.value < 0.6 ? '#fa8c16' : '#1677ff'} rx={2} />
            <text x={LABEL + w + 6} y={ROW / 2 + 2} dominantBaseline="middle" fill="#555">
              {b.value === null ? '—' : pct(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
