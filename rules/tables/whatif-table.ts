/**
 * A what-if answer as a table, in one language: the note that marks it 测算 and lists the overrides,
 * the echoed columns, then status, the primary output on the stored parameters (现行) and with the
 * overrides (测算), the change and a message in the words of a normal answer; and a 汇总 sheet comparing
 * the totals, by district where rows name one. The Worker streams these; the page writes its download
 * with them from one JSON answer.
 */
import type { BatchRow } from '../batch.ts';
import { ROW_VERDICT_WORDS } from '../core/row-words.ts';
import type { RuleMetadata } from '../metadata.ts';
import type { SideTotals, WhatIfRow, WhatIfSummary } from '../whatif/table-batch.ts';
import { answerMessage, type AnswerCell, type Lang } from './answers.ts';
import { echoCell } from './answer-table.ts';
import { csvLine } from './csv-write.ts';
import { columnOf } from './headers.ts';
import type { XlsxCell, XlsxWriter } from './xlsx-write.ts';

type Meta = Pick<RuleMetadata, 'inputs' | 'outputs' | 'primary'>;

/** An override as an answer lists it (`current`: the stored value it replaces). */
export interface ListedOverride {
  parameter: string;
  value: string | number;
  from?: string;
  current: string | number | null;
  /** The parameter's description, where the caller has it. */
  description?: { zh: string; en: string };
}

const WORDS = {
  note: { zh: '测算（不是对申报的核定）', en: 'What-if (not a check of any claim)' },
  baseline: { zh: '现行', en: 'baseline' },
  reform: { zh: '测算', en: 'reform' },
  change: { zh: '变化', en: 'change' },
  computed: { zh: '已计算', en: 'Computed' },
  results: { zh: '测算结果', en: 'What-if results' },
  summary: { zh: '汇总', en: 'Summary' },
  scope: { zh: '范围', en: 'scope' },
  all: { zh: '全市合计', en: 'All rows' },
  rows: { zh: '行数', en: 'rows' },
  cityShare: { zh: '市级负担', en: 'city share' },
  districtShare: { zh: '旗县区负担', en: 'district share' },
  parameter: { zh: '参数', en: 'parameter' },
  current: { zh: '现行值', en: 'current value' },
  value: { zh: '测算值', en: 'what-if value' },
  from: { zh: '起始日期', en: 'from' },
  everyDate: { zh: '所有日期', en: 'every date' },
} as const;

/** One override in words: 每超额…倍数（plan.overquotaReward.minimumWageMultiplier）5 → 4（自 2025-01-01 起）. */
export function overrideWords(o: ListedOverride, lang: Lang): string {
  const name = o.description ? (lang === 'zh' ? `${o.description.zh}（${o.parameter}）` : `${o.parameter} (${o.description.en})`) : o.parameter;
  const from = o.from ? (lang === 'zh' ? `（自 ${o.from} 起）` : ` (from ${o.from})`) : '';
  return `${name} ${o.current ?? (lang === 'zh' ? '无' : 'none')} → ${o.value}${from}`;
}

/** The line that marks a what-if answer and lists its overrides. */
export const whatIfNote = (overrides: readonly ListedOverride[], lang: Lang): string =>
  `${WORDS.note[lang]}${lang === 'zh' ? '：' : ': '}${overrides.map((o) => overrideWords(o, lang)).join(lang === 'zh' ? '；' : '; ')}`;

const primaryLabel = (meta: Meta, lang: Lang) => {
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  return lang === 'zh' ? (primary?.label.zh ?? meta.primary) : meta.primary;
};

/** The five answer headers of a what-if row. */
export function whatIfHeaders(meta: Meta, lang: Lang): string[] {
  const label = primaryLabel(meta, lang);
  const sep = lang === 'zh' ? '' : ' ';
  return [
    lang === 'zh' ? '状态' : 'status',
    `${WORDS.baseline[lang]}${sep}${label}`,
    `${WORDS.reform[lang]}${sep}${label}`,
    WORDS.change[lang],
    lang === 'zh' ? '说明' : 'message',
  ];
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function shown(value: unknown, meta: Meta, lang: Lang): AnswerCell {
  if (value === undefined || value === null) return undefined;
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  if (primary?.type === 'money' && typeof value === 'string' && NUMBER.test(value)) return { money: value };
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value;
  if (typeof value === 'string' || typeof value === 'number') return value;
  return JSON.stringify(value);
}

/** The row's message: a refusal or a skip as a batch words it; a side that fails a condition, in the words of a normal answer. */
export function whatIfMessage(row: WhatIfRow, meta: Meta, lang: Lang): string {
  const as = (extra: Partial<BatchRow>): BatchRow => ({ index: row.index, status: row.status === 'ok' ? 'ok' : row.status, ...extra });
  if (row.reason) return row.reason[lang];
  if (row.error) return answerMessage(as({ error: row.error }), meta, lang);
  const sep = lang === 'zh' ? '；' : '; ';
  const colon = lang === 'zh' ? '：' : ': ';
  const parts: string[] = [];
  if (row.eligible && !row.eligible.baseline)
    parts.push(`${WORDS.baseline[lang]}${colon}${answerMessage(as({ eligible: false, failedConditions: row.failedConditions?.baseline ?? [] }), meta, lang)}`);
  if (row.eligible && !row.eligible.reform)
    parts.push(`${WORDS.reform[lang]}${colon}${answerMessage(as({ eligible: false, failedConditions: row.failedConditions?.reform ?? [] }), meta, lang)}`);
  if (row.warnings?.length) parts.push(answerMessage(as({ warnings: row.warnings }), meta, lang));
  return parts.join(sep);
}

/** The five answer cells of a what-if row. */
export function whatIfCells(row: WhatIfRow, meta: Meta, lang: Lang): AnswerCell[] {
  const status = row.status === 'ok' ? WORDS.computed[lang] : ROW_VERDICT_WORDS[row.status][lang];
  const change =
    row.change === undefined ? undefined : meta.outputs.find((o) => o.name === meta.primary)?.type === 'money' ? { money: row.change } : row.change;
  return [status, shown(row.baseline, meta, lang), shown(row.reform, meta, lang), change, whatIfMessage(row, meta, lang)];
}

/** The BOM, the note line and the header line of a what-if CSV answer. */
export const whatIfCsvHead = (columns: readonly string[], meta: Meta, lang: Lang, overrides: readonly ListedOverride[]): string =>
  `\uFEFF${csvLine([whatIfNote(overrides, lang)])}${csvLine([...columns, ...whatIfHeaders(meta, lang)])}`;

export function whatIfCsvRow(cells: readonly unknown[], width: number, row: WhatIfRow, meta: Meta, lang: Lang): string {
  const echoed: unknown[] = new Array(width);
  for (let i = 0; i < width; i++) echoed[i] = cells[i];
  return csvLine([...echoed, ...whatIfCells(row, meta, lang)]);
}

const widthOf = (header: string) => Math.min(40, Math.max(10, [...header].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0) + 2));

/** Starts the results sheet: the note row, then the bold header. Returns how to write each row. */
export function startWhatIfSheet(
  writer: XlsxWriter,
  columns: readonly string[],
  meta: Meta,
  lang: Lang,
  overrides: readonly ListedOverride[],
): (cells: readonly unknown[], row: WhatIfRow) => void {
  const header = [...columns, ...whatIfHeaders(meta, lang)];
  const widths = header.map(widthOf);
  widths[header.length - 1] = 60;
  writer.startSheet({ name: WORDS.results[lang], widths });
  writer.row([whatIfNote(overrides, lang)], 'note');
  writer.row(header, 'header');
  const statusAt = columns.length;
  const specs = columns.map((c) => {
    const column = columnOf(c, meta);
    return column.kind === 'input' ? column.spec : undefined;
  });
  return (cells, row) => {
    const out: XlsxCell[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) out[i] = echoCell(cells[i], specs[i]);
    out.push(...whatIfCells(row, meta, lang));
    writer.row(out, row.status, statusAt);
  };
}

/** The 汇总 sheet: the note, the overrides, then the totals on each side and their change, all rows first, then by district. */
export function writeWhatIfSummarySheet(writer: XlsxWriter, summary: WhatIfSummary, meta: Meta, lang: Lang, overrides: readonly ListedOverride[]): void {
  const totals = summary.totals;
  const shares = totals ? (['cityShare', 'districtShare'] as const).filter((s) => totals.baseline[s] !== undefined) : [];
  const sides = ['baseline', 'reform', 'change'] as const;
  const header = [WORDS.scope[lang], WORDS.rows[lang], ...sides.map((s) => `${WORDS[s][lang]}${lang === 'zh' ? '' : ' '}${primaryLabel(meta, lang)}`)];
  for (const share of shares) header.push(...sides.map((s) => `${WORDS[s][lang]}${lang === 'zh' ? '' : ' '}${WORDS[share][lang]}`));
  writer.startSheet({ name: WORDS.summary[lang], widths: header.map((h, i) => (i === 0 ? 24 : widthOf(h))) });
  writer.row([whatIfNote(overrides, lang)], 'note');
  writer.row([WORDS.parameter[lang], WORDS.current[lang], WORDS.value[lang], WORDS.from[lang]], 'header');
  for (const o of overrides)
    writer.row([o.description ? `${o.description[lang]}（${o.parameter}）` : o.parameter, o.current ?? undefined, o.value, o.from ?? WORDS.everyDate[lang]]);
  writer.row([]);
  writer.row(header, 'header');
  if (totals) {
    const line = (scope: string, pick: (t: SideTotals) => Omit<SideTotals, 'byDistrict'> | undefined) => {
      const [b, r, c] = sides.map((s) => pick(totals[s]));
      const money = (v: string | undefined) => (v === undefined ? undefined : { money: v });
      const cells: XlsxCell[] = [scope, r?.rows ?? b?.rows ?? 0, money(b?.computed ?? '0.00'), money(r?.computed ?? '0.00'), money(c?.computed)];
      for (const share of shares) cells.push(money(b?.[share] ?? '0.00'), money(r?.[share] ?? '0.00'), money(c?.[share]));
      writer.row(cells);
    };
    line(WORDS.all[lang], (t) => t);
    for (const name of Object.keys(totals.change.byDistrict ?? {})) line(name, (t) => t.byDistrict?.[name]);
  }
  writer.endSheet();
}
