// The explorer page: wires the search box, the network, the details panel and the other tabs together.
// All data comes from this server's SPARQL endpoint; the page keeps only what it is showing.

import {Network, GROUPS, groupName} from './network.js';
import {Details} from './details.js';
import {setUpSearch} from './search.js';
import {Compare} from './compare.js';
import {Timeline} from './timeline.js';
import {PostsView} from './posts.js';
import {QueryPanel} from './queries.js';
import {places as loadPlaces, vocabularyLabels} from './data.js';
import {h, replace, byLabel, debounce} from './dom.js';
import {t, term, setVocabulary, setLanguage, translatePage, onLanguageChange} from './i18n.js';

const $ = (selector) => document.querySelector(selector);

function status(text, isError = false) {
  const s = $('#status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

async function guard(work) {
  try {
    await work();
  } catch (e) {
    console.error(e);
    status(e.message, true);
  }
}

translatePage();
setVocabulary(await vocabularyLabels().catch(() => ({})));
let places = [];

const actions = {
  focus: (value) => guard(async () => {
    showTab('network');
    await network.show(value);
    const n = network.cy.getElementById(value);
    details.show(n.nonempty() ? n.data() : {iri: value});
    remember('node', value);
    refreshFilters();
  }),
  expand: (value) => guard(async () => {
    await network.expand(value);
    refreshFilters();
  }),
  showPlace: (value) => guard(async () => {
    showTab('network');
    await network.showPlace(value);
    const p = places.find((x) => x.iri === value);
    details.show({iri: value, label: p ? p.label : ''});
    $('#place-pick').value = value;
    remember('place', value);
    refreshFilters();
  }),
  // The posts of a place or body over time: {place} or {org}.
  showPosts: (what) => guard(async () => {
    showTab('posts');
    await posts.show(what);
  }),
};

const network = new Network($('#cy'), {
  onSelect: (data) => details.show(data),
  onStatus: (text) => status(text),
});
const details = new Details($('#details'), actions);
const compare = new Compare($('#tab-compare'), actions);
const posts = new PostsView($('#tab-posts'), actions);
const timeline = new Timeline($('#tab-timeline'), actions);
const queryPanel = new QueryPanel($('#tab-queries'), actions);

// --- tabs: the other views load on first use

const opened = new Set();
function showTab(name) {
  for (const b of document.querySelectorAll('[role="tab"]')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  for (const s of document.querySelectorAll('.tab')) s.hidden = s.id !== `tab-${name}`;
  if (name === 'network') network.cy.resize();
  if (opened.has(name)) return;
  opened.add(name);
  if (name === 'compare') guard(() => compare.render());
  if (name === 'posts' && !posts.current) guard(() => posts.show({place: $('#place-pick').value}));
  if (name === 'timeline') guard(() => timeline.render());
  if (name === 'queries') guard(() => queryPanel.load());
}
for (const b of document.querySelectorAll('[role="tab"]')) b.addEventListener('click', () => showTab(b.dataset.tab));

// --- filters, from what the network holds

const FILTERS = {place: '#filter-place', year: '#filter-year', role: '#filter-role', kind: '#filter-kind'};

function refreshFilters() {
  const options = network.filterOptions();
  const fill = (select, values, label, all) => {
    const keep = select.value;
    replace(select, h('option', {value: ''}, all), values.map((v) => h('option', {value: v}, label(v))));
    select.value = values.includes(keep) ? keep : '';
  };
  const byName = (a, b) => byLabel(term(a), term(b));
  fill($(FILTERS.place), options.places.sort(byLabel), (v) => v, t('filters.allPlaces'));
  fill($(FILTERS.year), options.years, (v) => v, t('filters.allYears'));
  fill($(FILTERS.role), options.roles.sort(byName), (v) => term(v), t('filters.allRoles'));
  fill($(FILTERS.kind), options.kinds.sort(byName), (v) => term(v), t('filters.allKinds'));
}
for (const [key, selector] of Object.entries(FILTERS)) {
  $(selector).addEventListener('change', () => network.setFilters({[key]: $(selector).value}));
}
$('#filter-clear').addEventListener('click', () => {
  for (const selector of Object.values(FILTERS)) $(selector).value = '';
  network.setFilters({place: '', year: '', role: '', kind: ''});
});
$('#network-fit').addEventListener('click', () => network.cy.fit(undefined, 40));

function legend() {
  replace($('#legend'), Object.keys(GROUPS).filter((g) => g !== 'place').map((g) =>
    h('li', {}, h('span', {class: `swatch ${g}`}), groupName(g))));
}
legend();

// --- "as of": the network and the leadership panel show the holders on that day

function setAsOf(value) {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
  if ($('#as-of').value !== date) $('#as-of').value = date;
  details.asOf = date;
  return guard(async () => {
    await network.setAsOf(date);
    details.refresh();
  });
}
// Typing a date changes it digit by digit: only the day the user stops at is looked up.
const asOfTyped = debounce(() => setAsOf($('#as-of').value), 400);
$('#as-of').addEventListener('input', asOfTyped);
$('#as-of').addEventListener('change', asOfTyped);
$('#as-of-clear').addEventListener('click', () => setAsOf(''));

// --- language: every view again in the chosen one

for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
onLanguageChange(() => guard(async () => {
  legend();
  refreshFilters();
  network.relabel();
  details.refresh();
  replace($('#place-pick').firstElementChild, t('choosePlace'));
  compare.setPlaces(places);
  queryPanel.refresh();
  await timeline.setUp(places);
  posts.setPlaces(places);
  if (opened.has('compare')) await compare.render();
  if (opened.has('timeline')) await timeline.render();
  if (opened.has('posts')) await posts.refresh();
}));

// --- search, place picker, and the address bar

setUpSearch($('#search'), $('#search-results'),
  (hit) => (hit.group === 'place' ? actions.showPlace(hit.iri) : actions.focus(hit.iri)));
$('#place-pick').addEventListener('change', () => {
  if ($('#place-pick').value) actions.showPlace($('#place-pick').value);
});

function remember(kind, value) {
  history.replaceState(null, '', '#' + new URLSearchParams({[kind]: value}));
}

async function start() {
  places = await loadPlaces();
  replace($('#place-pick'), h('option', {value: ''}, t('choosePlace')),
    places.map((p) => h('option', {value: p.iri}, p.label)));
  compare.setPlaces(places);
  posts.setPlaces(places);
  await timeline.setUp(places);
  const wanted = new URLSearchParams(location.hash.slice(1));
  if (wanted.get('node')) return actions.focus(wanted.get('node'));
  if (wanted.get('place')) return actions.showPlace(wanted.get('place'));
  // A first view that is not empty: the place with the most bodies.
  const top = [...places].sort((a, b) => b.bodies - a.bodies)[0];
  if (top) return actions.showPlace(top.iri);
  status(t('empty.graph'));
}

// For scripts and tests driving the page.
window.explorer = {cy: network.cy, network, details, posts, queryPanel, actions, showTab, setAsOf};
guard(start).then(() => document.body.classList.add('ready'));
