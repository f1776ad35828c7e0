// The query panel: any named query with its parameters as form fields, its SPARQL shown and editable, the
// results as a table with a CSV download. Values are bound on the server (api.bind), as RDF terms.

import {h, replace} from './dom.js';
import {api, run, groupOf} from './sparql.js';
import {t} from './i18n.js';

const INPUT_TYPES = {string: 'text', iri: 'url', integer: 'number', date: 'date'};

export class QueryPanel {
  constructor(root, actions) {
    this.root = root;
    this.actions = actions;
    this.select = root.querySelector('#query-name');
    this.about = root.querySelector('#query-about');
    this.form = root.querySelector('#query-form');
    this.fields = root.querySelector('#query-fields');
    this.text = root.querySelector('#sparql');
    this.out = root.querySelector('#query-results');
    this.queries = [];
    this.lastName = 'ket-qua';
    this.select.addEventListener('change', () => this.choose(this.select.value));
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.runNamed();
    });
    root.querySelector('#run-sparql').addEventListener('click', () => this.runText(this.text.value, 'sparql'));
  }

  async load() {
    if (this.queries.length) return;
    this.queries = (await api.queries()).queries;
    replace(this.select, this.queries.map((q) => h('option', {value: q.name}, `${q.title} (${q.name})`)));
    if (this.queries.length) this.choose(this.queries[0].name);
  }

  choose(name) {
    const q = this.queries.find((x) => x.name === name);
    if (!q) return;
    this.select.value = name;
    this.current = q;
    replace(this.about, h('p', {class: 'question'}, q.question));
    replace(this.fields, q.params.map((p) => {
      const id = 'param-' + p.name;
      const input = h('input', {id, name: p.name, type: INPUT_TYPES[p.type] || 'text', required: !p.optional,
        placeholder: p.optional ? t('queries.optional') : t('queries.required'), spellcheck: 'false'});
      return h('div', {class: 'field'},
        h('label', {for: id}, h('code', {}, p.name), p.optional ? '' : ' *'),
        input, p.description ? h('small', {}, p.description) : null);
    }));
    if (!q.params.length) this.fields.append(h('p', {class: 'muted'}, t('queries.noParams')));
    this.text.value = q.sparql;
    replace(this.out);
  }

  /** The form again in the language now chosen, keeping what was typed. */
  refresh() {
    if (!this.current) return;
    const typed = {};
    for (const input of this.fields.querySelectorAll('input')) typed[input.name] = input.value;
    const text = this.text.value, results = [...this.out.childNodes];
    this.set(this.current.name, typed);
    this.text.value = text;
    replace(this.out, results);
  }

  /** Fills a parameter field (for links from elsewhere in the page). */
  set(name, values) {
    this.choose(name);
    for (const [k, v] of Object.entries(values)) {
      const input = this.fields.querySelector(`#param-${CSS.escape(k)}`);
      if (input) input.value = v;
    }
  }

  async runNamed() {
    const q = this.current;
    if (!q) return;
    const values = {};
    for (const p of q.params) {
      const v = this.fields.querySelector(`#param-${CSS.escape(p.name)}`).value.trim();
      if (v) values[p.name] = v;
    }
    try {
      const bound = await api.bind(q.name, values);
      this.text.value = bound.sparql;
      await this.runText(bound.sparql, q.name);
    } catch (e) {
      replace(this.out, h('p', {class: 'error'}, e.message));
    }
  }

  async runText(text, name) {
    this.lastName = name;
    replace(this.out, h('p', {class: 'muted'}, t('running')));
    try {
      const result = await run(text);
      replace(this.out, this.render(result));
    } catch (e) {
      replace(this.out, h('p', {class: 'error'}, e.message));
    }
  }

  render(result) {
    if (typeof result === 'string') return h('pre', {class: 'graph-result'}, result);
    if (typeof result.boolean === 'boolean') return h('p', {class: 'ask'}, result.boolean ? t('queries.true') : t('queries.false'));
    const vars = result.head.vars;
    const rows = result.results.bindings;
    const download = h('button', {type: 'button', class: 'secondary'}, t('queries.csv'));
    download.addEventListener('click', () => saveCsv(vars, rows, this.lastName));
    const table = h('table', {class: 'results'},
      h('thead', {}, h('tr', {}, vars.map((v) => h('th', {}, v)))),
      h('tbody', {}, rows.map((b) => h('tr', {}, vars.map((v) => h('td', {}, this.cell(b[v])))))));
    return [h('p', {class: 'result-bar'}, t('queries.rows', {n: rows.length}), download), h('div', {class: 'table-wrap'}, table)];
  }

  cell(term) {
    if (!term) return '';
    if (term.type === 'uri' && groupOf(term.value)) {
      const b = h('button', {type: 'button', class: `entity ${groupOf(term.value)}`, title: t('queries.onNetwork')},
        term.value);
      b.addEventListener('click', () => (groupOf(term.value) === 'place' ? this.actions.showPlace(term.value)
        : this.actions.focus(term.value)));
      return b;
    }
    return term.value;
  }
}

// A cell starting with = + - @ is a formula to a spreadsheet; article text must not become one.
function csvCell(value) {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function saveCsv(vars, rows, name) {
  const lines = [vars.map(csvCell).join(',')];
  for (const b of rows) lines.push(vars.map((v) => csvCell(b[v] && b[v].value)).join(','));
  const blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], {type: 'text/csv;charset=utf-8'});
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${name}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
