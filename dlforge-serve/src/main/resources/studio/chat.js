// The chat page, /studio/chat/ on `dlforge llm serve` (docs/STUDIO.md, "Chat"): a conversation with the served model over
// OpenAI's POST /v1/chat/completions. Tokens show as they arrive: the answer is read with fetch as a ReadableStream of
// server-sent events (data: {chat.completion.chunk} ... data: [DONE]). Stop aborts the request; the server sees the
// connection close and frees the model's slot. The conversation lives in this page only: New chat forgets it.

import { getJson, headers, parse, readEvents } from './api.js';
import { el } from './dom.js';

const $ = id => document.getElementById(id);
const conversation = $('conversation');
const errorBox = $('chat-error');
const status = $('chat-status');
const input = $('message');
const sendButton = $('send');
const stopButton = $('stop');
let model = null; // {model, context_length, architecture} from GET /health
let messages = []; // the conversation so far, as OpenAI's messages (the system prompt is added per request)
let controller = null; // the request in flight, when there is one

/** The sampling controls as request fields; a blank field is left out, so the server's default applies. */
function sampling() {
  const fields = {};
  const number = (id, name, integer) => {
    const v = $(id).value.trim();
    if (v !== '') fields[name] = integer ? parseInt(v, 10) : parseFloat(v);
  };
  number('temperature', 'temperature', false);
  number('top-p', 'top_p', false);
  number('max-tokens', 'max_tokens', true);
  number('seed', 'seed', true);
  const stop = $('stop-sequences').value.split('\n').filter(s => s !== '').map(s => s.replaceAll('\\n', '\n'));
  if (stop.length) fields.stop = stop;
  return fields;
}

function showError(e) {
  errorBox.replaceChildren(e.message, ...(e.hint ? [el('br'), e.hint] : []));
  errorBox.hidden = false;
}

function bubble(role, text) {
  const body = el('div', { class: 'text' }, text);
  const item = el('div', { class: `msg ${role}` }, el('div', { class: 'role' }, role), body);
  conversation.append(item);
  item.scrollIntoView({ block: 'end' });
  return item;
}

function busy(on) {
  sendButton.disabled = on;
  stopButton.disabled = !on;
  $('new-chat').disabled = on;
}

async function send() {
  const text = input.value;
  if (!text.trim() || controller) return;
  errorBox.hidden = true;
  const user = bubble('user', text);
  input.value = '';
  messages.push({ role: 'user', content: text });
  const system = $('system').value;
  const request = {
    model: model?.model, stream: true, stream_options: { include_usage: true }, ...sampling(),
    messages: system.trim() ? [{ role: 'system', content: system }, ...messages] : messages,
  };
  let reply = null;
  let answer = '';
  let finish = null;
  let usage = null;
  const started = performance.now();
  controller = new AbortController();
  busy(true);
  status.textContent = 'waiting…';
  try {
    const response = await fetch('/v1/chat/completions', {
      method: 'POST', signal: controller.signal, body: JSON.stringify(request),
      headers: headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
    });
    if (!response.ok) await parse(response); // throws the server's error
    reply = bubble('assistant', '');
    reply.classList.add('streaming');
    const body = reply.querySelector('.text');
    status.textContent = 'generating…';
    await readEvents(response, data => {
      if (data === '[DONE]') return;
      const chunk = JSON.parse(data);
      if (chunk.error) throw new Error(chunk.error.message);
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      if (choice?.delta?.content) {
        answer += choice.delta.content;
        body.textContent = answer;
      }
      if (choice?.finish_reason) finish = choice.finish_reason;
    });
    messages.push({ role: 'assistant', content: answer });
    const seconds = (performance.now() - started) / 1000;
    const meta = usage ? `${usage.prompt_tokens} prompt tokens · ${usage.completion_tokens} tokens in ${seconds.toFixed(1)} s`
      + ` (${(usage.completion_tokens / seconds).toFixed(1)} tokens/s)` : `${seconds.toFixed(1)} s`;
    reply.append(el('div', { class: 'meta', 'data-finish': finish ?? '', 'data-prompt-tokens': usage?.prompt_tokens ?? '',
      'data-completion-tokens': usage?.completion_tokens ?? '' }, `${meta} · finish: ${finish}`));
    status.textContent = '';
  } catch (e) {
    if (e.name === 'AbortError') {
      // the partial answer stays in the conversation, as the model's turn
      if (reply) {
        messages.push({ role: 'assistant', content: answer });
        reply.append(el('div', { class: 'meta', 'data-finish': 'stopped' }, 'stopped'));
      } else {
        messages.pop();
        user.remove();
      }
      status.textContent = 'stopped';
    } else {
      // nothing was answered: the message goes back to the box, to be changed and sent again
      messages.pop();
      user.remove();
      reply?.remove();
      if (!input.value) input.value = text;
      showError(e);
      status.textContent = '';
    }
  } finally {
    reply?.classList.remove('streaming');
    controller = null;
    busy(false);
  }
}

function newChat() {
  messages = [];
  conversation.replaceChildren();
  errorBox.hidden = true;
  status.textContent = '';
  input.focus();
}

$('chat-form').addEventListener('submit', e => {
  e.preventDefault();
  send();
});
input.addEventListener('keydown', e => {
  if (e.key === 'Enter' && !e.shiftKey) {
    e.preventDefault();
    send();
  }
});
stopButton.addEventListener('click', () => controller?.abort());
$('new-chat').addEventListener('click', newChat);

try {
  model = await getJson('/health');
  if (!model.model || !model.context_length) throw Object.assign(new Error('no model'), { status: 404 });
  document.title = `${model.model} · dlforge chat`;
  $('chat-title').textContent = `Chat with ${model.model}`;
  $('model-name').textContent = model.model;
  $('model-info').textContent = `${model.architecture}, context ${model.context_length.toLocaleString('en-US')} tokens.`;
  $('max-tokens').placeholder = `rest of ${model.context_length}`;
} catch (e) {
  $('model-info').textContent = '';
  showError(e.status === 404 ? { message: 'This server serves no language model.', hint: 'start one with dlforge llm serve MODEL.gguf' } : e);
  sendButton.disabled = true;
}
