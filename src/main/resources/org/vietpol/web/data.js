// The SPARQL behind the network view. Every query has a LIMIT, so a node with thousands of neighbours on a
// graph of 100k articles still answers quickly; the network adds what fits and says what it left out.

import {select, iri, groupOf, localName} from './sparql.js';

/** How many edges of each kind one expansion asks for. */
export const EDGE_LIMIT = 150;

const VI = (v) => `FILTER(langMatches(lang(${v}), "vi"))`;
// Only inside a branch that binds ?role: with ?role unbound it would match every labelled concept.
const ROLE_LABEL = `OPTIONAL { ?role skos:prefLabel ?roleLabel . ${VI('?roleLabel')} }`;

// Relations other than positions, as [name, property, Vietnamese label]: an edge runs from subject to object.
const RELATIONS = [
  ['organizer', 'vp:organizer', 'tổ chức'],
  ['chair', 'vp:chair', 'chủ trì'],
  ['attendee', 'vp:attendee', 'dự'],
  ['issuer', 'vp:issuer', 'ban hành'],
  ['part', 'org:subOrganizationOf', 'trực thuộc'],
];
export const RELATION_LABELS = Object.fromEntries(RELATIONS.map(([name, , label]) => [name, label]));
RELATION_LABELS.cites = 'nhắc đến';

/**
 * The edges around one resource: its positions (or its members), meetings, documents and parent or child bodies;
 * for a document also the articles citing it. Rows: {s, t, rel, role, roleLabel, dates}.
 */
export async function neighbourhood(value) {
  const f = iri(value);
  const parts = [`
  { SELECT ?s ?t ?role (GROUP_CONCAT(DISTINCT STR(?d); separator=" ") AS ?dates) WHERE {
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
    { SELECT ?s ?t ?role (GROUP_CONCAT(DISTINCT STR(?d); separator=" ") AS ?dates) WHERE {
        ?t vp:jurisdiction ${u} ; a ?kind . ?m org:organization ?t ; org:member ?s ; org:role ?role .
        FILTER(?role NOT IN (vp:Member, vp:AlternateMember, vp:Other) || ?kind = vp:StandingCommittee)
        OPTIONAL { ?m prov:wasDerivedFrom/dcterms:issued ?d }
      } GROUP BY ?s ?t ?role LIMIT 200 }
    BIND("member" AS ?rel)
    ${ROLE_LABEL}
  } UNION {
    { SELECT ?s ?t ?role (GROUP_CONCAT(DISTINCT STR(?d); separator=" ") AS ?dates) WHERE {
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
  return rows.map(r => ({
    s: r.s, t: r.t, rel: r.rel, role: r.role || '',
    label: r.rel === 'member' ? (r.roleLabel || localName(r.role)) : RELATION_LABELS[r.rel] || r.rel,
    dates: (r.dates || '').split(' ').filter(Boolean),
  }));
}

/**
 * Labels, kinds, places and dates of resources, by IRI: {iri: {label, group, kind, date, place, placeLabel,
 * parentLabel}}. Asked for in chunks so that no request grows without bound.
 */
export async function nodeInfo(iris) {
  const info = {};
  const list = [...new Set(iris)].filter(groupOf);
  for (let i = 0; i < list.length; i += 100) {
    const values = list.slice(i, i + 100).map(iri).join(' ');
    const rows = await select(`SELECT ?n ?kind ?label ?date ?place ?placeLabel ?parentLabel WHERE {
  VALUES ?n { ${values} }
  OPTIONAL { ?n a ?kind . FILTER(STRSTARTS(STR(?kind), STR(vp:))) }
  OPTIONAL { ?n foaf:name ?name }
  OPTIONAL { ?n skos:prefLabel ?pref . ${VI('?pref')} }
  OPTIONAL { ?n rdfs:label ?rl . FILTER(lang(?rl) = "" || langMatches(lang(?rl), "vi")) }
  OPTIONAL { ?n dcterms:title ?title }
  BIND(COALESCE(?name, ?pref, ?rl, ?title) AS ?label)
  OPTIONAL { ?n dcterms:date|dcterms:issued ?date }
  OPTIONAL {
    ?n vp:jurisdiction|(vp:organizer/vp:jurisdiction)|(vp:issuer/vp:jurisdiction) ?place .
    ?place skos:prefLabel ?placeLabel . ${VI('?placeLabel')}
    OPTIONAL { ?place vp:parentUnit/skos:prefLabel ?parentLabel . ${VI('?parentLabel')} }
  }
}`);
    for (const r of rows) {
      const o = info[r.n] || (info[r.n] = {iri: r.n, group: groupOf(r.n), label: '', kind: '', date: '',
        place: '', placeLabel: '', parentLabel: ''});
      for (const [k, v] of [['label', r.label], ['date', r.date], ['place', r.place],
        ['placeLabel', r.placeLabel], ['parentLabel', r.parentLabel]]) {
        if (v && !o[k]) o[k] = v;
      }
      if (r.kind && !o.kind) o.kind = localName(r.kind);
    }
  }
  for (const value of list) {
    const o = info[value];
    if (o && !o.label) o.label = localName(value);
  }
  return info;
}

/** Places that have at least one body: [{iri, label, parentLabel, bodies}], sorted by name. */
export async function places() {
  const rows = await select(`SELECT ?place ?label ?parentLabel (COUNT(DISTINCT ?org) AS ?bodies) WHERE {
  ?org vp:jurisdiction ?place .
  ?place skos:prefLabel ?label . ${VI('?label')}
  OPTIONAL { ?place vp:parentUnit/skos:prefLabel ?parentLabel . ${VI('?parentLabel')} }
} GROUP BY ?place ?label ?parentLabel LIMIT 5000`);
  const seen = new Map();
  for (const r of rows) {
    if (!seen.has(r.place)) seen.set(r.place, {iri: r.place, label: r.label, parentLabel: r.parentLabel || '',
      bodies: Number(r.bodies)});
  }
  return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

/** Vietnamese names of the ontology's classes and roles (empty when the ontology is not loaded). */
export async function vocabularyLabels() {
  const rows = await select(`SELECT ?c ?label WHERE {
  ?c rdfs:label|skos:prefLabel ?label . ${VI('?label')}
  FILTER(STRSTARTS(STR(?c), STR(vp:)))
} LIMIT 2000`);
  const labels = {};
  for (const r of rows) {
    const k = localName(r.c);
    if (!labels[k]) labels[k] = r.label;
  }
  return labels;
}
