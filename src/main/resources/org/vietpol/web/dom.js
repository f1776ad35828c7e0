// Building the page from data. Article text and names are untrusted input, so data only ever becomes text
// nodes (textContent) or checked attribute values; nothing here parses HTML.

import {groupOf, localName} from './sparql.js';

/**
 * Creates an element: h('li', {class: 'hit', title: name}, 'text', childNode, ...).
 * Attribute values are set with setAttribute; "on..." attributes and href are refused (use link()).
 */
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (/^on/i.test(name) || name === 'href' || name === 'src') throw new Error('refused attribute ' + name);
    e.setAttribute(name, value === true ? '' : String(value));
  }
  append(e, children);
  return e;
}

/** Appends strings (as text) and nodes; arrays are flattened, null and undefined skipped. */
export function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return parent;
}

/** Replaces an element's content. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

// Only web addresses become links: a "javascript:" or "data:" URL from the data must not be clickable.
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url, document.baseURI);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A link opening in a new tab, or plain text when the URL is not a web address. */
export function link(url, text, attrs = {}) {
  const href = safeHref(url);
  if (!href) return h('span', attrs, text);
  const a = h('a', {...attrs, target: '_blank', rel: 'noopener noreferrer'}, text);
  a.href = href;
  return a;
}

/** The sentence as text with the matched span marked, when it occurs in it. */
export function sentenceWithMatch(sentence, matched) {
  const at = matched ? sentence.indexOf(matched) : -1;
  if (at < 0) return [sentence];
  return [sentence.slice(0, at), h('mark', {}, matched), sentence.slice(at + matched.length)];
}

/** A button that opens a resource: a place as its leadership network, anything else in the network. */
export function entityButton(value, label, actions) {
  if (!groupOf(value)) return h('span', {}, label || value);
  const b = h('button', {type: 'button', class: `entity ${groupOf(value)}`, title: value}, label || localName(value));
  b.addEventListener('click', () => (groupOf(value) === 'place' ? actions.showPlace(value) : actions.focus(value)));
  return b;
}

/** Vietnamese-aware comparison for sorting labels. */
export const byLabel = (a, b) => String(a).localeCompare(String(b), 'vi');

/** Runs fn at most once per `ms` of quiet (for typing). */
export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
