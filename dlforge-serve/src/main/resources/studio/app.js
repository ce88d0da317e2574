// The studio's pages: the gallery (#/) and a project page (#/project/ID) with its demo, a train
// form with live progress and curves, its runs compared side by side, and a run's report plots.

import { getJson, postJson, imageUrl, listen } from './api.js';
import { lineChart } from './charts.js';
import { mountDemo } from './demos.js';
import { el } from './dom.js';

const view = document.getElementById('view');
const banner = document.getElementById('job-banner');
const LEVELS = { B: 'beginner', I: 'intermediate', P: 'pro' };
let page = null; // the project page on screen: {id, onEvent(event)}

// Numbers as people read them: whole numbers and anything from 100 up with thousands separators, the rest to 4 decimals.
const fmt = v => (typeof v !== 'number' ? String(v ?? '')
  : Number.isInteger(v) || Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(4));
// An ISO instant to the second, in UTC as run ids are: 2026-12-07T08:15:32.123Z -> 2026-12-07 08:15:32 UTC.
const when = iso => (iso ? `${iso.slice(0, 19).replace('T', ' ')} UTC` : '');
// A recipe field as the train form would show it: a limit of 0 means "all the examples".
const recipeValue = (k, v) => (k === 'limit' && !v ? 'all' : fmt(v));
const errorBox = e => el('p', { class: 'error' }, e.message, e.hint ? [el('br'), e.hint] : []);

// ---- gallery -------------------------------------------------------------------------------

async function gallery() {
  page = null;
  const { sections } = await getJson('/studio/api/projects');
  view.replaceChildren(el('h1', {}, 'Projects'),
    el('p', { class: 'muted' }, 'The deep-learning roadmap, beginner to pro. Built projects train here; the rest are on their way.'),
    ...sections.map(s => el('section', {},
      el('h2', {}, s.name),
      el('div', { class: 'cards' }, ...s.projects.map(card)))));
}

function card(p) {
  const status = p.status === 'trained'
    ? `trained · ${p.current.metric} ${p.current.value == null ? '–' : fmt(p.current.value)}${p.current.pinned ? ' · pinned run' : ''}` : p.status;
  const body = [
    el('div', { class: 'card-head' }, el('span', { class: 'card-id' }, p.id),
      el('span', { class: `level level-${p.level}` }, LEVELS[p.level] || p.level)),
    el('h3', {}, p.title),
    el('p', { class: 'teaches' }, p.teaches),
    el('p', { class: `status status-${p.status.replace(' ', '-')}` }, status),
  ];
  return p.built
    ? el('a', { class: 'card built', href: `#/project/${p.id}`, 'data-project': p.id }, ...body)
    : el('div', { class: 'card planned', 'data-project': p.id }, ...body);
}

// ---- project page --------------------------------------------------------------------------

async function projectPage(id) {
  const p = await getJson(`/studio/api/projects/${encodeURIComponent(id)}`);
  const demo = el('section', { class: 'panel', id: 'demo' }, el('h2', {}, 'Demo'));
  const train = el('section', { class: 'panel', id: 'train-panel' }, el('h2', {}, 'Train'));
  const runs = el('section', { class: 'panel', id: 'runs' }, el('h2', {}, 'Runs'));
  const detail = el('section', { class: 'panel', id: 'run-detail', hidden: '' });
  view.replaceChildren(
    el('p', {}, el('a', { href: '#/' }, '← all projects')),
    el('h1', {}, `${p.id}: ${p.title}`),
    el('p', {}, el('span', { class: `level level-${p.level}` }, LEVELS[p.level]), ' ', p.teaches),
    el('p', { class: 'muted' }, `Works when: ${p.worksWhen}. Data: ${p.offlineSource}.`),
    el('div', { class: 'grid' }, demo, train), runs, detail);

  if (!p.built) {
    demo.append(el('p', { class: 'muted' }, 'This project is not built yet.'));
    train.remove();
    runs.remove();
    page = null;
    return;
  }
  if (p.served) {
    const why = p.current && p.current.run === p.servedRun && p.current.pinned ? 'pinned' : 'the newest completed run';
    demo.append(el('p', { class: 'muted', id: 'served-run' }, `Answering: run ${p.servedRun} (${why}). A run that completes later,`
      + ' here or from the command line, takes over by itself; Pin in the Runs table keeps one.'));
    mountDemo(demo, p.id, p.served, p.demo);
  } else {
    demo.append(el('p', { class: 'muted' }, 'Train a run to try the model here.'));
  }
  const live = trainPanel(train, p);
  runsPanel(runs, detail, p);
  page = { id: p.id, onEvent: live };
  if (jobProject === p.id) story.forEach(e => live(e, true)); // the latest run's story so far
}

function trainPanel(root, p) {
  const field = (label, input) => el('label', {}, el('span', {}, label), input);
  const select = (name, values) => el('select', { name }, ...values.map(v => el('option', { value: v }, v)));
  const number = (name, placeholder, step = 'any') => el('input', { name, type: 'number', placeholder, step, min: '0' });
  const form = el('form', { id: 'train-form' },
    field('model', select('model', p.models)),
    field('dataset', select('dataset', p.datasets)),
    field('epochs', number('epochs', 'recipe default', '1')),
    field('batch size', number('batchSize', 'recipe default', '1')),
    field('learning rate', number('learningRate', 'recipe default')),
    field('examples (limit)', number('limit', 'all', '1')),
    field('seed', number('seed', '42', '1')),
    el('div', { class: 'buttons' },
      el('button', { type: 'submit', id: 'train' }, 'Train'),
      el('button', { type: 'button', id: 'stop', disabled: '' }, 'Stop')));
  const status = el('p', { id: 'train-status', class: 'muted' }, 'Leave a field empty for the recipe’s default.');
  const bar = el('progress', { id: 'train-progress', max: '1', value: '0' });
  const lossCanvas = el('canvas');
  const metricCanvas = el('canvas');
  root.append(form, status, bar, el('div', { class: 'charts' }, el('div', { class: 'chart' }, lossCanvas), el('div', { class: 'chart' }, metricCanvas)));
  const lossChart = lineChart(lossCanvas, { title: 'loss (running mean)', x: 'step' });
  const metricChart = lineChart(metricCanvas, { title: 'accuracy per epoch', x: 'epoch' });
  const titleCharts = (whose = '') => { lossChart.title(`loss (running mean)${whose}`); metricChart.title(`accuracy per epoch${whose}`); };
  const stop = form.querySelector('#stop');

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = { project: p.id };
    for (const [k, v] of new FormData(form)) if (v !== '') body[k] = ['model', 'dataset'].includes(k) ? v : Number(v);
    try {
      await postJson('/studio/api/train', body);
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  });
  stop.addEventListener('click', () => postJson('/studio/api/train/stop', {}).catch(err => status.replaceChildren(errorBox(err))));

  return (event, replayed = false) => {
    if (event.type === 'job') {
      lossChart.clear();
      metricChart.clear();
      titleCharts();
      form.querySelector('#train').disabled = true;
      stop.disabled = false;
      status.textContent = 'starting: loading data and building the model…';
    } else if (event.type === 'model') { // a run comparing models: say whose curves these are
      status.textContent = `training ${event.model} (${event.modelRole})…`;
    } else if (event.type === 'batch') {
      const m = event.metrics;
      if (event.model) titleCharts(`: ${event.model} (${event.modelRole})`);
      bar.value = event.step / event.totalSteps;
      status.textContent = `epoch ${event.epoch}/${event.epochs} · batch ${event.batch}/${event.batches}`
        + Object.entries(m).map(([k, v]) => ` · ${k} ${fmt(v)}`).join('') + ` · ${event.examplesPerSecond.toFixed(0)} ex/s`;
      if (m.loss !== undefined) lossChart.push('train loss', event.step, m.loss);
    } else if (event.type === 'epoch') {
      for (const [k, v] of Object.entries(event.metrics)) if (k.endsWith('accuracy')) metricChart.push(k, event.epoch, v);
    } else if (event.type === 'end') {
      const job = event.job;
      form.querySelector('#train').disabled = false;
      stop.disabled = true;
      status.replaceChildren(el('span', { id: 'train-result', class: `result-${job.status}` },
        `${job.status}${job.run ? ' · run ' + job.run : ''}${job.message ? ' · ' + job.message : ''}`));
      if (job.status === 'completed') bar.value = 1;
      if (!replayed) setTimeout(() => route(), 500); // the new run appears in the table and serves the demo
    }
  };
}

function runsPanel(root, detail, p) {
  if (p.runs.length === 0) {
    root.append(el('p', { class: 'muted' }, 'No runs yet.'));
    return;
  }
  const metricNames = [...new Set(p.runs.flatMap(r => Object.keys(r.metrics)))]
    .filter(k => ['test_accuracy', 'test_f1', 'test_macro_f1', 'test_auc', 'handwritten_accuracy', 'val_accuracy', 'val_loss', 'epochs', 'train_seconds', 'parameters'].includes(k));
  const compareBox = el('div', { id: 'compare' });
  const message = el('div', { id: 'runs-message' });
  const act = (label, path, body) => el('button', { type: 'button', class: `run-${label.toLowerCase()}`, onclick: async () => {
    try {
      await postJson(path, body);
      route();
    } catch (err) {
      message.replaceChildren(errorBox(err));
    }
  } }, label);
  const pinned = p.current && p.current.pinned ? p.current.path : null;
  const actions = r => {
    if (r.path === pinned) return act('Unpin', `/studio/api/projects/${p.id}/pin`, { run: null });
    if (r.status === 'completed') return act('Pin', `/studio/api/projects/${p.id}/pin`, { run: r.path });
    if (r.resumable) return act('Resume', '/studio/api/train/resume', { run: `${p.id}/${r.id}` });
    return null;
  };
  const answering = r => (p.current && p.current.path === r.path ? el('span', { class: 'current-mark', title: 'the demo, the API and the CLI use this run' },
    pinned ? '● pinned' : '● current') : '');
  const rows = p.runs.slice().reverse().map(r => el('tr', { 'data-run': r.id },
    el('td', {}, el('input', { type: 'checkbox', value: r.id, class: 'compare-pick' })),
    el('td', {}, el('a', { href: '#', onclick: e => { e.preventDefault(); showRun(detail, p.id, r.id); } }, r.id)),
    el('td', {}, answering(r)), el('td', { title: r.message || '' }, r.status), el('td', {}, when(r.created)), el('td', {}, r.model),
    el('td', {}, r.dataset), ...metricNames.map(k => el('td', { class: 'num' }, fmt(r.metrics[k]))), el('td', { class: 'actions' }, actions(r))));
  root.append(message,
    el('table', { class: 'runs' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), el('th', {}, 'run'), el('th', {}, 'answers'), el('th', {}, 'status'), el('th', {}, 'created'),
        el('th', {}, 'model'), el('th', {}, 'dataset'), ...metricNames.map(k => el('th', {}, k)), el('th', {}, ''))),
      el('tbody', {}, ...rows)),
    el('button', { type: 'button', id: 'compare-button', onclick: () => compare(compareBox, p, picked(root)) }, 'Compare selected'),
    compareBox);
}

const picked = root => [...root.querySelectorAll('.compare-pick:checked')].map(c => c.value);

/** Side by side: the runs' recipes and metrics in one table, their validation curves on one chart. */
async function compare(box, p, ids) {
  if (ids.length < 2) {
    box.replaceChildren(el('p', { class: 'muted' }, 'Tick two or more runs.'));
    return;
  }
  const runs = await Promise.all(ids.map(id => getJson(`/studio/api/projects/${p.id}/runs/${id}`)));
  const keys = ['model', 'epochs', 'batchSize', 'learningRate', 'seed', 'limit'];
  const metrics = [...new Set(runs.flatMap(r => Object.keys(r.info.metrics || {})))];
  const canvas = el('canvas');
  box.replaceChildren(
    el('table', { class: 'runs compare' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), ...runs.map(r => el('th', {}, r.info.id)))),
      el('tbody', {},
        ...keys.map(k => el('tr', {}, el('th', {}, k), ...runs.map(r => el('td', {}, recipeValue(k, r.info.recipe[k]))))),
        ...metrics.map(k => el('tr', {}, el('th', {}, k), ...runs.map(r => el('td', { class: 'num' }, fmt(r.info.metrics[k]))))))),
    el('div', { class: 'chart wide' }, canvas));
  const chart = lineChart(canvas, { title: 'validation accuracy per epoch', x: 'epoch' });
  runs.forEach(r => chart.set(r.info.id, r.history.filter(h => h.val_accuracy !== undefined).map(h => ({ x: h.epoch, y: h.val_accuracy }))));
}

/** A run's curves and plots from its report. */
async function showRun(detail, project, id) {
  const run = await getJson(`/studio/api/projects/${project}/runs/${id}`);
  detail.hidden = false;
  const images = await Promise.all(run.plots.map(async name =>
    el('figure', {}, el('img', { src: await imageUrl(`/studio/api/projects/${project}/runs/${id}/plots/${name}`), alt: name }),
      el('figcaption', {}, name))));
  detail.replaceChildren(el('h2', {}, `Run ${id}`),
    el('p', { class: 'muted' }, `${run.info.status} · created ${when(run.info.created)}${run.info.message ? ' · ' + run.info.message : ''}`),
    images.length ? el('div', { class: 'plots' }, ...images) : el('p', { class: 'muted' }, 'No plots yet.'));
  detail.scrollIntoView({ behavior: 'smooth' });
}

// ---- routing and events --------------------------------------------------------------------

async function route() {
  const match = location.hash.match(/^#\/project\/([\w.-]+)/);
  try {
    if (match) await projectPage(match[1]);
    else await gallery();
  } catch (e) {
    view.replaceChildren(errorBox(e));
  }
}

let jobProject = null; // the project of the latest training job
let story = []; // its events so far, replayed when its page opens

function onEvent(event) {
  if (event.type === 'job') {
    jobProject = event.job.project;
    story = [];
  }
  story.push(event);
  if (event.type === 'job' || event.type === 'end') {
    banner.hidden = event.type === 'end';
    banner.replaceChildren(el('a', { href: `#/project/${jobProject}` }, `training ${jobProject}…`));
  }
  if (page && page.id === jobProject) page.onEvent(event);
}

window.addEventListener('hashchange', route);
route();
listen(onEvent);
