/**
 * The 测算 (what-if) section: pick a rule, see the parameters it reads on a date (values and sources),
 * change one or more, then check one case (the case form's inputs, or the rule's examples) or upload a
 * claims file (`POST /v1/whatif/{rule}?cells=1`). Baseline and reform by district as a table and as an
 * SVG bar chart drawn here (the table is its accessible alternative); the answer as xlsx, written from
 * the one JSON answer with the shared writers (rules/tables/whatif-table.ts). Everything is marked 测算.
 */
import {
  startWhatIfSheet,
  whatIfNote,
  writeWhatIfSummarySheet,
  xlsxBytes,
  type ListedOverride,
  type RuleMetadata,
  type Text,
  type WhatIfRow,
  type WhatIfSummary,
} from '../rules/index.ts';
import { tableType } from './api.ts';
import { byId, h } from './dom.ts';
import { colon, lang, tr } from './i18n.ts';

const w = (zh: string, en: string): Text => ({ zh, en });
const words = {
  heading: w('测算：参数改动的成本', 'What-if: what a change in the policy would cost'),
  intro: w(
    '改动一个或多个参数，按同一规则计算现行与测算两种结果。测算结果不是对任何申报的核定。',
    'Change one or more parameters and compute the same rule on the current and the changed values. A what-if is never the check of a claim.',
  ),
  rule: w('规则', 'Rule'),
  date: w('参数日期', 'Parameters on'),
  read: w('本规则读取的参数', 'Parameters this rule reads'),
  others: w('其他可测算的参数', 'Other parameters that may be changed'),
  parameter: w('参数', 'Parameter'),
  current: w('现行值', 'Current value'),
  source: w('依据', 'Source'),
  newValue: w('测算值', 'What-if value'),
  check: w('测算单个案例', 'What-if for one case'),
  checkHint: w('用上方“单个案例”的输入（规则相同时），否则用规则的示例', 'Uses the case form above (same rule), else the rule’s examples'),
  file: w('申报表格（Excel 或 CSV）', 'Claims file (Excel or CSV)'),
  key: w('测算密钥（与批量核对的相同）', 'Key for the what-if (the batch key)'),
  upload: w('上传并测算', 'Upload and compute'),
  noChange: w('请至少改动一个参数', 'Change at least one parameter'),
  noFile: w('请选择表格文件', 'Choose a file'),
  noKey: w('请填写访问密钥', 'Enter the access key'),
  baseline: w('现行', 'Baseline'),
  reform: w('测算', 'What-if'),
  change: w('变化', 'Change'),
  district: w('旗县区', 'District'),
  all: w('全市合计', 'All rows'),
  byDistrict: w('按旗县区：现行与测算', 'By district: baseline and what-if'),
  chart: w('按旗县区的现行与测算金额（条形图；数据见下表）', 'Baseline and what-if amounts by district (bar chart; the figures are in the table below)'),
  download: w('下载测算结果（Excel）', 'Download the what-if (Excel)'),
  rows: w('行', 'rows'),
  steps: w('测算说明', 'What-if steps'),
  notEligible: w('不符合条件', 'Not eligible'),
} as const;

interface ParameterOnDate {
  id: string;
  description: Text;
  value: string | number | null;
  source: { document: string; clause?: string } | null;
  overridable: boolean;
  kind?: 'integer' | 'decimal';
}

interface WhatIfAnswer {
  rule: string;
  overrides: ListedOverride[];
  columns: string[];
  rows: (WhatIfRow & { cells: unknown[] })[];
  summary: WhatIfSummary;
}

interface CheckAnswer {
  overrides: ListedOverride[];
  change?: string;
  baseline: { ok: boolean; result?: Record<string, unknown>; eligible?: boolean; failedConditions?: { message: Text }[]; error?: { message: Text } };
  reform: {
    ok: boolean;
    result?: Record<string, unknown>;
    eligible?: boolean;
    failedConditions?: { message: Text }[];
    error?: { message: Text };
    steps?: Text[];
  };
}

interface State {
  rules: () => RuleMetadata[];
  caseInputs: () => { rule?: string; values: Record<string, unknown> };
  rule?: RuleMetadata;
  parameters: ParameterOnDate[];
  reads: Set<string>;
  values: Map<string, string>;
  batch?: WhatIfAnswer;
  check?: CheckAnswer;
  error?: Text;
}

const state: State = { rules: () => [], caseInputs: () => ({ values: {} }), parameters: [], reads: new Set(), values: new Map() };

const dateValue = () => (document.getElementById('whatif-date') as HTMLInputElement | null)?.value || '2024-06-30';

async function getJson<T>(url: string, init?: RequestInit): Promise<{ ok: true; body: T } | { ok: false; message: Text }> {
  try {
    const r = await fetch(url, init);
    const body = (await r.json()) as T & { error?: { message: Text } };
    return r.ok ? { ok: true, body } : { ok: false, message: body.error?.message ?? w(`服务返回错误（HTTP ${r.status}）`, `HTTP ${r.status}`) };
  } catch {
    return { ok: false, message: w('无法连接服务', 'The service cannot be reached') };
  }
}

/** The parameters on the date, and which of them the rule reads (its examples computed with every parameter set to its own value). */
async function loadParameters(): Promise<void> {
  const rule = state.rule;
  if (!rule) return;
  const date = dateValue();
  const listed = await getJson<{ parameters: ParameterOnDate[] }>(`/v1/parameters?date=${encodeURIComponent(date)}`);
  if (!listed.ok) return void ((state.error = listed.message), render());
  state.parameters = listed.body.parameters.filter((p) => p.overridable && p.value !== null && !Array.isArray(p.value));
  const examples = Object.fromEntries(rule.inputs.filter((i) => i.example !== undefined).map((i) => [i.name, i.example]));
  const probe = await getJson<CheckAnswer>(`/v1/whatif/${encodeURIComponent(rule.id)}/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ inputs: { ...examples, date }, overrides: state.parameters.map((p) => ({ parameter: p.id, value: p.value })) }),
  });
  state.reads = new Set(probe.ok ? (probe.body.reform.steps ?? []).filter((s) => s.en.startsWith('What-if: ')).map((s) => s.en.slice(9).split(' ')[0]) : []);
  render();
}

/** The overrides as typed: each changed value, on every date. */
const overrides = () => [...state.values].filter(([, v]) => v.trim() !== '').map(([parameter, value]) => ({ parameter, value: value.trim() }));

function parameterTable(list: ParameterOnDate[], caption: Text): HTMLElement {
  return h(
    'table',
    { class: 'whatif-parameters' },
    h('caption', {}, tr(caption)),
    h('thead', {}, h('tr', {}, ...[words.parameter, words.current, words.source, words.newValue].map((c) => h('th', { scope: 'col' }, tr(c))))),
    h(
      'tbody',
      {},
      ...list.map((p) => {
        const id = `whatif-set-${p.id.replace(/[^A-Za-z0-9]/g, '-')}`;
        // labelled by the parameter's id, described by its words and current value (the case form's labels stay its own)
        const input = h('input', {
          id,
          type: 'text',
          inputmode: 'decimal',
          name: `set.${p.id}`,
          value: state.values.get(p.id) ?? '',
          'aria-describedby': `${id}-words ${id}-now`,
        });
        input.addEventListener('input', () => state.values.set(p.id, input.value));
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('span', { id: `${id}-words` }, tr(p.description)), h('br'), h('label', { for: id }, h('code', {}, p.id))),
          h('td', { id: `${id}-now` }, String(p.value)),
          h('td', {}, p.source ? `${p.source.document}${p.source.clause ? ` ${p.source.clause}` : ''}` : ''),
          h('td', {}, input),
        );
      }),
    ),
  );
}

const money = (v: string | undefined) =>
  v === undefined ? '' : Number(v).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Baseline and reform by district: the lines of the totals, all rows last. */
function districtLines(summary: WhatIfSummary): { name: string; baseline: string; reform: string; change: string }[] {
  const t = summary.totals;
  if (!t) return [];
  const names = Object.keys(t.change.byDistrict ?? {});
  type Side = NonNullable<WhatIfSummary['totals']>['baseline'];
  const line = (name: string, pick: (s: Side) => { computed: string } | undefined) => ({
    name,
    baseline: pick(t.baseline)?.computed ?? '0.00',
    reform: pick(t.reform)?.computed ?? '0.00',
    change: pick(t.change)?.computed ?? '0.00',
  });
  return [...names.map((n) => line(n, (s) => s.byDistrict?.[n])), line(tr(words.all), (s) => s)];
}

function districtTable(lines: ReturnType<typeof districtLines>): HTMLElement {
  return h(
    'table',
    { id: 'whatif-district-table', class: 'whatif-districts' },
    h('caption', {}, tr(words.byDistrict)),
    h('thead', {}, h('tr', {}, ...[words.district, words.baseline, words.reform, words.change].map((c) => h('th', { scope: 'col' }, tr(c))))),
    h(
      'tbody',
      {},
      ...lines.map((l) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, l.name),
          h('td', { class: 'num' }, money(l.baseline)),
          h('td', { class: 'num' }, money(l.reform)),
          h('td', { class: 'num' }, money(l.change)),
        ),
      ),
    ),
  );
}

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
};

/** Horizontal bars, two per district (baseline, what-if), drawn from the table's figures; the table describes it. */
function districtChart(lines: ReturnType<typeof districtLines>): Element {
  const shown = lines.slice(0, -1).length ? lines.slice(0, -1) : lines;
  const max = Math.max(1, ...shown.flatMap((l) => [Number(l.baseline), Number(l.reform)]));
  const labelWidth = 150;
  const barMax = 420;
  const rowHeight = 44;
  const height = shown.length * rowHeight + 40;
  const bars = shown.flatMap((l, i) => {
    const y = 10 + i * rowHeight;
    const bw = (Number(l.baseline) / max) * barMax;
    const rw = (Number(l.reform) / max) * barMax;
    return [
      svg('text', { x: labelWidth - 8, y: y + 22, 'text-anchor': 'end', class: 'chart-label' }, l.name),
      svg('rect', { x: labelWidth, y, width: Math.max(bw, 1), height: 16, class: 'bar-baseline' }),
      svg('text', { x: labelWidth + Math.max(bw, 1) + 6, y: y + 13, class: 'chart-value' }, money(l.baseline)),
      svg('rect', { x: labelWidth, y: y + 18, width: Math.max(rw, 1), height: 16, class: 'bar-reform' }),
      svg('text', { x: labelWidth + Math.max(rw, 1) + 6, y: y + 31, class: 'chart-value' }, money(l.reform)),
    ];
  });
  const legendY = height - 16;
  const legend = [
    svg('rect', { x: labelWidth, y: legendY, width: 14, height: 14, class: 'bar-baseline' }),
    svg('text', { x: labelWidth + 20, y: legendY + 12, class: 'chart-label' }, tr(words.baseline)),
    svg('rect', { x: labelWidth + 120, y: legendY, width: 14, height: 14, class: 'bar-reform' }),
    svg('text', { x: labelWidth + 140, y: legendY + 12, class: 'chart-label' }, tr(words.reform)),
  ];
  return svg(
    'svg',
    {
      id: 'whatif-chart',
      role: 'img',
      viewBox: `0 0 ${labelWidth + barMax + 120} ${height}`,
      'aria-labelledby': 'whatif-chart-title',
      'aria-describedby': 'whatif-district-table',
      class: 'whatif-chart',
    },
    svg('title', { id: 'whatif-chart-title' }, tr(words.chart)),
    ...bars,
    ...legend,
  );
}

function download(answer: WhatIfAnswer, meta: RuleMetadata): void {
  const bytes = xlsxBytes((writer) => {
    const write = startWhatIfSheet(writer, answer.columns, meta, lang(), answer.overrides);
    for (const row of answer.rows) write(row.cells, row);
    writer.endSheet();
    writeWhatIfSummarySheet(writer, answer.summary, meta, lang(), answer.overrides);
  });
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = h('a', { href: url, download: `${meta.id}-whatif.xlsx` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const amount = (meta: RuleMetadata, side: CheckAnswer['baseline']) =>
  side.ok
    ? `${String(side.result?.[meta.primary] ?? '')}${side.eligible === false ? `（${tr(words.notEligible)}${colon()}${(side.failedConditions ?? []).map((c) => tr(c.message)).join('；')}）` : ''}`
    : tr(side.error?.message);

function results(): HTMLElement[] {
  const meta = state.rule;
  if (!meta) return [];
  const out: HTMLElement[] = [];
  const mark = (list: ListedOverride[]) => h('p', { class: 'whatif-mark' }, h('strong', {}, whatIfNote(list, lang())));
  if (state.check) {
    const c = state.check;
    out.push(
      h(
        'div',
        { id: 'whatif-check-result', class: 'whatif-result' },
        mark(c.overrides),
        h(
          'dl',
          {},
          h('dt', {}, tr(words.baseline)),
          h('dd', {}, amount(meta, c.baseline)),
          h('dt', {}, tr(words.reform)),
          h('dd', {}, amount(meta, c.reform)),
          h('dt', {}, tr(words.change)),
          h('dd', {}, c.change ?? ''),
        ),
        h('h4', {}, tr(words.steps)),
        h('ol', {}, ...(c.reform.steps ?? []).filter((s) => s.en.startsWith('What-if')).map((s) => h('li', {}, tr(s)))),
      ),
    );
  }
  if (state.batch) {
    const b = state.batch;
    const lines = districtLines(b.summary);
    const button = h('button', { type: 'button', id: 'whatif-download' }, tr(words.download));
    button.addEventListener('click', () => download(b, meta));
    out.push(
      h(
        'div',
        { id: 'whatif-batch-result', class: 'whatif-result' },
        mark(b.overrides),
        h('p', {}, `${b.summary.rows} ${tr(words.rows)}`),
        lines.length ? h('figure', { class: 'whatif-figure' }, districtChart(lines) as unknown as HTMLElement) : null,
        lines.length ? districtTable(lines) : null,
        h('p', {}, button),
      ),
    );
  }
  return out;
}

function render(): void {
  const root = byId('whatif-root');
  const rules = state.rules();
  const select = h(
    'select',
    { id: 'whatif-rule' },
    ...rules.map((r) => h('option', { value: r.id, selected: r.id === state.rule?.id }, `${tr(r.title)} (${r.id})`)),
  );
  select.addEventListener('change', () => {
    state.rule = rules.find((r) => r.id === select.value);
    state.values.clear();
    state.batch = state.check = state.error = undefined;
    void loadParameters();
  });
  const date = h('input', { id: 'whatif-date', type: 'date', value: dateValue() });
  date.addEventListener('change', () => void loadParameters());
  const read = state.parameters.filter((p) => state.reads.has(p.id));
  const others = state.parameters.filter((p) => !state.reads.has(p.id));
  const checkButton = h('button', { type: 'button', id: 'whatif-check' }, tr(words.check));
  checkButton.addEventListener('click', () => void runCheck());
  const form = h(
    'form',
    { id: 'whatif-form', novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'whatif-file' }, tr(words.file)),
      h('input', { id: 'whatif-file', type: 'file', accept: '.csv,.txt,.xlsx,.xls' }),
    ),
    h('div', { class: 'field' }, h('label', { for: 'whatif-key' }, tr(words.key)), h('input', { id: 'whatif-key', type: 'password', autocomplete: 'off' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'whatif-submit', class: 'primary-button' }, tr(words.upload)), checkButton),
    h('p', { class: 'hint' }, tr(words.checkHint)),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runBatch();
  });
  root.replaceChildren(
    h('h2', { id: 'whatif-heading' }, tr(words.heading)),
    h('p', {}, tr(words.intro)),
    h('div', { class: 'field' }, h('label', { for: 'whatif-rule' }, tr(words.rule)), select),
    h('div', { class: 'field' }, h('label', { for: 'whatif-date' }, tr(words.date)), date),
    ...(read.length ? [parameterTable(read, words.read)] : []),
    ...(others.length ? [h('details', {}, h('summary', {}, tr(words.others)), parameterTable(others, words.others))] : []),
    form,
    h('div', { id: 'whatif-alert', class: 'alert', role: 'alert' }, state.error ? tr(state.error) : ''),
    ...results(),
  );
}

async function runCheck(): Promise<void> {
  const rule = state.rule;
  if (!rule) return;
  if (!overrides().length) return void ((state.error = words.noChange), render());
  const fromCase = state.caseInputs();
  const inputs =
    fromCase.rule === rule.id && Object.keys(fromCase.values).length
      ? fromCase.values
      : Object.fromEntries(rule.inputs.filter((i) => i.example !== undefined).map((i) => [i.name, i.example]));
  const answer = await getJson<CheckAnswer>(`/v1/whatif/${encodeURIComponent(rule.id)}/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ inputs, overrides: overrides() }),
  });
  state.error = answer.ok ? undefined : answer.message;
  state.check = answer.ok ? answer.body : undefined;
  render();
  document.getElementById('whatif-check-result')?.setAttribute('tabindex', '-1');
  document.getElementById('whatif-check-result')?.focus();
}

async function runBatch(): Promise<void> {
  const rule = state.rule;
  if (!rule) return;
  const file = (document.getElementById('whatif-file') as HTMLInputElement).files?.[0];
  const key = (document.getElementById('whatif-key') as HTMLInputElement).value.trim();
  const problem = !overrides().length ? words.noChange : !file ? words.noFile : !key ? words.noKey : undefined;
  if (problem || !file) return void ((state.error = problem), render());
  const query = overrides()
    .map((o) => `${encodeURIComponent(`set.${o.parameter}`)}=${encodeURIComponent(o.value)}`)
    .join('&');
  const answer = await getJson<WhatIfAnswer>(`/v1/whatif/${encodeURIComponent(rule.id)}?cells=1&${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': tableType(file.name), accept: 'application/json' },
    body: await file.arrayBuffer(),
  });
  state.error = answer.ok ? undefined : answer.message;
  state.batch = answer.ok ? answer.body : undefined;
  render();
  document.getElementById('whatif-batch-result')?.setAttribute('tabindex', '-1');
  document.getElementById('whatif-batch-result')?.focus();
}

/** Starts the section once the rules are known (app.ts), and draws it again in the other language. */
export function initWhatIf(rules: () => RuleMetadata[], caseInputs: State['caseInputs']): void {
  state.rules = rules;
  state.caseInputs = caseInputs;
  state.rule = rules().find((r) => r.id === 'overquota-reward') ?? rules()[0];
  render();
  void loadParameters();
}

export const renderWhatIf = (): void => {
  if (state.rule) render();
};
