// Demo input widgets, one per Demo.kind a project declares (see dev.dlforge.projects.serving.Demo):
// draw, image, text (and tags, a text input too), generate. A widget sends its input through the public
// API (POST /v1/models/{name}/predict) and hands the answer to the renderer of its type (renderers.js),
// so a new project with an existing input kind and output type needs no JavaScript.

import { getJson, imageUrl, predict } from './api.js';
import { el, render } from './renderers.js';

/** Says under an answer which run's model gave it (the served run changes when a newer one completes or one is pinned). */
function answeredBy(target, answer) {
  target.append(el('p', { class: 'muted answered-by', 'data-run': answer.run ?? '' },
    answer.run ? `answered by run ${answer.run}` : 'answered by a model folder outside the runs'));
}

/** Sends `blob` to `model` and shows its answer with its type's renderer, or the server's explanation; `input` is what was sent. */
async function ask(target, model, blob, input) {
  try {
    const answer = await predict(model, blob);
    render(target, answer.result, input);
    answeredBy(target, answer);
  } catch (e) {
    showError(target, e);
  }
}

function showError(target, error) {
  target.replaceChildren(el('p', { class: 'error' }, error.message, error.hint ? el('br') : '', error.hint || ''));
}

/** A canvas to draw on with mouse, pen or finger; the drawing is classified while you draw. */
function draw(root, model, demo) {
  const { width = 280, height = 280, stroke = 18 } = demo.options;
  const canvas = el('canvas', { id: 'draw-canvas', width, height, class: 'draw' });
  const clear = el('button', { type: 'button', id: 'draw-clear' }, 'Clear');
  const output = el('div', { class: 'prediction', id: 'prediction' }, el('p', { class: 'muted' }, 'Draw something.'));
  root.append(el('div', { class: 'demo-row' }, el('div', {}, canvas, el('div', {}, clear)), output));

  const g = canvas.getContext('2d');
  const reset = () => {
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    output.replaceChildren(el('p', { class: 'muted' }, 'Draw something.'));
  };
  reset();
  g.lineCap = 'round';
  g.lineJoin = 'round';
  g.lineWidth = stroke;
  g.strokeStyle = '#000';

  let drawing = false;
  let pending = null;
  let busy = false;
  const classify = () => {
    if (busy) { pending = true; return; }
    busy = true;
    canvas.toBlob(async blob => {
      try {
        await ask(output, model, blob, { picture: canvas.toDataURL('image/png') });
      } finally {
        busy = false;
        if (pending) { pending = false; classify(); }
      }
    }, 'image/png');
  };
  const point = e => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * (width / r.width), (e.clientY - r.top) * (height / r.height)];
  };
  canvas.addEventListener('pointerdown', e => {
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    const [x, y] = point(e);
    g.beginPath();
    g.moveTo(x, y);
    g.lineTo(x + 0.1, y + 0.1);
    g.stroke();
  });
  canvas.addEventListener('pointermove', e => {
    if (!drawing) return;
    const [x, y] = point(e);
    g.lineTo(x, y);
    g.stroke();
  });
  const end = () => {
    if (!drawing) return;
    drawing = false;
    classify();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  clear.addEventListener('click', reset);
}

/** Upload a picture or pick one of the test set's; the model's answer appears beside it. */
async function image(root, model, demo, project) {
  const file = el('input', { type: 'file', accept: 'image/*', id: 'image-file' });
  const preview = el('img', { class: 'preview', id: 'image-preview', alt: '' });
  const output = el('div', { class: 'prediction', id: 'prediction' }, el('p', { class: 'muted' }, 'Choose a picture.'));
  const gallery = el('div', { class: 'samples', id: 'samples' });
  root.append(el('div', { class: 'demo-row' }, el('div', {}, file, preview), output), gallery);

  const classify = async blob => {
    preview.src = URL.createObjectURL(blob);
    await ask(output, model, blob, { picture: preview.src });
  };
  file.addEventListener('change', () => file.files[0] && classify(file.files[0]));
  const samples = await getJson(`/studio/api/projects/${project}/samples`);
  if (samples.length === 0) {
    gallery.append(el('p', { class: 'muted' }, 'No test pictures at hand (the dataset is not cached).'));
  }
  for (const s of samples) {
    const url = await imageUrl(s.url);
    const thumb = el('img', { src: url, title: `a test picture of: ${s.label}`, alt: s.label, 'data-label': s.label });
    thumb.addEventListener('click', async () => classify(await (await fetch(url)).blob()));
    gallery.append(thumb);
  }
}

/**
 * A text box, a button and (when the run's data is at hand) a few held-out texts to try. The text is
 * sent as text/plain, which every text predictor takes (a classifier, a tagger, rag's question).
 */
async function text(root, model, demo, project) {
  const { placeholder = 'Type or paste some text.', rows = 6 } = demo.options;
  const box = el('textarea', { id: 'text-input', rows, placeholder, maxlength: 100000 });
  const go = el('button', { type: 'button', id: 'text-submit' }, 'Predict');
  const output = el('div', { class: 'prediction', id: 'prediction' }, el('p', { class: 'muted' }, 'Nothing asked yet.'));
  const samples = el('div', { class: 'text-samples', id: 'samples' });
  root.append(el('div', { class: 'demo-row' }, el('div', { class: 'text-column' }, box, el('div', {}, go)), output), samples);

  const run = async () => {
    if (!box.value.trim()) return;
    await ask(output, model, new Blob([box.value], { type: 'text/plain;charset=utf-8' }), { prompt: box.value });
  };
  go.addEventListener('click', run);
  box.addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
  for (const [i, s] of (await getJson(`/studio/api/projects/${project}/samples`)).entries()) {
    const sample = await (await fetch(await imageUrl(s.url))).text();
    const chip = el('button', { type: 'button', class: 'chip', 'data-label': s.label, title: `a held-out example labelled ${s.label}` },
      `${i + 1}. ${s.label}`);
    chip.addEventListener('click', () => { box.value = sample; run(); });
    samples.append(chip);
  }
}

/**
 * Continues a prompt with a language model (gpt, poetry): the prompt, temperature and length are
 * sent as JSON {"prompt", "temperature", "max_tokens"}; the answer (a text: the continuation) goes to
 * its renderer with the prompt.
 */
function generate(root, model, demo) {
  const { placeholder = 'Write the start of a text.', rows = 6, maxTokens = 200, maxTokensLimit = 1024,
    temperature = 0.8, maxTemperature = 2 } = demo.options;
  const box = el('textarea', { id: 'generate-prompt', rows, placeholder, maxlength: 20000 });
  const temp = el('input', { type: 'number', id: 'generate-temperature', min: 0, max: maxTemperature, step: 0.1, value: temperature });
  const length = el('input', { type: 'number', id: 'generate-max-tokens', min: 1, max: maxTokensLimit, step: 1, value: maxTokens });
  const go = el('button', { type: 'button', id: 'generate-submit' }, 'Generate');
  const output = el('div', { class: 'prediction', id: 'generation' }, el('p', { class: 'muted' }, 'Nothing written yet.'));
  root.append(el('div', { class: 'demo-row' },
    el('div', { class: 'text-column' }, box,
      el('div', { class: 'generate-controls' },
        el('label', {}, 'Temperature (0: greedy)', temp), el('label', {}, 'Max tokens', length), go)),
    output));

  const run = async () => {
    if (!box.value || go.disabled) return;
    const prompt = box.value;
    // An emptied field is left out (the model's default), never read as 0 (greedy).
    const request = { prompt };
    if (temp.value.trim() !== '') request.temperature = Number(temp.value);
    if (length.value.trim() !== '') request.max_tokens = Number(length.value);
    const body = new Blob([JSON.stringify(request)],
      { type: 'application/json' });
    go.disabled = true;
    output.replaceChildren(el('p', { class: 'muted' }, 'Writing...'));
    try {
      const answer = await predict(model, body);
      render(output, answer.result, { prompt });
      answeredBy(output, answer);
    } catch (e) {
      showError(output, e);
    } finally {
      go.disabled = false;
    }
  };
  go.addEventListener('click', run);
  box.addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
}

// `tags` (pos) is a text input whose answer is rendered by its type like any other.
const WIDGETS = { draw, image, text, tags: text, generate };

/** Mounts the demo of `project` (served as `model`) into `root`. */
export function mountDemo(root, project, model, demo) {
  const widget = WIDGETS[demo.kind];
  root.append(el('p', { class: 'muted' }, demo.prompt));
  if (!widget) {
    root.append(el('p', { class: 'error' }, `This studio has no widget for demos of kind "${demo.kind}" yet.`));
    return;
  }
  widget(root, model, demo, project);
}
