// Talking to the dlforge server: JSON calls, predictions, and the training event stream.
// A server bound beyond loopback wants an API key: open the studio once as /studio/?key=KEY and
// the key is kept for this browser tab (sessionStorage) and sent with every call.

const params = new URLSearchParams(location.search);
if (params.has('key')) {
  sessionStorage.setItem('dlforge-key', params.get('key'));
  history.replaceState(null, '', location.pathname + location.hash);
}

/** The request headers with the key, when this tab has one. */
export function headers(extra = {}) {
  const key = sessionStorage.getItem('dlforge-key');
  return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
}

/**
 * An error the server explained: dlforge's {status, error, hint}, or OpenAI's {error: {message, type, param, code}} (the LLM
 * server's /v1 routes), whose param and code become the hint.
 */
export class ApiError extends Error {
  constructor(body) {
    const openai = body.error && typeof body.error === 'object' ? body.error : null;
    super((openai ? openai.message : body.error) || `HTTP ${body.status}`);
    this.status = body.status;
    this.hint = openai ? [openai.param && `param: ${openai.param}`, openai.code && `code: ${openai.code}`].filter(Boolean).join(', ')
      : body.hint || '';
  }
}

/** A response's JSON body; an ApiError when it is not a success. */
export async function parse(response) {
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok) throw new ApiError({ status: response.status, ...body });
  return body;
}

export async function getJson(path) {
  return parse(await fetch(path, { headers: headers() }));
}

export async function postJson(path, body) {
  return parse(await fetch(path, {
    method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body),
  }));
}

/** Sends one input (a Blob such as a PNG) to a model; resolves to {model, run, result}: run is the run that answered. */
export async function predict(model, blob, options = {}) {
  const query = new URLSearchParams(options).toString();
  const response = await fetch(`/v1/models/${encodeURIComponent(model)}/predict${query ? '?' + query : ''}`, {
    method: 'POST', headers: headers({ 'Content-Type': blob.type || 'application/octet-stream' }), body: blob,
  });
  return parse(response);
}

/** Fetches an image that needs the key (plots, samples) as an object URL for an <img>. */
export async function imageUrl(path) {
  const response = await fetch(path, { headers: headers() });
  if (!response.ok) throw new ApiError({ status: response.status });
  return URL.createObjectURL(await response.blob());
}

/**
 * Reads server-sent events from a fetch response, calling onData with each event's data (the text after "data:", lines
 * joined); comments (": waiting") are skipped.
 */
export async function readEvents(response, onData) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
      if (data) onData(data);
    }
  }
}

/**
 * Calls onEvent for every server-sent training event, reconnecting after a drop. It reads the
 * stream with fetch rather than EventSource, which cannot send the key header.
 */
export async function listen(onEvent) {
  for (;;) {
    try {
      const response = await fetch('/studio/api/events', { headers: headers({ Accept: 'text/event-stream' }) });
      await readEvents(response, data => onEvent(JSON.parse(data)));
    } catch (e) {
      // the server restarted or the network dropped: try again shortly
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}
