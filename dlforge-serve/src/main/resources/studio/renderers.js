// Output renderers, one per output type a predictor answers (dev.dlforge.projects.serving.output.Output,
// the JSON's "type" field). A demo widget sends its input and hands the answer here, so a project whose
// input kind and output type exist already needs no JavaScript.
//
// A renderer is (target, result, input): `target` the widget's answer panel, `result` the output JSON,
// `input` what the widget sent: { prompt } for text, { picture } (an image URL) for pictures.

export const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => (k === 'class' ? (e.className = v) : e.setAttribute(k, v)));
  children.forEach(c => e.append(c));
  return e;
};

const percent = p => `${(p * 100).toFixed(1)}%`;

/** A colour per label, the same on every page: the hue hashed from the label's characters. */
export const colour = (label, lightness = 85) =>
  `hsl(${[...label].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7)}, 70%, ${lightness}%)`;

/** Class probabilities as bars, most probable first; a threshold that decides (spam) is stated. */
function classes(target, result) {
  target.replaceChildren(
    el('p', { class: 'answer' }, 'Prediction: ', el('strong', { id: 'top-label' }, result.label), ` (${percent(result.probability)})`),
    ...(result.rule ? [el('p', { class: 'muted', id: 'decision-rule' }, `Answers ${result.rule}.`)] : []),
    ...result.top.map(s => el('div', { class: 'bar', 'data-label': s.label },
      el('span', { class: 'bar-label' }, s.label),
      el('span', { class: 'bar-track' }, el('span', { class: 'bar-fill', style: `width:${percent(s.probability)}` })),
      el('span', { class: 'bar-value' }, percent(s.probability)))));
}

/** Every word with its tag (parts of speech, named entities), each tag in its own colour. */
function tags(target, result) {
  target.replaceChildren(el('p', { class: 'tagged', id: 'tagged' }, ...result.tokens.map(t =>
    el('span', { class: 'tagged-token', title: `${t.tag} (${percent(t.probability)})`, style: `background:${colour(t.tag)}` },
      t.token, el('sub', {}, t.tag)))));
}

/** The continuation after its prompt, with the model's token counts and speed. */
function text(target, result, input = {}) {
  target.replaceChildren(
    el('pre', { class: 'generated', id: 'generated' }, el('span', { class: 'muted' }, input.prompt ?? ''),
      el('strong', { id: 'generated-text' }, result.text)),
    el('p', { class: 'muted', id: 'generation-stats' },
      `${result.generated_tokens} tokens after ${result.prompt_tokens} of prompt, ${result.tokens_per_second.toFixed(0)} tokens/s, ` +
      (result.finish_reason === 'stop' ? 'ended at a stop string' : 'ended at max tokens')));
}

const where = c => `${c.source.split('/').pop()}${c.page > 0 ? `, page ${c.page}` : ''}${c.heading ? `, "${c.heading}"` : ''}, chars ${c.start}-${c.end}`;

/** The answer with its [n] sources, or the statement that the documents do not answer and the closest passages. */
function answer(target, result) {
  const sources = result.answered
    ? el('ol', { class: 'citations', id: 'citations' }, ...result.sentences.map(s =>
      el('li', { title: s.citation.source }, where(s.citation), el('span', { class: 'muted' }, ` similarity ${s.score.toFixed(2)}`))))
    : el('div', { id: 'closest' }, el('p', { class: 'muted' }, 'Closest passages:'), ...result.passages.map(p =>
      el('blockquote', { class: 'passage', title: p.citation.source }, p.text, el('br'), el('span', { class: 'muted' }, where(p.citation)))));
  target.replaceChildren(el('p', { class: 'answer', id: 'answer-text', 'data-answered': String(result.answered) }, result.answer), sources);
}

/** The boxes drawn over the picture that was sent (or over a blank of its size), and listed below it. */
function boxes(target, result, input = {}) {
  const canvas = el('canvas', { id: 'boxes-canvas', width: result.width, height: result.height, class: 'boxes' });
  const list = el('ul', { class: 'boxes-list', id: 'boxes-list' }, ...result.boxes.map(b =>
    el('li', { 'data-label': b.label }, el('span', { class: 'swatch', style: `background:${colour(b.label, 45)}` }),
      `${b.label} ${percent(b.score)} at (${Math.round(b.x)}, ${Math.round(b.y)}), ${Math.round(b.width)}x${Math.round(b.height)}`)));
  target.replaceChildren(canvas, result.boxes.length ? list : el('p', { class: 'muted', id: 'boxes-list' }, 'Nothing found.'));
  const g = canvas.getContext('2d');
  const outline = () => {
    g.lineWidth = Math.max(2, Math.round(Math.min(result.width, result.height) / 100));
    for (const b of result.boxes) {
      g.strokeStyle = colour(b.label, 45);
      g.strokeRect(b.x, b.y, b.width, b.height);
    }
    canvas.dataset.drawn = String(result.boxes.length);
  };
  g.fillStyle = '#fff';
  g.fillRect(0, 0, result.width, result.height);
  if (!input.picture) { outline(); return; }
  const picture = new Image();
  picture.onload = () => { g.drawImage(picture, 0, 0, result.width, result.height); outline(); };
  picture.onerror = outline;
  picture.src = input.picture;
}

/** A picture the model made (style transfer, a GAN's sample, a denoised photo), with its size. */
function picture(target, result) {
  target.replaceChildren(
    el('img', { class: 'preview', id: 'picture-output', src: `data:${result.media_type};base64,${result.image}`,
      alt: 'the picture the model made', width: result.width, height: result.height }),
    el('p', { class: 'muted', id: 'picture-size' }, `${result.width}x${result.height}, ${result.media_type}`));
}

export const RENDERERS = { classes, tags, text, answer, boxes, picture };

/** Shows `result` with its type's renderer, or says on the page that this studio cannot show that type. */
export function render(target, result, input = {}) {
  const renderer = RENDERERS[result?.type];
  if (!renderer) {
    target.replaceChildren(el('p', { class: 'error', id: 'unknown-output' },
      `This studio cannot show answers of type "${result?.type}" yet; the raw answer:`, el('pre', {}, JSON.stringify(result, null, 2))));
    return;
  }
  renderer(target, result, input);
}
