import { Resvg } from '@resvg/resvg-js';

export interface BarChart {
  title: string;
  /** One label per bar (e.g. a quarter or a wave). */
  labels: string[];
  /** One value per bar; null draws no bar (a suppressed or missing value). */
  values: (number | null)[];
  /** The largest value of the axis (default: the largest value, rounded up). */
  max?: number;
}

const WIDTH = 640;
const HEIGHT = 320;
const PAD = { left: 56, right: 16, top: 36, bottom: 56 };

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const niceMax = (v: number) => {
  if (v <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / step) * step;
};

/** A bar chart as SVG: a title, a y axis with four gridlines, a bar and a label per value. */
export function barChartSvg(chart: BarChart): string {
  const max = chart.max ?? niceMax(Math.max(0, ...chart.values.map((v) => v ?? 0)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, chart.labels.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = max * f;
    return `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ccc"/>
      <text x="${PAD.left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end">${Number(v.toFixed(1))}</text>`;
  });
  const bars = chart.values.map((v, i) => {
    const x = PAD.left + i * slot;
    const label = `<text x="${x + slot / 2}" y="${HEIGHT - PAD.bottom + 16}" font-size="11" text-anchor="middle">${esc(chart.labels[i])}</text>`;
    if (v === null) return label;
    return `<rect x="${x + slot * 0.15}" y="${y(v)}" width="${slot * 0.7}" height="${y(0) - y(v)}" fill="#2f6f9f"/>${label}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">
    <rect width="100%" height="100%" fill="#fff"/>
    <text x="${WIDTH / 2}" y="22" font-size="14" text-anchor="middle">${esc(chart.title)}</text>
    ${grid.join('')}${bars.join('')}
  </svg>`;
}

/** The chart as a PNG (for a Word document), rendered by resvg. */
export function barChartPng(chart: BarChart): { png: Buffer; width: number; height: number } {
  const png = new Resvg(barChartSvg(chart), { background: '#fff', font: { loadSystemFonts: true } }).render().asPng();
  return { png: Buffer.from(png), width: WIDTH, height: HEIGHT };
}
