/**
 * An answer as a table: the input columns as given (extra columns included), then the answer columns
 * (answers.ts), written row by row as CSV text or into an xlsx sheet. The Worker streams with these,
 * and the page writes its downloads with them from one JSON answer.
 */
import type { BatchRow } from '../batch.ts';
import { ROW_VERDICT_WORDS } from '../core/row-words.ts';
import type { InputSpec } from '../core/schema.ts';
import type { RuleMetadata } from '../metadata.ts';
import { answerCells, answerHeaders, type AnswerCell, type Lang } from './answers.ts';
import { cellForInput, dateText } from './cells.ts';
import { csvLine } from './csv-write.ts';
import { columnOf, type TableColumn } from './headers.ts';
import type { TableSummary } from './rows.ts';
import type { MoneyTotals } from './totals.ts';
import type { XlsxCell, XlsxWriter } from './xlsx-write.ts';

type Meta = Pick<RuleMetadata, 'inputs' | 'outputs' | 'primary'>;

/** The echoed columns as read (kinds), when the reader has them: the header is then not read again. */
export type EchoColumns = readonly (TableColumn | undefined)[];

const kindsOf = (columns: readonly string[], meta: Meta, read?: EchoColumns): (TableColumn | undefined)[] =>
  columns.map((c, i) => (read ? read[i] : columnOf(c, meta)));

/** The echoed claimed amount: the amount as read (a number, also from CSV text such as ￥29,700.00), else the cell as given. */
const echoClaimed = (cell: unknown, row: BatchRow): unknown => (row.claimed !== undefined ? { money: row.claimed } : cell);

/** The lines above the header: the form's title and 填报单位 line, kept. */
export const answerCsvPreamble = (preamble: readonly string[]): string => preamble.map((line) => csvLine([line])).join('');

const TOTAL_LABEL = { zh: '合计', en: 'Total' } as const;

/** The message of the 合计 line: which rows each total is over. */
export function totalsMessage(summary: TableSummary, lang: Lang): string {
  const t = summary.totals;
  const w = ROW_VERDICT_WORDS;
  const counts =
    lang === 'zh'
      ? `共 ${summary.rows} 行：${w.ok.zh} ${summary.ok}，${w.mismatch.zh} ${summary.mismatch}，${w.invalid.zh} ${summary.invalid}，${w.skipped.zh} ${summary.skipped}${summary.hidden ? `，其中隐藏行 ${summary.hidden}` : ''}`
      : `${summary.rows} rows: ${summary.ok} ${w.ok.en}, ${summary.mismatch} ${w.mismatch.en}, ${summary.invalid} ${w.invalid.en}, ${summary.skipped} ${w.skipped.en}${summary.hidden ? `, ${summary.hidden} hidden` : ''}`;
  if (!t) return counts;
  return lang === 'zh'
    ? `${counts}。计算金额合计 ${t.computed}（${t.rows} 行）；申报金额合计 ${t.claimed}（其中填写申报的 ${t.claimedRows} 行，这些行计算 ${t.computedClaimed}），差额 ${t.difference}（同此 ${t.claimedRows} 行）`
    : `${counts}. Computed ${t.computed} over ${t.rows} rows; claimed ${t.claimed} over the ${t.claimedRows} rows with a claim (computed ${t.computedClaimed} on them), difference ${t.difference} over the same ${t.claimedRows} rows`;
}

/** The 合计 line that ends the rows (a re-upload skips it as a total row): totals under the claimed, computed and difference columns. */
export function answerTotalCells(summary: TableSummary, columns: readonly string[], meta: Meta, lang: Lang, read?: EchoColumns): AnswerCell[] {
  const kinds = kindsOf(columns, meta, read);
  const t = summary.totals;
  const echoed: AnswerCell[] = columns.map((_, i) => (kinds[i]?.kind === 'claimed' && t ? { money: t.claimed } : undefined));
  if (columns.length) echoed[0] = TOTAL_LABEL[lang];
  return [...echoed, TOTAL_LABEL[lang], t ? { money: t.computed } : undefined, t ? { money: t.difference } : undefined, totalsMessage(summary, lang)];
}

/** The header of an answer table: the echoed columns, then the answer columns. */
export const answerTableHeader = (columns: readonly string[], meta: Meta, lang: Lang): string[] => [...columns, ...answerHeaders(meta, lang)];

/** The UTF-8 BOM (so Excel opens Chinese text as UTF-8) and the header line. */
export const answerCsvHead = (columns: readonly string[], meta: Meta, lang: Lang): string => `\uFEFF${csvLine(answerTableHeader(columns, meta, lang))}`;

export const answerCsvRow = (cells: readonly unknown[], width: number, row: BatchRow, meta: Meta, lang: Lang, claimedAt = -1): string => {
  const echoed: unknown[] = new Array(width);
  for (let i = 0; i < width; i++) echoed[i] = i === claimedAt ? echoClaimed(cells[i], row) : cells[i];
  return csvLine([...echoed, ...answerCells(row, meta, lang)]);
};

/** Where the claimed amount is among the echoed columns (−1: none). */
export const claimedColumn = (columns: readonly string[], meta: Meta, read?: EchoColumns): number =>
  kindsOf(columns, meta, read).findIndex((k) => k?.kind === 'claimed');

/** Column widths for an answer sheet: wider for text, a little for Chinese headers. */
const widthOf = (header: string) => Math.min(40, Math.max(10, [...header].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0) + 2));

/**
 * Starts the answer sheet: the form's preamble (title, 填报单位), then a bold header row (frozen when it
 * is the first row). Returns how to write each row.
 */
export function startAnswerSheet(
  writer: XlsxWriter,
  columns: readonly string[],
  meta: Meta,
  lang: Lang,
  options: { read?: EchoColumns; preamble?: readonly string[] } = {},
): (cells: readonly unknown[], row: BatchRow) => void {
  const header = answerTableHeader(columns, meta, lang);
  const widths = header.map(widthOf);
  widths[header.length - 1] = 60;
  const preamble = options.preamble ?? [];
  writer.startSheet({ name: lang === 'zh' ? '校验结果' : 'Results', freezeHeader: preamble.length === 0, widths });
  for (const line of preamble) writer.row([line], 'note');
  writer.row(header, 'header');
  const kinds = kindsOf(columns, meta, options.read);
  const specs: (InputSpec | undefined)[] = kinds.map((k) => (k?.kind === 'input' ? k.spec : undefined));
  const claimedAt = kinds.findIndex((k) => k?.kind === 'claimed');
  const statusAt = columns.length;
  return (cells, row) => {
    const out: XlsxCell[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) out[i] = i === claimedAt && row.claimed !== undefined ? { money: row.claimed } : echoCell(cells[i], specs[i]);
    out.push(...answerCells(row, meta, lang));
    writer.row(out, row.status, statusAt);
  };
}

/** The 汇总 sheet: counts by status, the totals with the rows each is over, the lines by district and the shares. */
export function writeSummarySheet(writer: XlsxWriter, summary: TableSummary, meta: Pick<RuleMetadata, 'title'> & Meta, lang: Lang): void {
  const zh = lang === 'zh';
  const t = summary.totals;
  const shares = t?.cityShare !== undefined;
  const moneyHeads = zh
    ? ['计算行数', '计算金额', '申报行数', '申报金额', '申报行的计算金额', '差额', ...(shares ? ['市级负担', '旗县区负担'] : [])]
    : ['Rows computed', 'Computed', 'Rows claimed', 'Claimed', 'Computed on claimed rows', 'Difference', ...(shares ? ['City share', 'District share'] : [])];
  writer.startSheet({ name: zh ? '汇总' : 'Summary', widths: [22, 14, 16, 14, 16, 20, 14, 14, 14] });
  writer.row([meta.title[lang]], 'header');
  writer.row([]);
  writer.row([zh ? '状态' : 'Status', zh ? '行数' : 'Rows'], 'header');
  writer.row([zh ? '全部' : 'All', summary.rows]);
  for (const status of ['ok', 'mismatch', 'invalid', 'skipped'] as const) writer.row([ROW_VERDICT_WORDS[status][lang], summary[status]]);
  writer.row([zh ? '其中隐藏行' : 'Of which hidden', summary.hidden ?? 0]);
  if (!t) return writer.endSheet();
  const line = (name: string, m: MoneyTotals): XlsxCell[] => [
    name,
    m.rows,
    { money: m.computed },
    m.claimedRows,
    { money: m.claimed },
    { money: m.computedClaimed },
    { money: m.difference },
    ...(shares ? [{ money: m.cityShare ?? '0.00' }, { money: m.districtShare ?? '0.00' }] : []),
  ];
  writer.row([]);
  writer.row([zh ? '合计' : 'Totals', ...moneyHeads], 'header');
  writer.row(line(zh ? '合计' : 'Total', t));
  if (t.byDistrict) {
    writer.row([]);
    writer.row([zh ? '旗县区' : 'District', ...moneyHeads], 'header');
    for (const [name, m] of Object.entries(t.byDistrict)) writer.row(line(name, m));
    writer.row(line(zh ? '各旗县区合计' : 'All districts', t));
  }
  writer.row([]);
  writer.row([totalsMessage(summary, lang)], 'note');
  writer.endSheet();
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** An echoed cell in an xlsx answer: numbers as numbers, dates under a date input as date cells, the rest as given. */
export function echoCell(cell: unknown, spec: InputSpec | undefined): XlsxCell {
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell === 'number' || typeof cell === 'boolean')
    return spec?.type === 'date' && typeof cell === 'number' ? (dateCell(cellForInput(cell, spec)) ?? cell) : cell;
  if (typeof cell !== 'string') return JSON.stringify(cell);
  if (spec?.type === 'date') return dateCell(dateText(cell)) ?? cell;
  if (spec && (spec.type === 'integer' || spec.type === 'decimal' || spec.type === 'money')) {
    const plain = cellForInput(cell, spec);
    if (typeof plain === 'string' && PLAIN_NUMBER.test(plain) && plain.length < 16) return Number(plain);
  }
  return cell;
}

const dateCell = (iso: unknown): XlsxCell | undefined => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? { date: iso } : undefined);
