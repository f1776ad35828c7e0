// The meeting timeline: meetings by date, newest first, undated ones at the end; optionally of one place
// (its own bodies or those of the units under it) and one year.

import {h, replace} from './dom.js';
import {select, iri} from './sparql.js';
import {nodeInfo} from './data.js';
import {t} from './i18n.js';

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
    this.places = places;
    const keep = [this.place.value, this.year.value];
    replace(this.place, h('option', {value: ''}, t('filters.allPlaces')),
      places.map((p) => h('option', {value: p.iri}, p.label)));
    const years = await select(`SELECT DISTINCT ?y WHERE {
  ?e a vp:Meeting ; dcterms:date ?d . BIND(YEAR(?d) AS ?y)
} ORDER BY DESC(?y) LIMIT 200`);
    replace(this.year, h('option', {value: ''}, t('filters.allYears')), years.map((r) => h('option', {value: r.y}, r.y)));
    [this.place.value, this.year.value] = keep;
  }

  // Which meetings, newest first: only IRIs and dates, so that the store sorts little; the rest is asked for
  // the meetings shown (nodeInfo), labels of popular bodies once each.
  query() {
    const place = this.place.value ? iri(this.place.value) : null;
    const year = /^\d{4}$/.test(this.year.value) ? Number(this.year.value) : null;
    const day = (y) => `"${y}-01-01"^^<http://www.w3.org/2001/XMLSchema#date>`;
    return `SELECT DISTINCT ?e ?date WHERE {
  ${place ? `{ ?org vp:jurisdiction ${place} } UNION { ?where vp:parentUnit ${place} . ?org vp:jurisdiction ?where }
  ?e vp:organizer ?org .` : ''}
  ?e a vp:Meeting .
  OPTIONAL { ?e dcterms:date ?date }
  ${year ? `FILTER(BOUND(?date) && ?date >= ${day(year)} && ?date < ${day(year + 1)})` : ''}
} ORDER BY (!BOUND(?date)) DESC(?date) STR(?e) LIMIT ${LIMIT}`;
  }

  async render() {
    replace(this.out, h('p', {class: 'muted'}, t('loading')));
    try {
      const rows = await select(this.query());
      const info = await nodeInfo(rows.map((r) => r.e));
      const bodies = await nodeInfo(Object.values(info).map((i) => i.via).filter(Boolean));
      const list = [];
      const seen = new Set();
      for (const r of rows) {
        if (seen.has(r.e)) continue;
        seen.add(r.e);
        const i = info[r.e] || {};
        list.push({e: r.e, date: r.date || '', label: i.label, org: bodies[i.via] ? bodies[i.via].label : '',
          place: i.placeLabel || ''});
      }
      const groups = new Map();
      for (const m of list) {
        const y = m.date ? m.date.slice(0, 4) : t('meetings.undated');
        if (!groups.has(y)) groups.set(y, []);
        groups.get(y).push(m);
      }
      const parts = [strip(list), h('p', {class: 'muted'}, t('meetings.count', {n: list.length})
        + (rows.length >= LIMIT ? t('meetings.cut', {n: LIMIT}) : ''))];
      for (const [y, ms] of groups) {
        parts.push(h('h3', {}, y), h('ol', {class: 'meetings'}, ms.map((m) => {
          const open = h('button', {type: 'button', class: 'entity meeting'}, m.label || t('meetings.one'));
          open.addEventListener('click', () => this.actions.focus(m.e));
          return h('li', {}, h('span', {class: 'date'}, m.date || '—'), open,
            m.org ? h('span', {class: 'muted'}, ` · ${m.org}`) : null,
            m.place ? h('span', {class: 'muted'}, ` · ${m.place}`) : null);
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
  svg.append(el('title', {}, t('meetings.strip')), el('line', {x1: pad, x2: width - pad, y1: 24, y2: 24, class: 'axis'}));
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
