// City comparison: the leadership of two places side by side, one row per kind of body.

import {h, replace, byLabel} from './dom.js';
import {select, iri, localName} from './sparql.js';

const VI = (v) => `FILTER(langMatches(lang(${v}), "vi"))`;

// The same order as the city-leadership named query: Party first, then the councils and committees.
const KIND_ORDER = ['PartyCommittee', 'StandingCommittee', 'PeoplesCouncil', 'PeoplesCommittee',
  'NationalAssemblyDelegation', 'FatherlandFront', 'InspectionCommission', 'OrganizationBoard', 'PropagandaBoard',
  'MassMobilizationBoard', 'InternalAffairsBoard', 'PartyOffice', 'Department'];
const ROLE_ORDER = ['Secretary', 'Chairman', 'Head', 'StandingDeputySecretary', 'DeputySecretary',
  'StandingViceChairman', 'ViceChairman', 'StandingDeputyHead', 'DeputyHead', 'Member'];
const rank = (list, x) => (list.includes(x) ? list.indexOf(x) : 99);

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
    roleLabel: r.roleLabel || localName(r.role)}))
    .sort((a, b) => rank(KIND_ORDER, a.kind) - rank(KIND_ORDER, b.kind) || byLabel(a.orgLabel, b.orgLabel)
      || rank(ROLE_ORDER, a.roleKey) - rank(ROLE_ORDER, b.roleKey) || byLabel(a.name, b.name));
}

export class Compare {
  constructor(root, actions, vocabulary) {
    this.root = root;
    this.actions = actions;
    this.vocabulary = vocabulary;
    this.left = root.querySelector('#compare-a');
    this.right = root.querySelector('#compare-b');
    this.out = root.querySelector('#compare-table');
    for (const s of [this.left, this.right]) s.addEventListener('change', () => this.render());
  }

  setPlaces(places) {
    for (const s of [this.left, this.right]) {
      replace(s, h('option', {value: ''}, '— chọn địa phương —'),
        places.map((p) => h('option', {value: p.iri}, p.parentLabel && p.parentLabel !== 'Việt Nam'
          ? `${p.label} (${p.parentLabel})` : p.label)));
    }
    // Start with the two places that have the most bodies, so the view is not empty.
    const top = [...places].sort((a, b) => b.bodies - a.bodies).slice(0, 2);
    if (top[0]) this.left.value = top[0].iri;
    if (top[1]) this.right.value = top[1].iri;
  }

  async render() {
    const a = this.left.value, b = this.right.value;
    replace(this.out, h('p', {class: 'muted'}, 'Đang tải…'));
    try {
      const [ra, rb] = await Promise.all([a ? leadership(a) : [], b ? leadership(b) : []]);
      const kinds = [...new Set([...ra, ...rb].map((r) => r.kind))]
        .sort((x, y) => rank(KIND_ORDER, x) - rank(KIND_ORDER, y) || byLabel(x, y));
      const name = (s) => s.selectedOptions[0] ? s.selectedOptions[0].textContent : '';
      const head = h('tr', {}, h('th', {}, 'Cơ quan'), h('th', {}, name(this.left)), h('th', {}, name(this.right)));
      const body = kinds.map((k) => h('tr', {}, h('th', {scope: 'row'}, this.vocabulary[k] || k),
        h('td', {}, this.cell(ra.filter((r) => r.kind === k))), h('td', {}, this.cell(rb.filter((r) => r.kind === k)))));
      if (!body.length) body.push(h('tr', {}, h('td', {colspan: 3, class: 'muted'}, 'Không có dữ liệu lãnh đạo.')));
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
        return h('li', {}, h('span', {class: 'role'}, r.roleLabel), ' ', person,
          r.last ? h('span', {class: 'date'}, ` ${r.last}`) : null);
      })));
    });
  }
}
