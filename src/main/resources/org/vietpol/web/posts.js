// Posts over time: the tenures the build derives (vp:Tenure, README "Posts over time"), drawn as one row per post
// with its holders as bars, a person's career across bodies and places, and who held which post on a given day.
// The queries follow the named queries post-holders, career and holders-on-date, by IRI instead of by name.

import {h, replace, entityButton, sentenceWithMatch, byLabel} from './dom.js';
import {select, iri, day, localName} from './sparql.js';
import {t, term} from './i18n.js';

const VI = (v) => `FILTER(langMatches(lang(${v}), "vi"))`;
// As in city-leadership and holders-on-date: plain members only for the Standing Committee.
const LEADING = `FILTER(?role NOT IN (vp:Member, vp:AlternateMember, vp:Other) || EXISTS { ?org a vp:StandingCommittee })`;
const KIND_ORDER = ['PartyCommittee', 'StandingCommittee', 'PeoplesCouncil', 'PeoplesCommittee',
  'NationalAssemblyDelegation', 'FatherlandFront', 'InspectionCommission', 'OrganizationBoard', 'PropagandaBoard',
  'MassMobilizationBoard', 'InternalAffairsBoard', 'PartyOffice', 'Department'];
const ROLE_ORDER = ['Secretary', 'Chairman', 'Head', 'StandingDeputySecretary', 'DeputySecretary',
  'StandingViceChairman', 'ViceChairman', 'StandingDeputyHead', 'DeputyHead', 'Member'];
const rank = (list, x) => (list.includes(x) ? list.indexOf(x) : 99);

/** Sorts leadership rows {kind, orgLabel, roleKey, name} as the city-leadership query does. */
export function byRank(a, b) {
  return rank(KIND_ORDER, a.kind) - rank(KIND_ORDER, b.kind) || byLabel(a.orgLabel, b.orgLabel)
    || rank(ROLE_ORDER, a.roleKey) - rank(ROLE_ORDER, b.roleKey) || byLabel(a.name, b.name);
}

// --- data

/** Tenures binding ?tenure (after `scope`), one object each, in order of beginning. */
async function tenures(scope) {
  const rows = await select(`SELECT * WHERE {
  GRAPH vpg:merged {
    ${scope}
    ?tenure vp:tenureOf ?post ; vp:holder ?person .
    ?post org:postIn ?org ; org:role ?role .
    ?person foaf:name ?name .
    OPTIONAL { ?org skos:prefLabel ?orgLabel . ${VI('?orgLabel')} }
    OPTIONAL { ?org a ?kind . FILTER(STRSTARTS(STR(?kind), STR(vp:))) }
    OPTIONAL { ?org vp:jurisdiction ?place . ?place skos:prefLabel ?placeLabel . ${VI('?placeLabel')} }
    OPTIONAL { ?tenure time:hasBeginning/time:inXSDDate ?start }
    OPTIONAL { ?tenure time:hasEnd/time:inXSDDate ?end }
    OPTIONAL { ?tenure vp:startBasis ?startBasis }
    OPTIONAL { ?tenure vp:endBasis ?endBasis }
    OPTIONAL { ?tenure vp:ongoing ?ongoing }
    OPTIONAL { ?tenure vp:acting ?acting }
    OPTIONAL { ?tenure vp:startedBy/vp:changeKind ?startKind }
    OPTIONAL { ?tenure vp:endedBy/vp:changeKind ?endKind }
    OPTIONAL { ?tenure vp:predecessor/vp:holder ?predecessor . ?predecessor foaf:name ?predecessorName }
    OPTIONAL { ?tenure vp:successor/vp:holder ?successor . ?successor foaf:name ?successorName }
  }
  # The mentions stay in their article graphs.
  OPTIONAL { GRAPH vpg:merged { ?tenure vp:startEvidence ?sm } ?sm vp:sentence ?startSentence .
             OPTIONAL { ?sm vp:matchedText ?startMatch } }
  OPTIONAL { GRAPH vpg:merged { ?tenure vp:endEvidence ?em } ?em vp:sentence ?endSentence .
             OPTIONAL { ?em vp:matchedText ?endMatch } }
} LIMIT 3000`);
  const byTenure = new Map();
  for (const r of rows) {
    const o = byTenure.get(r.tenure);
    if (!o) {
      byTenure.set(r.tenure, {...r, kind: localName(r.kind), roleKey: localName(r.role),
        orgLabel: r.orgLabel || localName(r.org), acting: r.acting === 'true', ongoing: r.ongoing === 'true',
        startBasis: localName(r.startBasis), endBasis: localName(r.endBasis),
        startKind: localName(r.startKind), endKind: localName(r.endKind)});
    } else if (!o.kind && r.kind) {
      o.kind = localName(r.kind);
    }
  }
  const key = (x) => x.start || x.end || '9999';
  return [...byTenure.values()].sort((a, b) => key(a).localeCompare(key(b)) || byLabel(a.name, b.name));
}

/** The tenures of the leading posts of a place's bodies, or of one body. */
export function postTenures({place, org}) {
  const scope = org ? `VALUES ?org { ${iri(org)} }` : `?org vp:jurisdiction ${iri(place)} .`;
  return tenures(`${scope}\n    ?post org:postIn ?org ; org:role ?role . ${LEADING}`);
}

/** A person's tenures across bodies and places, in order (the career query's shape). */
export function career(person) {
  return tenures(`VALUES ?person { ${iri(person)} }`);
}

/**
 * Who held which post on a day (holders-on-date): a tenure counts when it began on or before the day and had not
 * ended by it; one nothing ended counts from its beginning on; tenures of unknown beginning do not count.
 * Scope: the leading posts of a place's bodies, or the posts of some persons. Rows {person, name, org, orgLabel,
 * kind, role, roleKey, start, acting}.
 */
export async function holdings(date, {place, persons}) {
  const d = day(date);
  if (!d) return [];
  const scope = place ? `?org vp:jurisdiction ${iri(place)} . ?post org:postIn ?org ; org:role ?role . ${LEADING}`
    : `VALUES ?person { ${persons.map(iri).join(' ')} }`;
  const rows = await select(`SELECT DISTINCT ?person ?name ?org ?orgLabel ?kind ?role ?start ?acting WHERE {
  GRAPH vpg:merged {
    ${scope}
    ?tenure vp:holder ?person ; vp:tenureOf ?post ; time:hasBeginning/time:inXSDDate ?start .
    ?post org:postIn ?org ; org:role ?role .
    FILTER(?start <= ${d})
    OPTIONAL { ?tenure time:hasEnd/time:inXSDDate ?end }
    OPTIONAL { ?tenure vp:endBasis ?endBasis }
    OPTIONAL { ?tenure vp:ongoing ?ongoing }
    FILTER(BOUND(?ongoing) || ${d} < ?end || (?endBasis = vp:StatedInArticle && ${d} <= ?end))
    OPTIONAL { ?tenure vp:acting ?acting }
    ?person foaf:name ?name .
    OPTIONAL { ?org skos:prefLabel ?orgLabel . ${VI('?orgLabel')} }
    OPTIONAL { ?org a ?kind . FILTER(STRSTARTS(STR(?kind), STR(vp:))) }
  }
} LIMIT 2000`);
  const seen = new Map();
  for (const r of rows) {
    const k = [r.person, r.org, r.role].join(' ');
    if (!seen.has(k) || (r.kind && !seen.get(k).kind)) {
      seen.set(k, {...r, kind: localName(r.kind), roleKey: localName(r.role), acting: r.acting === 'true'});
    }
  }
  return [...seen.values()];
}

// --- drawing

const DAY = 24 * 3600 * 1000;
const time = (d) => Date.parse(String(d).slice(0, 10));
const today = () => new Date().toISOString().slice(0, 10);

/** The period of a tenure as text: "2020-10-15 – 2024-03-20", "2024-03-20 – (ongoing)". */
export function period(x) {
  const end = x.ongoing ? `(${t('posts.ongoing')})` : x.end || '…';
  return `${x.start || '…'} – ${end}`;
}

/** A post's name: its role in the chosen language, acting marked, and its body. */
const roleName = (x) => (x.acting ? `${term(x.roleKey)} (${t('posts.acting')})` : term(x.roleKey));

export class PostsView {
  constructor(root, actions) {
    this.root = root;
    this.actions = actions;
    this.place = root.querySelector('#posts-place');
    this.body = root.querySelector('#posts-body');
    this.chart = root.querySelector('#posts-chart');
    this.tip = root.querySelector('#posts-tip');
    this.careerOut = root.querySelector('#posts-career');
    this.place.addEventListener('change', () => this.show({place: this.place.value}));
    this.body.addEventListener('change', () => this.show({place: this.place.value, org: this.body.value}));
    this.person = null;
  }

  setPlaces(places) {
    this.places = places;
    const keep = this.place.value;
    replace(this.place, h('option', {value: ''}, t('choosePlace')), places.map((p) => h('option', {value: p.iri}, p.label)));
    this.place.value = keep;
  }

  /** Shows the posts of a place or of one body (its place picked too), then the career last asked for. */
  async show({place, org} = {}) {
    if (org && !place) {
      const rows = await select(`SELECT ?place WHERE { ${iri(org)} vp:jurisdiction ?place } LIMIT 1`);
      place = rows.length ? rows[0].place : '';
    }
    this.current = {place: place || '', org: org || ''};
    this.place.value = this.current.place;
    if (!this.current.place && !this.current.org) {
      replace(this.body, h('option', {value: ''}, t('posts.allBodies')));
      replace(this.chart, h('p', {class: 'muted'}, t('posts.choose')));
      return;
    }
    replace(this.chart, h('p', {class: 'muted'}, t('loading')));
    try {
      const all = this.current.place ? await postTenures({place: this.current.place}) : await postTenures({org});
      const bodies = new Map(all.map((x) => [x.org, x.orgLabel]));
      replace(this.body, h('option', {value: ''}, t('posts.allBodies')),
        [...bodies].sort((a, b) => byLabel(a[1], b[1])).map(([o, l]) => h('option', {value: o}, l)));
      this.body.value = bodies.has(this.current.org) ? this.current.org : '';
      const shown = this.body.value ? all.filter((x) => x.org === this.body.value) : all;
      replace(this.chart, shown.length ? this.draw(shown) : h('p', {class: 'muted'}, t('posts.none')));
    } catch (e) {
      replace(this.chart, h('p', {class: 'error'}, e.message));
    }
    if (this.person) await this.showCareer(this.person.iri, this.person.name);
  }

  /** Re-renders in the language now chosen. */
  async refresh() {
    this.setPlaces(this.places || []);
    if (this.current) await this.show(this.current);
  }

  /** One row per post (role and body), its holders as bars packed into lanes, a shared time axis. */
  draw(list) {
    const posts = new Map();
    for (const x of list) {
      if (!posts.has(x.post)) posts.set(x.post, {post: x.post, org: x.org, orgLabel: x.orgLabel, kind: x.kind,
        roleKey: x.roleKey, name: '', tenures: []});
      posts.get(x.post).tenures.push(x);
    }
    const rows = [...posts.values()].sort(byRank);
    const now = today();
    const dates = list.flatMap((x) => [x.start, x.end]).filter(Boolean).concat(now).map(time);
    const min = Math.min(...dates) - 120 * DAY, max = Math.max(...dates) + 60 * DAY;
    const pct = (d) => `${((time(d) - min) / (max - min) * 100).toFixed(3)}%`;

    const axis = h('div', {class: 'track axis'});
    const y0 = new Date(min).getUTCFullYear() + 1, y1 = new Date(max).getUTCFullYear();
    const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
    const years = [];
    for (let y = y0; y <= y1; y += step) years.push(pct(`${y}-01-01`));
    years.forEach((at, i) => axis.append(place(h('span', {class: 'tick'}, String(y0 + i * step)), at)));
    axis.append(place(h('span', {class: 'tick today'}, t('posts.today')), pct(now)));

    const out = h('div', {class: 'posts-chart'},
      h('div', {class: 'post-row axis-row'}, h('div', {class: 'post-head'}), axis));
    for (const p of rows) {
      const dated = p.tenures.filter((x) => x.start || x.end);
      const undated = p.tenures.filter((x) => !x.start && !x.end);
      const lanes = [];
      const track = h('div', {class: 'track'}, years.map((at) => place(h('span', {class: 'grid'}), at)));
      for (const x of dated) {
        const from = x.start || x.end, to = x.ongoing ? now : x.end || x.start;
        let lane = lanes.findIndex((end) => end <= from);
        if (lane < 0) lane = lanes.push(to) - 1;
        else lanes[lane] = to;
        track.append(this.bar(x, pct(from), pct(to), lane, now));
        if (x.startKind && x.start) track.append(this.mark(x, 'start', pct(x.start), lane));
        if (x.endKind && x.end && !x.ongoing) track.append(this.mark(x, 'end', pct(x.end), lane));
      }
      track.style.setProperty('--lanes', Math.max(1, lanes.length));
      track.append(place(h('span', {class: 'now'}), pct(now)));
      out.append(h('div', {class: 'post-row', 'data-post': p.post},
        h('div', {class: 'post-head'}, h('strong', {class: 'role'}, term(p.roleKey)), ' ',
          entityButton(p.org, p.orgLabel, this.actions),
          undated.length ? h('div', {class: 'undated muted'},
            t('posts.undated', {names: undated.map((x) => x.name).join(', ')})) : null),
        track));
    }
    out.append(h('ul', {class: 'legend posts-legend'},
      h('li', {}, h('span', {class: 'key bar'}), t('posts.legend.bar')),
      h('li', {}, h('span', {class: 'key bar ongoing'}), t('posts.legend.open')),
      h('li', {}, h('span', {class: 'key bar acting'}), t('posts.legend.acting')),
      h('li', {}, h('span', {class: 'key mark start'}), t('posts.legend.start')),
      h('li', {}, h('span', {class: 'key mark end'}), t('posts.legend.end'))));
    return out;
  }

  bar(x, left, right, lane, now) {
    const cls = ['bar', x.acting ? 'acting' : '', x.ongoing ? 'ongoing' : ''].filter(Boolean).join(' ');
    const b = h('div', {class: cls, tabindex: 0, role: 'button', 'data-tenure': x.tenure, 'data-person': x.name,
      'data-lane': lane, 'aria-label': `${x.name}, ${roleName(x)}, ${period(x)}`},
    h('span', {class: 'bar-label'}, x.acting ? `${x.name} (${t('posts.acting')})` : x.name),
    x.ongoing ? h('span', {class: 'open-end'}, '▸') : null);
    b.style.left = left;
    b.style.width = `max(4px, calc(${right} - ${left}))`;
    b.style.setProperty('--lane', lane);
    this.hover(b, () => this.tenureTip(x, now));
    b.addEventListener('click', () => this.showCareer(x.person, x.name));
    b.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.showCareer(x.person, x.name);
      }
    });
    return b;
  }

  /** A change: a mark at the date, its kind (được bầu, nghỉ hưu ...) beside it, on the side of its tenure. */
  mark(x, end, at, lane) {
    const kind = term(end === 'start' ? x.startKind : x.endKind);
    const m = h('div', {class: `mark ${end}`, tabindex: 0, 'data-kind': end === 'start' ? x.startKind : x.endKind,
      'data-person': x.name, 'aria-label': `${x.name}: ${kind} ${end === 'start' ? x.start : x.end}`},
    h('span', {class: 'mark-label'}, kind));
    m.style.left = at;
    m.style.setProperty('--lane', lane);
    this.hover(m, () => this.changeTip(x, end));
    return m;
  }

  hover(el, content) {
    const open = () => {
      replace(this.tip, content());
      this.tip.hidden = false;
      const r = el.getBoundingClientRect(), box = this.root.getBoundingClientRect();
      const left = Math.max(0, Math.min(r.left - box.left + this.root.scrollLeft, box.width - 440));
      this.tip.style.left = `${left}px`;
      this.tip.style.top = `${r.bottom - box.top + this.root.scrollTop + 6}px`;
    };
    const close = () => { this.tip.hidden = true; };
    el.addEventListener('mouseenter', open);
    el.addEventListener('focus', open);
    el.addEventListener('mouseleave', close);
    el.addEventListener('blur', close);
  }

  evidence(label, date, kind, basis, sentence, matched) {
    return h('div', {class: 'tip-end'},
      h('div', {}, h('strong', {}, `${label}: `), date || t('unknown'), kind ? ` · ${term(kind)}` : '',
        basis ? h('span', {class: 'muted'}, ` · ${t('posts.basis', {basis: term(basis)})}`) : null),
      sentence ? h('blockquote', {class: 'sentence'}, sentenceWithMatch(sentence, matched)) : null);
  }

  tenureTip(x) {
    const same = x.startSentence && x.startSentence === x.endSentence;
    return [h('div', {class: 'tip-head'}, h('strong', {}, x.name), ` · ${roleName(x)} · ${x.orgLabel}`),
      h('div', {class: 'date'}, period(x)),
      this.evidence(t('posts.from'), x.start, x.startKind, x.startBasis, x.startSentence, x.startMatch),
      x.ongoing ? h('div', {}, h('strong', {}, `${t('posts.to')}: `), t('posts.ongoing'))
        : this.evidence(t('posts.to'), x.end, x.endKind, x.endBasis, same ? null : x.endSentence, x.endMatch),
      x.predecessorName ? h('div', {}, `${t('posts.predecessor')}: ${x.predecessorName}`) : null,
      x.successorName ? h('div', {}, `${t('posts.successor')}: ${x.successorName}`) : null];
  }

  changeTip(x, end) {
    const start = end === 'start';
    return [h('div', {class: 'tip-head'}, h('strong', {}, x.name), ` · ${term(start ? 'Start' : 'End')} · ${roleName(x)}`),
      this.evidence(start ? t('posts.from') : t('posts.to'), start ? x.start : x.end, start ? x.startKind : x.endKind,
        null, start ? x.startSentence : x.endSentence, start ? x.startMatch : x.endMatch)];
  }

  /** A person's career below the chart. */
  async showCareer(person, name) {
    this.person = {iri: person, name};
    replace(this.careerOut, h('p', {class: 'muted'}, t('loading')));
    try {
      const rows = await career(person);
      replace(this.careerOut, h('section', {class: 'career', 'data-person': person},
        h('h3', {}, t('posts.careerOf', {name})), careerTable(rows, this.actions)));
    } catch (e) {
      replace(this.careerOut, h('p', {class: 'error'}, e.message));
    }
  }
}

/** A person's tenures as a table: period, post, place, and how each end is known. */
export function careerTable(rows, actions) {
  if (!rows.length) return h('p', {class: 'muted'}, t('posts.noCareer'));
  return h('table', {class: 'compact career-table'},
    h('thead', {}, h('tr', {}, h('th', {}, t('posts.period')), h('th', {}, t('posts.post')),
      h('th', {}, t('posts.place')), h('th', {}, t('posts.notes')))),
    h('tbody', {}, rows.map((x) => h('tr', {'data-tenure': x.tenure},
      h('td', {class: 'date'}, period(x)),
      h('td', {}, h('strong', {}, roleName(x)), ' ', entityButton(x.org, x.orgLabel, actions)),
      h('td', {}, x.place ? entityButton(x.place, x.placeLabel || localName(x.place), actions) : ''),
      h('td', {class: 'notes'}, [
        x.startKind ? term(x.startKind) : '',
        x.endKind && !x.ongoing ? term(x.endKind) : '',
        x.predecessorName ? `${t('posts.predecessor')}: ${x.predecessorName}` : '',
        x.successorName ? `${t('posts.successor')}: ${x.successorName}` : '',
      ].filter(Boolean).join(' · '))))));
}

function place(el, left) {
  el.style.left = left;
  return el;
}
