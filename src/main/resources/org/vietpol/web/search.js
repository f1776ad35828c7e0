// The search box. Matching happens on the server (/api/search), which folds case and diacritics, so
// "nguyen van nen" finds "Nguyễn Văn Nên" without the browser ever holding all the names.

import {h, replace, debounce} from './dom.js';
import {api} from './sparql.js';
import {groupName} from './network.js';
import {t} from './i18n.js';

export function setUpSearch(input, list, onPick) {
  let hits = [];
  let active = -1;
  let asked = '';

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };

  const pick = (hit) => {
    close();
    input.value = hit.label;
    onPick(hit);
  };

  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
  };

  const render = (result) => {
    hits = result.hits;
    const items = hits.map((hit, i) => {
      const li = h('li', {role: 'option', class: 'hit', 'data-group': hit.group, 'aria-selected': 'false'},
        h('span', {class: `badge ${hit.group}`}, groupName(hit.group)),
        h('span', {class: 'hit-label'}, hit.label),
        hit.context ? h('span', {class: 'hit-context'}, hit.context) : null);
      li.addEventListener('mousedown', (e) => e.preventDefault());
      li.addEventListener('click', () => pick(hit));
      li.addEventListener('mousemove', () => highlight(i));
      return li;
    });
    if (!items.length) items.push(h('li', {class: 'none'}, t('search.none')));
    if (!result.complete) items.push(h('li', {class: 'none'}, t('search.incomplete')));
    replace(list, items);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(hits.length ? 0 : -1);
  };

  const lookUp = debounce(async () => {
    const q = input.value.trim();
    if (q.length < 2) return close();
    asked = q;
    try {
      const result = await api.search(q);
      if (asked === q && input.value.trim() === q) render(result);
    } catch (e) {
      replace(list, h('li', {class: 'none error'}, e.message));
      list.hidden = false;
    }
  }, 180);

  input.addEventListener('input', lookUp);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length) {
      highlight(Math.min(active + 1, hits.length - 1));
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && hits.length) {
      highlight(Math.max(active - 1, 0));
      e.preventDefault();
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      pick(hits[active]);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('focus', () => { if (hits.length && input.value.trim() === asked) list.hidden = false; });
}
