// Only the parts of Chart.js the charts use, loaded on the screens that draw one (not on the operator's phone).
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LineController, LineElement, LinearScale,
  PointElement, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LineController, LineElement, LinearScale,
  PointElement, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.font.size = 14;
Chart.defaults.color = '#111827';
Chart.defaults.locale = 'es-PE';

export { Chart };
