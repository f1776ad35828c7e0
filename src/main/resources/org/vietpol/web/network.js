// The network view: Cytoscape.js over what has been fetched so far. It starts from one resource or one place
// and grows on demand (double-click a node), never beyond MAX_NODES, so a huge graph stays responsive.

import cytoscape from './webjars/cytoscape/dist/cytoscape.esm.min.mjs';
import {neighbourhood, placeNetwork, nodeInfo} from './data.js';
import {yearsOf} from './sparql.js';

export const MAX_NODES = 300;

export const GROUPS = {
  person: {color: '#2463b4', shape: 'ellipse', name: 'Người'},
  organization: {color: '#b8322a', shape: 'round-rectangle', name: 'Cơ quan, tổ chức'},
  meeting: {color: '#2f7d4f', shape: 'diamond', name: 'Hội nghị'},
  document: {color: '#a86a10', shape: 'rectangle', name: 'Văn bản'},
  article: {color: '#6b7280', shape: 'tag', name: 'Bài báo'},
  place: {color: '#6d3fb2', shape: 'hexagon', name: 'Địa phương'},
};

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
    this.onStatus('Đang tải…');
    await this.add(await neighbourhood(value), value, true, generation);
    if (generation === this.generation) this.setFocus(value);
  }

  /** Starts over from a place: its bodies, their members and meetings. */
  async showPlace(place) {
    const generation = this.clear();
    this.onStatus('Đang tải…');
    await this.add(await placeNetwork(place), null, true, generation);
  }

  /** Adds a resource's neighbours around it (double-click). */
  async expand(value) {
    const generation = this.generation;
    this.onStatus('Đang tải…');
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
        cy.add({group: 'edges', data: {id, source: r.s, target: r.t, rel: r.rel, role: r.role, label: r.label,
          dates: r.dates}});
      }
    });
    this.applyFilters();
    this.layout(fresh);
    this.report();
  }

  report() {
    const shown = this.cy.nodes(':visible').length;
    let text = `${shown} nút · ${this.cy.edges(':visible').length} cạnh`;
    if (this.cy.nodes().length >= MAX_NODES) text += ` · đã đạt giới hạn ${MAX_NODES} nút`;
    if (this.left > 0) text += ` · ${this.left} nút chưa hiển thị (lọc hoặc mở từ nút khác)`;
    this.onStatus(text);
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

  static inPlace(n, place) {
    return !!n && (n.data('placeLabel') === place || n.data('parentLabel') === place);
  }

  setFilters(filters) {
    this.filters = {...this.filters, ...filters};
    this.applyFilters();
    this.layout(false);
    this.report();
  }

  /** Hides the edges that fail a filter, then the nodes left without a visible edge. */
  applyFilters() {
    const {place, year, role, kind} = this.filters;
    const active = place || year || role || kind;
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('hidden');
      if (!active) return;
      cy.edges().forEach((e) => {
        const anchor = Network.anchor(e);
        const ok = (!role || (e.data('rel') === 'member' && e.data('label') === role))
          && (!year || this.edgeYears(e).includes(year))
          && (!place || Network.inPlace(anchor, place))
          && (!kind || (anchor && anchor.data('kind') === kind));
        if (!ok) e.addClass('hidden');
      });
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
      if (e.data('rel') === 'member') roles.add(e.data('label'));
    });
    return {places: [...places], years: [...years].sort().reverse(), roles: [...roles], kinds: [...kinds]};
  }
}
