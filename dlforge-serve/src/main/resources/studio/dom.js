// Building the pages' elements: el('p', {class: 'muted', onclick: f}, 'text', child, [more children]).

export const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  });
  children.flat().forEach(c => c != null && e.append(c));
  return e;
};
