// City comparison: the leadership of two places side by side, one row per kind of body.

import {h, replace} from './dom.js';
import {select, iri, localName} from './sparql.js';
import {byRank, holdings} from './posts.js';
import {t, term} from './i18n.js';

const VI = (v) => `FILTER(langMatches(lang(${v}), "vi"))`;

/** Leadership rows of a place: plain members left out except those of the Standing Committee. */
export async function leadership(place) {
  const u = iri(place);
  const rows = await select(`SELECT ?org ?orgLabel ?kind ?role ?roleLabel ?person ?name (MAX(COALESCE(STR(?d), "")) AS ?last) WHERE {
  ?org vp:jurisdiction ${u} ; skos:prefLabel ?orgLabel ; a ?kind .
  ${VI('?orgLabel')} FILTER(STRSTARTS(STR(?kind), STR(vp:)))
  ?m org:organization ?org ; org:role ?role ; org:member ?person .
  ?person foaf:name ?name .
  FILTER(?role NOT IN (vp:Member, vp:AlternateMember, vp:Other) || ?kind = vp:StandingCommittee)
  OPTIONAL { ?role skos:prefLabel ?roleLabel . ${VI('?roleLabel')} }
  OPTIONAL { ?m prov:wasDerivedFrom/dcterms:issued ?d }
} GROUP BY ?org ?orgLabel ?kind ?role ?roleLabel ?person ?name LIMIT 400`);
  return rows.map((r) => ({...r, kind: localName(r.kind), roleKey: localName(r.role),
    roleLabel: r.roleLabel || localName(r.role)})).sort(byRank);
}

/** The same rows for the holders on a day (holders-on-date), each with the day its tenure began. */
export async function leadershipOn(place, date) {
  const rows = await holdings(date, {place});
  return rows.map((r) => ({...r, roleLabel: localName(r.role), since: r.start})).sort(byRank);
}

export class Compare {
  constructor(root, actions) {
    this.root = root;
    this.actions = actions;
    this.left = root.querySelector('#compare-a');
    this.right = root.querySelector('#compare-b');
    this.out = root.querySelector('#compare-table');
    for (const s of [this.left, this.right]) s.addEventListener('change', () => this.render());
  }

  setPlaces(places) {
    for (const s of [this.left, this.right]) {
      const keep = s.value;
      replace(s, h('option', {value: ''}, t('choosePlace')),
        places.map((p) => h('option', {value: p.iri}, p.parentLabel && p.parentLabel !== 'Việt Nam'
          ? `${p.label} (${p.parentLabel})` : p.label)));
      s.value = keep;
    }
    if (this.left.value || this.right.value) return;
    // Start with the two places that have the most bodies, so the view is not empty.
    const top = [...places].sort((a, b) => b.bodies - a.bodies).slice(0, 2);
    if (top[0]) this.left.value = top[0].iri;
    if (top[1]) this.right.value = top[1].iri;
  }

  async render() {
    const a = this.left.value, b = this.right.value;
    replace(this.out, h('p', {class: 'muted'}, t('loading')));
    try {
      const [ra, rb] = await Promise.all([a ? leadership(a) : [], b ? leadership(b) : []]);
      const kinds = [...new Set([...ra, ...rb].map((r) => r.kind))]
        .sort((x, y) => byRank({kind: x, orgLabel: x}, {kind: y, orgLabel: y}));
      const name = (s) => s.selectedOptions[0] ? s.selectedOptions[0].textContent : '';
      const head = h('tr', {}, h('th', {}, t('compare.body')), h('th', {}, name(this.left)), h('th', {}, name(this.right)));
      const body = kinds.map((k) => h('tr', {}, h('th', {scope: 'row'}, term(k)),
        h('td', {}, this.cell(ra.filter((r) => r.kind === k))), h('td', {}, this.cell(rb.filter((r) => r.kind === k)))));
      if (!body.length) body.push(h('tr', {}, h('td', {colspan: 3, class: 'muted'}, t('details.noLeadership'))));
      replace(this.out, h('table', {class: 'compare'}, h('thead', {}, head), h('tbody', {}, body)));
    } catch (e) {
      replace(this.out, h('p', {class: 'error'}, e.message));
    }
  }

  cell(rows) {
    const byOrg = new Map();
    for (const r of rows) {
      if (!byOrg.has(r.org)) byOrg.set(r.org, {label: r.orgLabel, rows: []});
      byOrg.get(r.org).rows.push(r);
    }
    return [...byOrg].map(([org, o]) => {
      const title = h('button', {type: 'button', class: 'entity organization'}, o.label);
      title.addEventListener('click', () => this.actions.focus(org));
      return h('div', {class: 'body'}, title, h('ul', {class: 'plain'}, o.rows.map((r) => {
        const person = h('button', {type: 'button', class: 'entity person'}, r.name);
        person.addEventListener('click', () => this.actions.focus(r.person));
        return h('li', {}, h('span', {class: 'role'}, term(r.roleKey, r.roleLabel)), ' ', person,
          r.last ? h('span', {class: 'date'}, ` ${r.last}`) : null);
      })));
    });
  }
}
