// The SPARQL behind the network view. Every query has a LIMIT, so a node with thousands of neighbours on a
// graph of 100k articles still answers quickly; the network adds what fits and says what it left out.

import {select, iri, groupOf, localName} from './sparql.js';
import {t, term} from './i18n.js';

/** How many edges of each kind one expansion asks for. */
export const EDGE_LIMIT = 150;

const VI = (v) => `FILTER(langMatches(lang(${v}), "vi"))`;
// Only inside a branch that binds ?role: with ?role unbound it would match every labelled concept. The label is
// a fallback for roles the ontology does not name (see edgeLabel).
const ROLE_LABEL = `OPTIONAL { ?role skos:prefLabel ?roleLabel . ${VI('?roleLabel')} }`;

// Relations other than positions, as [name, property]: an edge runs from subject to object.
const RELATIONS = [
  ['organizer', 'vp:organizer'],
  ['chair', 'vp:chair'],
  ['attendee', 'vp:attendee'],
  ['issuer', 'vp:issuer'],
  ['part', 'org:subOrganizationOf'],
];

/** An edge's label in the chosen language: the role's name for a position, else the relation's. */
export function edgeLabel(edge) {
  return edge.rel === 'member' ? term(edge.roleKey, edge.roleLabel) : t('rel.' + edge.rel);
}

/**
 * The edges around one resource: its positions (or its members), meetings, documents and parent or child bodies;
 * for a document also the articles citing it. Rows: {s, t, rel, role, label, dates}.
 */
export async function neighbourhood(value) {
  const f = iri(value);
  const parts = [`
  { SELECT ?s ?t ?role (GROUP_CONCAT(DISTINCT COALESCE(STR(?d), ""); separator=" ") AS ?dates) WHERE {
      { ?m org:member ${f} ; org:organization ?t ; org:role ?role . BIND(${f} AS ?s) }
      UNION { ?m org:organization ${f} ; org:member ?s ; org:role ?role . BIND(${f} AS ?t) }
      OPTIONAL { ?m prov:wasDerivedFrom/dcterms:issued ?d }
    } GROUP BY ?s ?t ?role LIMIT ${EDGE_LIMIT} }
  BIND("member" AS ?rel)
  ${ROLE_LABEL}`];
  for (const [name, property] of RELATIONS) {
    parts.push(`
  { SELECT ?s ?t WHERE {
      { ${f} ${property} ?t . BIND(${f} AS ?s) } UNION { ?s ${property} ${f} . BIND(${f} AS ?t) }
    } LIMIT ${EDGE_LIMIT} }
  BIND("${name}" AS ?rel)`);
  }
  if (groupOf(value) === 'document') {
    parts.push(`
  { SELECT ?s ?t WHERE { ?s schema:mentions ${f} ; a schema:NewsArticle . BIND(${f} AS ?t) } LIMIT ${EDGE_LIMIT} }
  BIND("cites" AS ?rel)`);
  }
  return edges(parts.map(p => `{${p}\n  }`).join('\n  UNION '));
}

/**
 * A place's leadership network: its bodies with their leaders (plain members only for the Standing Committee,
 * as in the city-leadership query), the other posts those leaders hold, and the meetings the bodies held with
 * who chaired and attended them.
 */
export async function placeNetwork(place) {
  const u = iri(place);
  const leader = `?o vp:jurisdiction ${u} ; a ?kind . ?m0 org:organization ?o ; org:member ?s ; org:role ?r0 .
        FILTER(?r0 NOT IN (vp:Member, vp:AlternateMember, vp:Other) || ?kind = vp:StandingCommittee)`;
  return edges(`{
    { SELECT ?s ?t ?role (GROUP_CONCAT(DISTINCT COALESCE(STR(?d), ""); separator=" ") AS ?dates) WHERE {
        ?t vp:jurisdiction ${u} ; a ?kind . ?m org:organization ?t ; org:member ?s ; org:role ?role .
        FILTER(?role NOT IN (vp:Member, vp:AlternateMember, vp:Other) || ?kind = vp:StandingCommittee)
        OPTIONAL { ?m prov:wasDerivedFrom/dcterms:issued ?d }
      } GROUP BY ?s ?t ?role LIMIT 200 }
    BIND("member" AS ?rel)
    ${ROLE_LABEL}
  } UNION {
    { SELECT ?s ?t ?role (GROUP_CONCAT(DISTINCT COALESCE(STR(?d), ""); separator=" ") AS ?dates) WHERE {
        { SELECT DISTINCT ?s WHERE { ${leader} } LIMIT 100 }
        ?m org:member ?s ; org:organization ?t ; org:role ?role .
        FILTER NOT EXISTS { ?t vp:jurisdiction ${u} }
        OPTIONAL { ?m prov:wasDerivedFrom/dcterms:issued ?d }
      } GROUP BY ?s ?t ?role LIMIT 100 }
    BIND("member" AS ?rel)
    ${ROLE_LABEL}
  } UNION {
    { SELECT ?s ?t WHERE { ?s vp:jurisdiction ${u} ; org:subOrganizationOf ?t } LIMIT 100 }
    BIND("part" AS ?rel)
  } UNION {
    { SELECT ?s ?t WHERE { ?t vp:jurisdiction ${u} . ?s vp:organizer ?t } LIMIT 40 }
    BIND("organizer" AS ?rel)
  } UNION {
    { SELECT ?s ?t WHERE { ?o vp:jurisdiction ${u} . ?s vp:organizer ?o ; vp:chair ?t } LIMIT 60 }
    BIND("chair" AS ?rel)
  } UNION {
    { SELECT ?s ?t WHERE { ?o vp:jurisdiction ${u} . ?s vp:organizer ?o ; vp:attendee ?t } LIMIT 60 }
    BIND("attendee" AS ?rel)
  }`);
}

async function edges(body) {
  const rows = await select(`SELECT ?s ?t ?rel ?role ?roleLabel ?dates WHERE {
  ${body}
}`);
  return rows.map((r) => {
    const edge = {s: r.s, t: r.t, rel: r.rel, role: r.role || '', roleKey: localName(r.role),
      roleLabel: r.roleLabel || '', dates: (r.dates || '').split(' ').filter(Boolean)};
    return {...edge, label: edgeLabel(edge)};
  });
}

// Places by IRI: {label, parent}. A place's label is restated in every article touching it, so it is looked up
// once per place (and its parent's once per parent), not once per node.
const placeLabels = new Map();
const placeLabel = (p) => (placeLabels.get(p) || {}).label || '';
const parentLabel = (p) => placeLabel((placeLabels.get(p) || {}).parent);

/**
 * Labels, kinds, places and dates of resources, by IRI: {iri: {label, group, kind, date, place, placeLabel,
 * parentLabel}}. Asked for in chunks so that no request grows without bound; a meeting's or document's place
 * is that of its organizer or issuer, looked up once per body.
 */
export async function nodeInfo(iris) {
  const list = [...new Set(iris)].filter(groupOf);
  const chunks = [];
  for (let i = 0; i < list.length; i += 100) chunks.push(list.slice(i, i + 100));
  const rows = (await Promise.all(chunks.map((chunk) => select(`SELECT ?n ?kind ?label ?date ?place ?via WHERE {
  VALUES ?n { ${chunk.map(iri).join(' ')} }
  OPTIONAL { ?n a ?kind . FILTER(STRSTARTS(STR(?kind), STR(vp:))) }
  OPTIONAL { ?n foaf:name ?name }
  OPTIONAL { ?n skos:prefLabel ?pref . ${VI('?pref')} }
  OPTIONAL { ?n rdfs:label ?rl . FILTER(lang(?rl) = "" || langMatches(lang(?rl), "vi")) }
  OPTIONAL { ?n dcterms:title ?title }
  BIND(COALESCE(?name, ?pref, ?rl, ?title) AS ?label)
  OPTIONAL { ?n dcterms:date|dcterms:issued ?date }
  OPTIONAL { ?n vp:jurisdiction ?place }
  OPTIONAL { ?n vp:organizer|vp:issuer ?via }
}`)))).flat();
  const info = {};
  for (const r of rows) {
    const o = info[r.n] || (info[r.n] = {iri: r.n, group: groupOf(r.n), label: '', kind: '', date: '',
      place: '', via: '', placeLabel: '', parentLabel: ''});
    for (const k of ['label', 'date', 'place', 'via']) if (r[k] && !o[k]) o[k] = r[k];
    if (r.kind && !o.kind) o.kind = localName(r.kind);
  }
  // The places of organizers and issuers not among the nodes themselves.
  const vias = [...new Set(Object.values(info).map((o) => o.via).filter((v) => v && !(info[v] && info[v].place)))];
  const viaPlace = new Map(Object.values(info).filter((o) => o.place).map((o) => [o.iri, o.place]));
  if (vias.length) {
    const found = await select(`SELECT ?org ?place WHERE { VALUES ?org { ${vias.map(iri).join(' ')} } ?org vp:jurisdiction ?place }`);
    for (const r of found) viaPlace.set(r.org, r.place);
  }
  for (const o of Object.values(info)) if (!o.place && o.via) o.place = viaPlace.get(o.via) || '';
  await labelPlaces(Object.values(info).map((o) => o.place).filter(Boolean));
  for (const value of list) {
    const o = info[value];
    if (!o) continue;
    if (!o.label) o.label = localName(value);
    if (o.place) Object.assign(o, {placeLabel: placeLabel(o.place), parentLabel: parentLabel(o.place)});
  }
  return info;
}

async function labelPlaces(places, withParents = true) {
  const missing = [...new Set(places)].filter((p) => !placeLabels.has(p));
  for (let i = 0; i < missing.length; i += 200) {
    const rows = await select(`SELECT ?place ?label ?parent WHERE {
  VALUES ?place { ${missing.slice(i, i + 200).map(iri).join(' ')} }
  ?place skos:prefLabel ?label . ${VI('?label')}
  OPTIONAL { ?place vp:parentUnit ?parent }
}`);
    for (const r of rows) if (!placeLabels.has(r.place)) placeLabels.set(r.place, {label: r.label, parent: r.parent || ''});
  }
  if (withParents) await labelPlaces(missing.map((p) => (placeLabels.get(p) || {}).parent).filter(Boolean), false);
}

/** Places that have at least one body: [{iri, label, parentLabel, bodies}], sorted by name. */
export async function places() {
  const rows = await select(`SELECT ?place (COUNT(DISTINCT ?org) AS ?bodies) WHERE {
  ?org vp:jurisdiction ?place .
} GROUP BY ?place LIMIT 5000`);
  await labelPlaces(rows.map((r) => r.place));
  return rows.filter((r) => placeLabels.has(r.place))
    .map((r) => ({iri: r.place, label: placeLabel(r.place), parentLabel: parentLabel(r.place), bodies: Number(r.bodies)}))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

// The classes the page names (see the graph contract); roles, kinds of change and the bases of tenures are
// asked for by their class.
const VOCABULARY = ['PartyCommittee', 'StandingCommittee', 'PeoplesCouncil', 'PeoplesCommittee', 'OrganizationBoard',
  'PropagandaBoard', 'MassMobilizationBoard', 'InternalAffairsBoard', 'InspectionCommission', 'PartyOffice',
  'Politburo', 'Secretariat', 'CentralCommittee', 'NationalAssembly', 'Government', 'FatherlandFront',
  'PartyCadresCommittee', 'NationalAssemblyDelegation', 'Department', 'Other', 'Resolution', 'Directive',
  'Conclusion', 'Regulation', 'Decision', 'Plan', 'Program', 'Scheme', 'Law', 'Person', 'Meeting',
  'AdministrativeUnit', 'Start', 'End', 'ChangeReported', 'StatedInArticle', 'SuccessorStarted'];

/**
 * The ontology's names of its classes, roles, kinds of change and bases, in Vietnamese and English:
 * {vi: {Secretary: 'Bí thư', ...}, en: {Secretary: 'Secretary', ...}} (empty when the ontology is not loaded).
 */
export async function vocabularyLabels() {
  const rows = await select(`SELECT ?c ?label (LANG(?label) AS ?lang) ?pref WHERE {
  GRAPH vpg:ontology {
    { ?c a org:Role } UNION { ?c a vp:ChangeKind } UNION { VALUES ?c { ${VOCABULARY.map((c) => 'vp:' + c).join(' ')} } }
    { ?c skos:prefLabel ?label . BIND(true AS ?pref) } UNION { ?c rdfs:label ?label . BIND(false AS ?pref) }
  }
  FILTER(lang(?label) IN ("vi", "en"))
}`);
  const labels = {vi: {}, en: {}};
  // A skos:prefLabel wins over an rdfs:label.
  for (const r of rows.sort((a, b) => (a.pref === b.pref ? 0 : a.pref === 'true' ? -1 : 1))) {
    const k = localName(r.c);
    if (labels[r.lang] && !labels[r.lang][k]) labels[r.lang][k] = r.label;
  }
  return labels;
}
