// The network view: Cytoscape.js over what has been fetched so far. It starts from one resource or one place
// and grows on demand (double-click a node), never beyond MAX_NODES, so a huge graph stays responsive.

import cytoscape from './webjars/cytoscape/dist/cytoscape.esm.min.mjs';
import {neighbourhood, placeNetwork, nodeInfo, edgeLabel} from './data.js';
import {holdings} from './posts.js';
import {yearsOf} from './sparql.js';
import {t} from './i18n.js';

export const MAX_NODES = 300;

export const GROUPS = {
  person: {color: '#2463b4', shape: 'ellipse'},
  organization: {color: '#b8322a', shape: 'round-rectangle'},
  meeting: {color: '#2f7d4f', shape: 'diamond'},
  document: {color: '#a86a10', shape: 'rectangle'},
  article: {color: '#6b7280', shape: 'tag'},
  place: {color: '#6d3fb2', shape: 'hexagon'},
};

/** The name of a kind of node in the chosen language. */
export const groupName = (group) => (GROUPS[group] ? t('group.' + group) : group);

const STYLE = [
  {selector: 'node', style: {
    'label': 'data(label)', 'font-size': 13, 'font-family': 'system-ui, "Noto Sans", "DejaVu Sans", sans-serif',
    'color': '#1d1f23', 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-max-width': 150,
    'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 2,
    'width': 26, 'height': 26, 'border-width': 2, 'border-color': '#ffffff',
    // Labels too small to read are not drawn: a dense view stays legible, and zooming in reveals them.
    'min-zoomed-font-size': 7}},
  ...Object.entries(GROUPS).map(([group, g]) => ({selector: `node[group = "${group}"]`,
    style: {'background-color': g.color, 'shape': g.shape}})),
  {selector: 'node[group = "organization"]', style: {'width': 36, 'height': 26, 'font-weight': 600}},
  {selector: 'node.focus', style: {'width': 40, 'height': 40, 'border-width': 4, 'border-color': '#f2b632',
    'font-size': 15, 'font-weight': 700}},
  {selector: 'node:selected', style: {'border-width': 4, 'border-color': '#111827'}},
  {selector: 'edge', style: {
    'label': 'data(label)', 'font-size': 11, 'color': '#374151', 'text-rotation': 'none',
    'text-background-color': '#fbfbfa', 'text-background-opacity': 0.9, 'text-background-padding': 1,
    'width': 2, 'line-color': '#9aa3b2', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
    'target-arrow-color': '#9aa3b2', 'arrow-scale': 0.8, 'min-zoomed-font-size': 7}},
  {selector: 'edge[rel = "member"]', style: {'line-color': '#c7514a', 'target-arrow-color': '#c7514a',
    'color': '#8c2a23', 'font-weight': 600}},
  {selector: 'edge[rel = "part"]', style: {'line-style': 'dashed'}},
  {selector: '.hidden', style: {'display': 'none'}},
];

export class Network {
  /** @param container the element to draw in; @param onSelect called with a node's data when it is tapped */
  constructor(container, {onSelect, onStatus}) {
    this.onStatus = onStatus || (() => {});
    this.cy = cytoscape({container, style: STYLE, minZoom: 0.15, maxZoom: 3, wheelSensitivity: 0.3,
      boxSelectionEnabled: false});
    this.cy.on('tap', 'node', (e) => onSelect(e.target.data()));
    this.cy.on('dbltap', 'node', (e) => this.expand(e.target.id()));
    this.filters = {place: '', year: '', role: '', kind: ''};
    // The "as of" day (YYYY-MM-DD or ''), and then the positions held on it: "person org role" keys.
    this.asOf = '';
    this.held = new Set();
    this.left = 0;
    // Bumped by every fresh start, so that answers to an abandoned view are dropped, not mixed in.
    this.generation = 0;
  }

  clear() {
    this.cy.elements().remove();
    this.left = 0;
    return ++this.generation;
  }

  /** Starts over from one resource: the resource and its neighbourhood. */
  async show(value) {
    const generation = this.clear();
    this.onStatus(t('loading'));
    await this.add(await neighbourhood(value), value, true, generation);
    if (generation === this.generation) this.setFocus(value);
  }

  /** Starts over from a place: its bodies, their members and meetings. */
  async showPlace(place) {
    const generation = this.clear();
    this.onStatus(t('loading'));
    await this.add(await placeNetwork(place), null, true, generation);
  }

  /** Adds a resource's neighbours around it (double-click). */
  async expand(value) {
    const generation = this.generation;
    this.onStatus(t('loading'));
    await this.add(await neighbourhood(value), value, false, generation);
  }

  setFocus(value) {
    this.cy.nodes('.focus').removeClass('focus');
    const n = this.cy.getElementById(value);
    if (n.nonempty()) {
      n.addClass('focus');
      this.cy.nodes(':selected').unselect();
      n.select();
    }
  }

  /** Adds edges (and their end nodes, up to MAX_NODES), then lays the graph out again. */
  async add(rows, around, fresh, generation) {
    const cy = this.cy;
    if (generation !== this.generation) return;
    const wanted = [];
    if (around) wanted.push(around);
    for (const r of rows) wanted.push(r.s, r.t);
    const missing = [...new Set(wanted)].filter((id) => cy.getElementById(id).empty());
    const room = Math.max(0, MAX_NODES - cy.nodes().length);
    const taken = missing.slice(0, room);
    this.left = missing.length - taken.length;
    const info = await nodeInfo(taken);
    if (generation !== this.generation) return;
    const centre = around && cy.getElementById(around).nonempty()
      ? cy.getElementById(around).position() : {x: 0, y: 0};
    const chairs = new Set(rows.filter((r) => r.rel === 'chair').map((r) => r.s + ' ' + r.t));
    cy.batch(() => {
      for (const id of taken) {
        const i = info[id];
        if (!i) continue;
        // Long labels (article titles) are cut on the canvas; the details panel shows them whole.
        const label = i.label.length > 60 ? i.label.slice(0, 57) + '…' : i.label;
        cy.add({group: 'nodes', data: {id, ...i, label, fullLabel: i.label},
          position: {x: centre.x + (Math.random() - 0.5) * 80, y: centre.y + (Math.random() - 0.5) * 80}});
      }
      for (const r of rows) {
        // A chair also attends; one edge says it.
        if (r.rel === 'attendee' && chairs.has(r.s + ' ' + r.t)) continue;
        const id = [r.s, r.rel, r.role, r.t].join(' ');
        if (cy.getElementById(id).nonempty()) continue;
        if (cy.getElementById(r.s).empty() || cy.getElementById(r.t).empty()) continue;
        cy.add({group: 'edges', data: {id, source: r.s, target: r.t, rel: r.rel, role: r.role, roleKey: r.roleKey,
          roleLabel: r.roleLabel, label: r.label, dates: r.dates}});
      }
    });
    await this.findHeld();
    if (generation !== this.generation) return;
    this.applyFilters();
    this.layout(fresh);
    this.report();
  }

  report() {
    const shown = this.cy.nodes(':visible').length;
    let text = t('net.summary', {nodes: shown, edges: this.cy.edges(':visible').length});
    if (this.cy.nodes().length >= MAX_NODES) text += t('net.limit', {max: MAX_NODES});
    if (this.left > 0) text += t('net.left', {n: this.left});
    if (this.asOf) text += t('net.asOf', {date: this.asOf});
    this.onStatus(text);
  }

  /** Edge labels and the status line again, in the language now chosen. */
  relabel() {
    this.cy.batch(() => this.cy.edges().forEach((e) => e.data('label', edgeLabel(e.data()))));
    this.report();
  }

  /** Shows only the positions held on a day (YYYY-MM-DD), or everything again with ''. */
  async setAsOf(date) {
    this.asOf = date || '';
    await this.findHeld();
    this.setFilters({});
  }

  /** The positions the people in the network held on the "as of" day, from their tenures. */
  async findHeld() {
    const date = this.asOf;
    const persons = date ? this.cy.nodes('[group = "person"]').map((n) => n.id()) : [];
    const rows = persons.length ? await holdings(date, {persons}) : [];
    if (date === this.asOf) this.held = new Set(rows.map((r) => [r.person, r.org, r.role].join(' ')));
  }

  layout(randomize) {
    const visible = this.cy.elements(':visible');
    if (visible.empty()) return;
    const big = visible.nodes().length > 150;
    visible.layout({
      name: 'cose', animate: false, randomize, fit: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 70, nodeRepulsion: () => 6000, edgeElasticity: () => 60, gravity: 1.2,
      nestingFactor: 1, numIter: big ? 500 : 1500, componentSpacing: 60,
    }).run();
    // Force layouts draw sparse networks (a few bodies and their leaders) as long chains; turned to lie along
    // the longer side of the view, they fill it and the labels stay readable.
    const box = visible.nodes().boundingBox();
    const tall = box.h > box.w * 1.2, wide = this.cy.width() > this.cy.height();
    if (randomize && tall === wide) {
      this.cy.batch(() => visible.nodes().positions((n) => ({x: n.position('y'), y: n.position('x')})));
    }
    this.cy.fit(visible, 40);
    if (this.cy.zoom() > 1.6) {
      this.cy.zoom(1.6);
      this.cy.center(visible);
    }
  }

  /** Years of an edge: the articles stating a position, or the date of the meeting or document it touches. */
  edgeYears(e) {
    const dates = [...(e.data('dates') || [])];
    for (const n of [e.source(), e.target()]) {
      if (['meeting', 'document', 'article'].includes(n.data('group')) && n.data('date')) dates.push(n.data('date'));
    }
    return yearsOf(dates);
  }

  /** The organization or place-bearing end of an edge, which gives its place and kind. */
  static anchor(e) {
    for (const n of [e.target(), e.source()]) if (n.data('group') === 'organization') return n;
    for (const n of [e.target(), e.source()]) if (n.data('placeLabel')) return n;
    return null;
  }

  static dated(n) {
    return ['meeting', 'document', 'article'].includes(n.data('group')) && !!n.data('date');
  }

  static inPlace(n, place) {
    return !!n && (n.data('placeLabel') === place || n.data('parentLabel') === place);
  }

  setFilters(filters) {
    this.filters = {...this.filters, ...filters};
    this.applyFilters();
    this.layout(false);
    this.report();
  }

  /**
   * Hides the edges that fail a filter, then the nodes left without a visible edge. With an "as of" day, a
   * position shows only if it was held that day, a meeting or document only if dated by then, and a person only
   * with a position held that day.
   */
  applyFilters() {
    const {place, year, role, kind} = this.filters;
    const asOf = this.asOf;
    const active = place || year || role || kind || asOf;
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('hidden');
      if (!active) return;
      cy.edges().forEach((e) => {
        const anchor = Network.anchor(e);
        const member = e.data('rel') === 'member';
        const ok = (!role || (member && e.data('roleKey') === role))
          && (!year || this.edgeYears(e).includes(year))
          && (!place || Network.inPlace(anchor, place))
          && (!kind || (anchor && anchor.data('kind') === kind))
          && (!asOf || (member ? this.held.has([e.data('source'), e.data('target'), e.data('role')].join(' '))
            : ![e.source(), e.target()].some((n) => Network.dated(n) && n.data('date').slice(0, 10) > asOf)));
        if (!ok) e.addClass('hidden');
      });
      if (asOf) {
        cy.nodes('[group = "person"]').forEach((n) => {
          const holds = n.connectedEdges('[rel = "member"]').some((e) => !e.hasClass('hidden'));
          if (!holds && !n.hasClass('focus')) n.addClass('hidden').connectedEdges().addClass('hidden');
        });
      }
      cy.nodes().forEach((n) => {
        const hasEdge = n.connectedEdges().some((e) => !e.hasClass('hidden'));
        if (!hasEdge && !n.hasClass('focus')) n.addClass('hidden');
      });
    });
  }

  /** The values the filters can take, from what is loaded. */
  filterOptions() {
    const places = new Set(), years = new Set(), roles = new Set(), kinds = new Set();
    this.cy.nodes().forEach((n) => {
      if (n.data('placeLabel')) places.add(n.data('placeLabel'));
      if (n.data('parentLabel')) places.add(n.data('parentLabel'));
      if (n.data('group') === 'organization' && n.data('kind')) kinds.add(n.data('kind'));
    });
    this.cy.edges().forEach((e) => {
      for (const y of this.edgeYears(e)) years.add(y);
      if (e.data('rel') === 'member') roles.add(e.data('roleKey'));
    });
    return {places: [...places], years: [...years].sort().reverse(), roles: [...roles], kinds: [...kinds]};
  }
}
