// Talking to the server: the SPARQL endpoint for all data, /api/ for named queries and label search.
// Paths are relative, so the page also works behind a proxy that serves it under a sub-path.

export const ENDPOINT = 'vietpol/sparql';
export const ID = 'https://w3id.org/vietpol/id/';
export const VP = 'https://w3id.org/vietpol/ontology#';

export const PREFIXES = `PREFIX vp: <${VP}>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX vpg: <https://w3id.org/vietpol/graph/>
`;

// The page's queries name resources by IRI, and those IRIs come from the data. One that could close the <...>
// (or is not a web IRI at all) is refused rather than escaped; user-typed values never get here (see api.bind).
const SAFE_IRI = /^https?:\/\/[^\s<>"{}|\\^`]+$/;

export function iri(value) {
  if (typeof value !== 'string' || !SAFE_IRI.test(value)) throw new Error('not a usable IRI: ' + value);
  return `<${value}>`;
}

// Requests in flight, on <body data-busy>: tests and styles can tell when the page has settled.
let busy = 0;
function track(delta) {
  busy += delta;
  document.body.dataset.busy = String(busy);
}

async function request(url, options) {
  track(+1);
  try {
    const resp = await fetch(url, options);
    const type = resp.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await resp.json() : await resp.text();
    if (!resp.ok) {
      const message = typeof body === 'string' ? body : body.error || JSON.stringify(body);
      throw new Error(`${resp.status}: ${message.trim().slice(0, 600)}`);
    }
    return body;
  } finally {
    track(-1);
  }
}

/** Runs any query at the endpoint; returns the SPARQL JSON results (or, for CONSTRUCT, the text). */
export function run(query) {
  return request(ENDPOINT, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      'Accept': 'application/sparql-results+json, text/turtle;q=0.5, */*;q=0.1',
    },
    body: new URLSearchParams({query}),
  });
}

/** Runs a SELECT with the common prefixes; returns rows as {variable: value string}. */
export async function select(body) {
  const json = await run(PREFIXES + body);
  return json.results.bindings.map(b => {
    const row = {};
    for (const [k, term] of Object.entries(b)) row[k] = term.value;
    return row;
  });
}

export const api = {
  queries: () => request('api/queries', {headers: {Accept: 'application/json'}}),
  search: (q) => request('api/search?' + new URLSearchParams({q}), {headers: {Accept: 'application/json'}}),
  // The server binds the values as RDF terms; the page never pastes them into query text.
  bind: (name, values) => request('api/queries/' + encodeURIComponent(name), {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: 'application/json'},
    body: new URLSearchParams(values),
  }),
};

/** What a resource is, from its IRI: person, organization, place, meeting, document, article, or null. */
export function groupOf(value) {
  if (typeof value !== 'string' || !value.startsWith(ID)) return null;
  const segment = value.slice(ID.length).split('/')[0];
  return {person: 'person', org: 'organization', unit: 'place', meeting: 'meeting', document: 'document',
    article: 'article'}[segment] || null;
}

/** The local name of a vocabulary IRI (vp:Secretary -> "Secretary"). */
export function localName(value) {
  return String(value || '').replace(/^.*[#/]/, '');
}

/** A day typed by the user (YYYY-MM-DD) as an xsd:date literal, or null: only such strings reach a query. */
export function day(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value || '') ? `"${value}"^^<http://www.w3.org/2001/XMLSchema#date>` : null;
}

/** Four-digit years found in a list of xsd:date strings. */
export function yearsOf(dates) {
  const years = new Set();
  for (const d of dates) {
    const m = /^(\d{4})-/.exec(d || '');
    if (m) years.add(m[1]);
  }
  return [...years];
}
