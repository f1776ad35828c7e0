// The details panel: what the graph says about one resource, with the sentences it was read from and links to
// the articles. All of it is built from text nodes (see dom.js).

import {h, replace, link, sentenceWithMatch, byLabel, entityButton} from './dom.js';
import {select, iri, groupOf, localName} from './sparql.js';
import {groupName} from './network.js';
import {leadership, leadershipOn} from './compare.js';
import {career, careerTable} from './posts.js';
import {t, term} from './i18n.js';

const VI = (v) => `FILTER(langMatches(lang(${v}), "vi"))`;

const ARTICLE = (a) => `OPTIONAL { ${a} dcterms:identifier ?id }
    OPTIONAL { ${a} dcterms:title ?title }
    OPTIONAL { ${a} dcterms:issued ?issued }
    OPTIONAL { ${a} schema:url ?url }`;

export class Details {
  /** @param panel the element to fill; @param actions {focus(iri), expand(iri), showPlace(iri), showPosts(...)} */
  constructor(panel, actions) {
    this.panel = panel;
    this.actions = actions;
    this.current = null;
    // The "as of" day: the leadership of a place is then that of the day.
    this.asOf = '';
  }

  /** A button that opens a resource in the network. */
  entity(value, label) {
    return entityButton(value, label, this.actions);
  }

  /** A link to an article: its web address when known, else its IRI. */
  article(r) {
    const text = r.title || r.id || localName(r.a);
    return h('span', {class: 'article-ref'}, link(r.url || r.a, text, {class: 'article'}),
      r.issued ? h('span', {class: 'date'}, ` · ${r.issued}`) : null);
  }

  kindName(kind) {
    return term(kind);
  }

  /** Shows a resource again (after a change of language or of the "as of" day). */
  refresh() {
    if (this.node) this.show(this.node);
  }

  async show(node) {
    const value = node.iri || node.id;
    this.current = value;
    this.node = node;
    // Only the answer to the latest request is shown, even for the same resource (another day, language).
    const token = this.token = (this.token || 0) + 1;
    const group = groupOf(value);
    const head = h('header', {class: 'details-head'},
      h('span', {class: `badge ${group}`}, groupName(group)),
      node.kind && group !== 'person' ? h('span', {class: 'kind'}, this.kindName(node.kind)) : null,
      h('h2', {id: 'details-title'}, node.fullLabel || node.label || localName(value)),
      h('p', {class: 'iri'}, value));
    const tools = h('p', {class: 'tools buttons'});
    if (group !== 'place') {
      const expand = h('button', {type: 'button', title: t('details.expand.title')}, t('details.expand'));
      expand.addEventListener('click', () => this.actions.expand(value));
      tools.append(expand);
    }
    if (group === 'place' || group === 'organization') {
      const posts = h('button', {type: 'button', class: 'secondary', id: 'open-posts'}, t('details.postsTimeline'));
      posts.addEventListener('click', () => this.actions.showPosts(group === 'place' ? {place: value} : {org: value}));
      tools.append(posts);
    }
    const body = h('div', {class: 'details-body'}, h('p', {class: 'muted'}, t('loading')));
    replace(this.panel, head, tools, body);
    const sections = await this.sections(group, value).catch((e) => [h('p', {class: 'error'}, e.message)]);
    if (this.token === token) replace(body, sections);
  }

  // The sections of each kind of resource, asked for at once.
  async sections(group, value) {
    const x = iri(value);
    const parts = {
      person: () => [this.names(x), this.career(value), this.positions(x), this.meetingsOf(x), this.sources(x)],
      organization: () => [this.orgFacts(x), this.members(x), this.heldMeetings(x), this.issued(x), this.sources(x)],
      meeting: () => [this.meetingFacts(x), this.sources(x), this.derivedFrom(x)],
      document: () => [this.documentFacts(x), this.sources(x), this.citedBy(x)],
      article: () => [this.articleFacts(x)],
      place: () => [this.placeFacts(x)],
    }[group];
    return parts ? Promise.all(parts()) : [];
  }

  section(title, ...content) {
    return h('section', {}, h('h3', {}, title), ...content);
  }

  facts(pairs) {
    const dl = h('dl', {class: 'facts'});
    for (const [k, v] of pairs) {
      if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
      dl.append(h('dt', {}, k), h('dd', {}, v));
    }
    return dl;
  }

  async names(x) {
    const rows = await select(`SELECT ?alt WHERE { ${x} skos:altLabel ?alt } LIMIT 20`);
    return rows.length ? this.facts([[t('details.altNames'), rows.map((r) => r.alt).join(', ')]]) : null;
  }

  /** The person's tenures, in order across bodies and places (the career query). */
  async career(person) {
    const rows = await career(person);
    return rows.length ? h('section', {class: 'career', 'data-person': person}, h('h3', {}, t('details.career')),
      careerTable(rows, this.actions)) : null;
  }

  /** Positions over time: each (role, body) with the dates of the articles stating it, on a shared time axis. */
  async positions(x) {
    const rows = await select(`SELECT ?m ?role ?roleLabel ?org ?orgLabel ?placeLabel ?a ?id ?title ?issued ?url WHERE {
  ?m org:member ${x} ; org:role ?role ; org:organization ?org .
  OPTIONAL { ?role skos:prefLabel ?roleLabel . ${VI('?roleLabel')} }
  OPTIONAL { ?org skos:prefLabel ?orgLabel . ${VI('?orgLabel')} }
  OPTIONAL { ?org vp:jurisdiction/skos:prefLabel ?placeLabel . ${VI('?placeLabel')} }
  OPTIONAL { ?m prov:wasDerivedFrom ?a . ${ARTICLE('?a')} }
} ORDER BY ?issued ?id LIMIT 500`);
    const byMembership = new Map();
    for (const r of rows) {
      let p = byMembership.get(r.m);
      if (!p) byMembership.set(r.m, p = {role: term(localName(r.role), r.roleLabel), org: r.org,
        orgLabel: r.orgLabel || localName(r.org), place: r.placeLabel || '', articles: []});
      if (r.a && !p.articles.some((a) => a.a === r.a)) p.articles.push(r);
    }
    const list = [...byMembership.values()];
    if (!list.length) return this.section(t('details.positions'), h('p', {class: 'muted'}, t('details.noPositions')));
    const dated = (p) => p.articles.map((a) => a.issued).filter(Boolean).sort();
    list.sort((a, b) => (dated(a)[0] || '9999').localeCompare(dated(b)[0] || '9999') || byLabel(a.role, b.role));
    const items = list.map((p) => {
      const d = dated(p);
      const period = d.length ? (d[0] === d[d.length - 1] ? d[0] : `${d[0]} – ${d[d.length - 1]}`) : t('unknownDate');
      return h('li', {class: 'position'},
        h('div', {}, h('strong', {}, p.role), ' · ', this.entity(p.org, p.orgLabel),
          p.place ? h('span', {class: 'muted'}, ` (${p.place})`) : null),
        h('div', {class: 'period'}, period, ` · ${t('details.articles', {n: p.articles.length})}`),
        h('ul', {class: 'articles'}, p.articles.slice(0, 8).map((a) => h('li', {}, this.article(a)))));
    });
    return this.section(t('details.positionsOverTime'), timeline(list.map((p) => ({label: p.role, dates: dated(p)}))),
      h('ul', {class: 'positions'}, items));
  }

  async meetingsOf(x) {
    const rows = await select(`SELECT DISTINCT ?e ?label ?date ?rel WHERE {
  { ?e vp:chair ${x} . BIND("chair" AS ?rel) } UNION { ?e vp:attendee ${x} . BIND("attendee" AS ?rel) }
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e dcterms:date ?date }
} ORDER BY ?date LIMIT 100`);
    if (!rows.length) return null;
    const seen = new Set();
    const items = rows.filter((r) => !seen.has(r.e) && seen.add(r.e))
      .map((r) => h('li', {}, h('span', {class: 'date'}, r.date || t('unknownDate')), ' ', t('rel.' + r.rel), ': ',
        this.entity(r.e, r.label)));
    return this.section(t('details.meetings'), h('ul', {class: 'plain'}, items));
  }

  /** The sentences a resource's statements were read from, with the matched words marked. */
  async sources(x) {
    // A body with thousands of members has tens of thousands of mentions: a sample of them is enough here.
    const rows = await select(`SELECT DISTINCT ?sentence ?text ?a ?id ?title ?issued ?url WHERE {
  { SELECT DISTINCT ?mention WHERE {
      { ?s org:member ${x} ; vp:evidence ?mention } UNION { ?s org:organization ${x} ; vp:evidence ?mention }
      UNION { ${x} vp:evidence ?mention }
    } LIMIT 400 }
  ?mention vp:sentence ?sentence .
  OPTIONAL { ?mention vp:matchedText ?text }
  OPTIONAL { ?mention prov:wasDerivedFrom ?a . ${ARTICLE('?a')} }
} ORDER BY DESC(?issued) ?id LIMIT 60`);
    if (!rows.length) return this.section(t('details.sources'), h('p', {class: 'muted'}, t('details.noSources')));
    const bySentence = new Map();
    for (const r of rows) {
      const key = r.a + ' ' + r.sentence;
      if (!bySentence.has(key)) bySentence.set(key, r);
    }
    const items = [...bySentence.values()].slice(0, 30).map((r) =>
      h('li', {class: 'source'}, h('blockquote', {class: 'sentence'}, sentenceWithMatch(r.sentence, r.text)),
        this.article(r)));
    return this.section(t('details.sources'), h('ul', {class: 'sources'}, items));
  }

  async orgFacts(x) {
    const rows = await select(`SELECT ?place ?placeLabel ?parent ?parentLabel ?child ?childLabel WHERE {
  OPTIONAL { ${x} vp:jurisdiction ?place . ?place skos:prefLabel ?placeLabel . ${VI('?placeLabel')} }
  OPTIONAL { ${x} org:subOrganizationOf ?parent . ?parent skos:prefLabel ?parentLabel . ${VI('?parentLabel')} }
  OPTIONAL { ?child org:subOrganizationOf ${x} ; skos:prefLabel ?childLabel . ${VI('?childLabel')} }
} LIMIT 50`);
    const r = rows[0] || {};
    const children = new Map(rows.filter((c) => c.child).map((c) => [c.child, c.childLabel]));
    return this.facts([
      [t('details.place'), r.place ? this.entity(r.place, r.placeLabel) : null],
      [t('details.parent'), r.parent ? this.entity(r.parent, r.parentLabel) : null],
      [t('details.children'), [...children].map(([c, l]) => this.entity(c, l))],
    ]);
  }

  async members(x) {
    const rows = await select(`SELECT ?person ?name ?role ?roleLabel (MIN(COALESCE(STR(?d), "9999")) AS ?first)
    (MAX(COALESCE(STR(?d), "")) AS ?last)
    (COUNT(DISTINCT ?a) AS ?articles) WHERE {
  ?m org:organization ${x} ; org:member ?person ; org:role ?role .
  ?person foaf:name ?name .
  OPTIONAL { ?role skos:prefLabel ?roleLabel . ${VI('?roleLabel')} }
  OPTIONAL { ?m prov:wasDerivedFrom ?a . OPTIONAL { ?a dcterms:issued ?d } }
} GROUP BY ?person ?name ?role ?roleLabel ORDER BY ?first ?name LIMIT 200`);
    // An article without a date must not hide the dates of the others (an unbound value makes MIN fail).
    for (const r of rows) if (r.first === '9999') r.first = '';
    if (!rows.length) return this.section(t('details.membersTitle'), h('p', {class: 'muted'}, t('details.noMembers')));
    const table = h('table', {class: 'compact'}, h('thead', {}, h('tr', {}, h('th', {}, t('details.role')),
      h('th', {}, t('details.person')), h('th', {}, t('details.period')))), h('tbody', {}, rows.map((r) => h('tr', {},
      h('td', {}, term(localName(r.role), r.roleLabel)), h('td', {}, this.entity(r.person, r.name)),
      h('td', {class: 'date'}, !r.first ? '' : r.first === r.last ? r.first : `${r.first} – ${r.last}`)))));
    return this.section(t('details.members'),
      timeline(rows.map((r) => ({label: r.name, dates: [r.first, r.last].filter(Boolean)}))), table);
  }

  async heldMeetings(x) {
    const rows = await select(`SELECT ?e ?label ?date WHERE {
  ?e vp:organizer ${x} . OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e dcterms:date ?date }
} ORDER BY DESC(?date) LIMIT 100`);
    if (!rows.length) return null;
    return this.section(t('details.heldMeetings'), h('ul', {class: 'plain'}, rows.map((r) =>
      h('li', {}, h('span', {class: 'date'}, r.date || t('unknownDate')), ' ', this.entity(r.e, r.label)))));
  }

  async issued(x) {
    const rows = await select(`SELECT ?d ?label ?number ?issued WHERE {
  ?d vp:issuer ${x} . OPTIONAL { ?d rdfs:label ?label } OPTIONAL { ?d vp:documentNumber ?number }
  OPTIONAL { ?d dcterms:issued ?issued }
} ORDER BY DESC(?issued) LIMIT 100`);
    if (!rows.length) return null;
    return this.section(t('details.issued'), h('ul', {class: 'plain'}, rows.map((r) =>
      h('li', {}, h('span', {class: 'date'}, r.issued || ''), ' ', this.entity(r.d, r.label || r.number)))));
  }

  async meetingFacts(x) {
    const rows = await select(`SELECT ?date ?type ?org ?orgLabel ?p ?name ?chair WHERE {
  OPTIONAL { ${x} dcterms:date ?date }
  OPTIONAL { ${x} vp:meetingType ?type }
  OPTIONAL { ${x} vp:organizer ?org . ?org skos:prefLabel ?orgLabel . ${VI('?orgLabel')} }
  OPTIONAL { { ${x} vp:chair ?p . BIND(true AS ?chair) } UNION { ${x} vp:attendee ?p . BIND(false AS ?chair) }
             ?p foaf:name ?name }
} LIMIT 300`);
    const r = rows[0] || {};
    const chairs = new Map(), attendees = new Map();
    for (const row of rows) {
      if (!row.p) continue;
      if (row.chair === 'true') chairs.set(row.p, row.name);
      else attendees.set(row.p, row.name);
    }
    for (const c of chairs.keys()) attendees.delete(c);
    const orgs = new Map(rows.filter((o) => o.org).map((o) => [o.org, o.orgLabel]));
    return this.facts([
      [t('details.date'), r.date || t('unknown')],
      [t('details.type'), r.type],
      [t('details.organizer'), [...orgs].map(([o, l]) => this.entity(o, l))],
      [t('details.chairs'), [...chairs].map(([p, n]) => this.entity(p, n))],
      [t('details.attendees'), [...attendees].map(([p, n]) => this.entity(p, n))],
    ]);
  }

  async derivedFrom(x) {
    const rows = await select(`SELECT DISTINCT ?a ?id ?title ?issued ?url WHERE {
  ${x} prov:wasDerivedFrom ?a . ${ARTICLE('?a')}
} ORDER BY DESC(?issued) LIMIT 50`);
    if (!rows.length) return null;
    return this.section(t('details.article'), h('ul', {class: 'plain'}, rows.map((r) => h('li', {}, this.article(r)))));
  }

  async documentFacts(x) {
    const rows = await select(`SELECT ?number ?kind ?issued ?issuer ?issuerLabel WHERE {
  OPTIONAL { ${x} vp:documentNumber ?number }
  OPTIONAL { ${x} a ?kind . FILTER(STRSTARTS(STR(?kind), STR(vp:))) }
  OPTIONAL { ${x} dcterms:issued ?issued }
  OPTIONAL { ${x} vp:issuer ?issuer . ?issuer skos:prefLabel ?issuerLabel . ${VI('?issuerLabel')} }
} LIMIT 20`);
    const r = rows[0] || {};
    return this.facts([
      [t('details.number'), r.number],
      [t('details.type'), r.kind ? this.kindName(localName(r.kind)) : null],
      [t('details.issuedOn'), r.issued],
      [t('details.issuer'), r.issuer ? this.entity(r.issuer, r.issuerLabel) : null],
    ]);
  }

  async citedBy(x) {
    const rows = await select(`SELECT DISTINCT ?a ?id ?title ?issued ?url WHERE {
  ?a schema:mentions ${x} ; a schema:NewsArticle . ${ARTICLE('?a')}
} ORDER BY DESC(?issued) LIMIT 50`);
    if (!rows.length) return null;
    return this.section(t('details.citedBy'), h('ul', {class: 'plain'}, rows.map((r) => h('li', {}, this.article(r)))));
  }

  async articleFacts(x) {
    const rows = await select(`SELECT ?id ?title ?issued ?url WHERE { BIND(${x} AS ?a) ${ARTICLE('?a')} } LIMIT 1`);
    const r = rows[0] || {};
    return this.facts([
      [t('details.title'), r.title],
      [t('details.id'), r.id],
      [t('details.published'), r.issued],
      [t('details.source'), link(r.url || this.current, r.url || this.current)],
    ]);
  }

  async placeFacts(x) {
    const rows = await select(`SELECT ?type ?parent ?parentLabel ?org ?orgLabel WHERE {
  OPTIONAL { ${x} vp:unitType ?type }
  OPTIONAL { ${x} vp:parentUnit ?parent . ?parent skos:prefLabel ?parentLabel . ${VI('?parentLabel')} }
  OPTIONAL { ?org vp:jurisdiction ${x} ; skos:prefLabel ?orgLabel . ${VI('?orgLabel')} }
} ORDER BY ?orgLabel LIMIT 200`);
    const r = rows[0] || {};
    const orgs = new Map(rows.filter((o) => o.org).map((o) => [o.org, o.orgLabel]));
    const asOf = this.asOf;
    const leaders = asOf ? await leadershipOn(this.current, asOf) : await leadership(this.current);
    const bodies = new Map();
    for (const l of leaders) {
      if (!bodies.has(l.org)) bodies.set(l.org, {label: l.orgLabel, rows: []});
      bodies.get(l.org).rows.push(l);
    }
    return [this.facts([
      [t('details.type'), r.type],
      [t('details.under'), r.parent ? this.entity(r.parent, r.parentLabel) : null],
      [t('details.bodies'), [...orgs].map(([o, l]) => this.entity(o, l))],
    ]), h('section', {class: 'leadership', 'data-as-of': asOf},
      h('h3', {}, asOf ? t('details.leadershipOn', {date: asOf}) : t('details.leadership')),
      bodies.size ? [...bodies].map(([org, b]) => h('div', {class: 'body'},
        h('h4', {}, this.entity(org, b.label)),
        h('ul', {class: 'plain'}, b.rows.map((l) => h('li', {}, h('span', {class: 'role'}, term(l.roleKey, l.roleLabel)),
          ' ', this.entity(l.person, l.name),
          l.since ? h('span', {class: 'date'}, ` · ${t('details.since', {date: l.since})}`)
            : l.last ? h('span', {class: 'date'}, ` · ${l.last}`) : null)))))
        : h('p', {class: 'muted'}, t('details.noLeadership')))];
  }
}

/**
 * A small SVG time axis: one row per item, a dot per date, a bar from the first to the last.
 * Labels are SVG text nodes set with textContent.
 */
export function timeline(items) {
  const NS = 'http://www.w3.org/2000/svg';
  const rows = items.filter((i) => i.dates.length).slice(0, 20);
  if (!rows.length) return null;
  const time = (d) => Date.parse(d.slice(0, 10));
  const all = rows.flatMap((r) => r.dates.map(time)).filter((t) => !Number.isNaN(t));
  if (!all.length) return null;
  const min = Math.min(...all), max = Math.max(...all);
  const width = 320, left = 110, right = 12, rowH = 16, top = 6;
  const height = top + rows.length * rowH + 18;
  const x = (t) => left + (max === min ? (width - left - right) / 2 : (t - min) / (max - min) * (width - left - right));
  const el = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const svg = el('svg', {class: 'timeline', viewBox: `0 0 ${width} ${height}`, role: 'img'});
  svg.append(el('title', {}, t('timeline.axis')));
  rows.forEach((r, i) => {
    const y = top + i * rowH + rowH / 2;
    const ts = r.dates.map(time).filter((t) => !Number.isNaN(t));
    const label = r.label.length > 18 ? r.label.slice(0, 17) + '…' : r.label;
    svg.append(el('text', {x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'tl-label'}, label));
    if (ts.length > 1) svg.append(el('line', {x1: x(Math.min(...ts)), x2: x(Math.max(...ts)), y1: y, y2: y, class: 'tl-bar'}));
    for (const t of ts) svg.append(el('circle', {cx: x(t), cy: y, r: 3.5, class: 'tl-dot'}));
  });
  const axisY = top + rows.length * rowH + 12;
  const fmt = (t) => new Date(t).toISOString().slice(0, 10);
  svg.append(el('text', {x: left, y: axisY, class: 'tl-axis'}, fmt(min)));
  if (max !== min) svg.append(el('text', {x: width - right, y: axisY, 'text-anchor': 'end', class: 'tl-axis'}, fmt(max)));
  return svg;
}
