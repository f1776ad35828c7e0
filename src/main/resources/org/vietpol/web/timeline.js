// The meeting timeline: meetings by date, newest first, undated ones at the end; optionally of one place
// (its own bodies or those of the units under it) and one year.

import {h, replace} from './dom.js';
import {select, iri} from './sparql.js';

const VI = (v) => `FILTER(langMatches(lang(${v}), "vi"))`;
const LIMIT = 500;

export class Timeline {
  constructor(root, actions) {
    this.root = root;
    this.actions = actions;
    this.place = root.querySelector('#timeline-place');
    this.year = root.querySelector('#timeline-year');
    this.out = root.querySelector('#timeline-list');
    for (const s of [this.place, this.year]) s.addEventListener('change', () => this.render());
  }

  async setUp(places) {
    replace(this.place, h('option', {value: ''}, 'Mọi địa phương'),
      places.map((p) => h('option', {value: p.iri}, p.label)));
    const years = await select(`SELECT DISTINCT ?y WHERE {
  ?e a vp:Meeting ; dcterms:date ?d . BIND(YEAR(?d) AS ?y)
} ORDER BY DESC(?y) LIMIT 200`);
    replace(this.year, h('option', {value: ''}, 'Mọi năm'), years.map((r) => h('option', {value: r.y}, r.y)));
  }

  query() {
    const place = this.place.value ? iri(this.place.value) : null;
    const year = /^\d{4}$/.test(this.year.value) ? this.year.value : null;
    return `SELECT ?e ?label ?date ?type ?org ?orgLabel ?placeLabel (COUNT(DISTINCT ?p) AS ?people) WHERE {
  ?e a vp:Meeting .
  OPTIONAL { ?e dcterms:date ?date }
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e vp:meetingType ?type }
  OPTIONAL { ?e vp:organizer ?org . ?org skos:prefLabel ?orgLabel . ${VI('?orgLabel')}
             OPTIONAL { ?org vp:jurisdiction/skos:prefLabel ?placeLabel . ${VI('?placeLabel')} } }
  OPTIONAL { ?e vp:chair|vp:attendee ?p }
  ${place ? `?e vp:organizer/vp:jurisdiction ?where . FILTER(?where = ${place} || EXISTS { ?where vp:parentUnit ${place} })` : ''}
  ${year ? `FILTER(YEAR(?date) = ${year})` : ''}
} GROUP BY ?e ?label ?date ?type ?org ?orgLabel ?placeLabel
ORDER BY (!BOUND(?date)) DESC(?date) ?label LIMIT ${LIMIT}`;
  }

  async render() {
    replace(this.out, h('p', {class: 'muted'}, 'Đang tải…'));
    try {
      const rows = await select(this.query());
      const meetings = new Map();
      for (const r of rows) if (!meetings.has(r.e)) meetings.set(r.e, r);
      const list = [...meetings.values()];
      const groups = new Map();
      for (const m of list) {
        const y = m.date ? m.date.slice(0, 4) : 'Không rõ ngày';
        if (!groups.has(y)) groups.set(y, []);
        groups.get(y).push(m);
      }
      const parts = [strip(list), h('p', {class: 'muted'}, `${list.length} hội nghị`
        + (rows.length >= LIMIT ? ` (chỉ ${LIMIT} đầu tiên; hãy lọc theo địa phương hoặc năm)` : ''))];
      for (const [y, ms] of groups) {
        parts.push(h('h3', {}, y), h('ol', {class: 'meetings'}, ms.map((m) => {
          const open = h('button', {type: 'button', class: 'entity meeting'}, m.label || m.type || 'Hội nghị');
          open.addEventListener('click', () => this.actions.focus(m.e));
          return h('li', {}, h('span', {class: 'date'}, m.date || '—'), open,
            m.orgLabel ? h('span', {class: 'muted'}, ` · ${m.orgLabel}`) : null,
            Number(m.people) ? h('span', {class: 'muted'}, ` · ${m.people} người`) : null);
        })));
      }
      replace(this.out, parts);
    } catch (e) {
      replace(this.out, h('p', {class: 'error'}, e.message));
    }
  }
}

/** A strip of dots, one per dated meeting, along a time axis. */
function strip(meetings) {
  const NS = 'http://www.w3.org/2000/svg';
  const dated = meetings.filter((m) => m.date).map((m) => ({m, t: Date.parse(m.date.slice(0, 10))}))
    .filter((d) => !Number.isNaN(d.t));
  if (!dated.length) return null;
  const min = Math.min(...dated.map((d) => d.t)), max = Math.max(...dated.map((d) => d.t));
  const width = 900, pad = 30;
  const x = (t) => (max === min ? width / 2 : pad + (t - min) / (max - min) * (width - 2 * pad));
  const el = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const svg = el('svg', {class: 'strip', viewBox: `0 0 ${width} 56`, role: 'img'});
  svg.append(el('title', {}, 'Hội nghị theo thời gian'), el('line', {x1: pad, x2: width - pad, y1: 24, y2: 24, class: 'axis'}));
  for (const {m, t} of dated) {
    const c = el('circle', {cx: x(t), cy: 24, r: 5, class: 'dot'});
    c.append(el('title', {}, `${m.date} · ${m.label || ''}`));
    svg.append(c);
  }
  const fmt = (t) => new Date(t).toISOString().slice(0, 10);
  svg.append(el('text', {x: pad, y: 48, class: 'tick'}, fmt(min)));
  if (max !== min) svg.append(el('text', {x: width - pad, y: 48, 'text-anchor': 'end', class: 'tick'}, fmt(max)));
  return svg;
}
