// A chart is a picture of a table: the canvas for those who would rather look, the same figures in a
// table (and the screen reader's summary) for everyone else.
import { html, type TemplateResult } from 'lit/html.js';
import { ref } from 'lit/directives/ref.js';
import type { Chart as ChartType, ChartConfiguration } from 'chart.js';

export interface Series {
  label: string;
  data: (number | null)[];
  kind?: 'bar' | 'line';
  /** 'right' puts the series on a second axis (e.g. a percentage beside litres). */
  axis?: 'left' | 'right';
  stack?: string;
}

export interface ChartSpec {
  labels: string[];
  series: Series[];
  left: string;
  right?: string;
}

// Tells each series apart in greyscale too: dark green, amber, blue, red.
const COLOURS = ['#14532d', '#b45309', '#1d4ed8', '#991b1b', '#6b21a8', '#0f766e', '#374151', '#be185d', '#4d7c0f', '#0369a1'];
const drawn = new WeakMap<HTMLCanvasElement, ChartType>();

export function chart(id: string, title: string, summary: string, spec: ChartSpec, table: TemplateResult): TemplateResult {
  return html`<figure class="chart" data-chart=${id}>
    <figcaption>${title}</figcaption>
    ${spec.labels.length === 0 ? html`<p class="empty">Sin datos en este periodo</p>` : html`
      <div class="chart-box"><canvas role="img" aria-label=${`${title}. ${summary}`}
        ${ref((el) => { if (el) void draw(el as HTMLCanvasElement, spec); })}></canvas></div>
      <details><summary>Ver las cifras</summary>${table}</details>`}
  </figure>`;
}

async function draw(canvas: HTMLCanvasElement, spec: ChartSpec): Promise<void> {
  const { Chart } = await import('./chartjs');
  const config = configuration(spec);
  const existing = drawn.get(canvas);
  if (existing) {
    existing.data = config.data;
    existing.update('none');
    return;
  }
  drawn.set(canvas, new Chart(canvas, config));
}

function configuration(spec: ChartSpec): ChartConfiguration {
  const datasets = spec.series.map((s, i) => ({
    type: s.kind ?? 'bar',
    label: s.label,
    data: s.data,
    yAxisID: s.axis === 'right' ? 'right' : 'left',
    stack: s.stack,
    backgroundColor: COLOURS[i % COLOURS.length],
    borderColor: COLOURS[i % COLOURS.length],
    borderWidth: s.kind === 'line' ? 3 : 0,
    pointRadius: 3,
    spanGaps: true,
  }));
  const scales: Record<string, object> = {
    x: { stacked: spec.series.some((s) => s.stack), ticks: { maxRotation: 0, autoSkip: true } },
    // Litres and soles start at zero; a reading's trend is read from where its values are.
    left: { position: 'left', beginAtZero: spec.series.some((s) => (s.kind ?? 'bar') === 'bar' && s.axis !== 'right'), stacked: spec.series.some((s) => s.stack && s.axis !== 'right'),
      title: { display: true, text: spec.left } },
  };
  if (spec.right) {
    scales.right = { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
      title: { display: true, text: spec.right } };
  }
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets } as ChartConfiguration['data'],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
      scales,
    },
  };
}
