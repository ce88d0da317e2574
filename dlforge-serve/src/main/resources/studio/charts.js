// Line charts for training curves, on Chart.js (loaded from its WebJar by index.html).

const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563', '#ca8a04'];

/** A line chart in `canvas` whose series are added and extended by name. */
export function lineChart(canvas, { title, x = 'step', y = '' }) {
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      animation: false,
      parsing: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { title: { display: true, text: title }, legend: { position: 'bottom' } },
      // Epochs and steps are counts: whole-number ticks only.
      scales: { x: { type: 'linear', title: { display: true, text: x }, ticks: { precision: 0 } }, y: { title: { display: !!y, text: y } } },
      elements: { point: { radius: 2 } },
    },
  });
  const series = name => {
    let s = chart.data.datasets.find(d => d.label === name);
    if (!s) {
      const colour = COLOURS[chart.data.datasets.length % COLOURS.length];
      s = { label: name, data: [], borderColor: colour, backgroundColor: colour, borderWidth: 1.5 };
      chart.data.datasets.push(s);
    }
    return s;
  };
  return {
    /** Appends a point to series `name`. */
    push(name, px, py) {
      series(name).data.push({ x: px, y: py });
      chart.update('none');
    },
    /** Replaces series `name` with `points` ([{x, y}]). */
    set(name, points) {
      series(name).data = points;
      chart.update('none');
    },
    /** Replaces the chart's title. */
    title(text) {
      chart.options.plugins.title.text = text;
      chart.update('none');
    },
    clear() {
      chart.data.datasets = [];
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
  };
}
