/** One line: a name, a colour and one value per x label (0–1, or null for no data). */
export interface Series {
  name: string;
  color: string;
  values: Array<number | null>;
}

/** Props of LineChart. */
export interface LineChartProps {
  labels: string[];
  series: Series[];
  title: string;
  width?: number;
  height?: number;
}

const PAD = { left: 40, right: 32, top: 12, bottom: 48 };

/**
 * Lines over quarters for rates in 0–1, in plain SVG with a legend; a gap where a value is null. Each point
 * has a <title> with its value for hover and screen readers.
 */
export function LineChart({ labels, series, title, width = 640, height = 260 }: LineChartProps) {
  const w = width - PAD.left - PAD.right;
  const h = height - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? w / 2 : (i * w) / (labels.length - 1));
  const y = (v: number) => PAD.top + h - v * h;
  const path = (vs: Array<number | null>) =>
    vs.reduce((d, v, i) => (v === null ? d : `${d}${d && vs[i - 1] !== null && i > 0 ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`), '');
  return (
    <svg role="img" aria-label={title} width="100%" viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width, fontSize: 11 }}>
      <title>{title}</title>
      {[0, 0.25, 0.5, 0.75, 1].map((g) => (
        <g key={g}>
          <line x1={PAD.left} x2={width - PAD.right} y1={y(g)} y2={y(g)} stroke="#f0f0f0" />
          <text x={PAD.left - 6} y={y(g)} textAnchor="end" dominantBaseline="middle" fill="#888">{`${g * 100}%`}</text>
        </g>
      ))}
      {labels.map((l, i) => (
        <text key={l} x={x(i)} y={PAD.top + h + 16} textAnchor="middle" fill="#555">{l}</text>
      ))}
      {series.map((s) => (
        <g key={s.name}>
          <path d={path(s.values)} fill="none" stroke={s.color} strokeWidth={2} />
          {s.values.map((v, i) =>
            v === null ? null : (
              <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={s.color}>
                <title>{`${s.name} ${labels[i]}：${Math.round(v * 1000) / 10}%`}</title>
              </circle>
            ),
          )}
        </g>
      ))}
      {series.map((s, i) => (
        <g key={s.name} transform={`translate(${PAD.left + i * 100},${height - 14})`}>
          <rect width={10} height={10} y={-8} fill={s.color} />
          <text x={14} y={0} fill="#333">{s.name}</text>
        </g>
      ))}
    </svg>
  );
}
