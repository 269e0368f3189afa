/**
 * Rows of a table → answers, through the registry's BatchEvaluator (the rows' computation is the
 * rules package's; nothing here knows a rule). Blank rows and total rows (合计/总计/小计) are answered
 * `skipped` with a reason; cells under input columns are read in clerks' forms (cells.ts); extra
 * columns are kept for the answer but never reach the rule. Totals are summed as rows go.
 */
import { BatchEvaluator, type BatchRow, type BatchSummary } from '../batch.ts';
import type { RuleErrorBody } from '../core/errors.ts';
import type { RuleDefinition } from '../core/rule.ts';
import type { Text } from '../core/text.ts';
import type { RuleMetadata } from '../metadata.ts';
import { cellForInput, claimedCell, isBlankCell, rowIdCell } from './cells.ts';
import { columnOf, type TableColumn } from './headers.ts';
import { TotalsAccumulator, type BatchTotals } from './totals.ts';

export interface TableSummary extends BatchSummary {
  totals?: BatchTotals;
}

const TOTAL_WORDS = /^(合计|总计|小计|共计|总合计|total|subtotal|grandtotal)/i;

/** A notes row (a template's 说明 rows): 说明：… or 注：… in the first non-empty cell. */
const NOTE_WORDS = /^(说明|注)[:：]/;

const SKIP_BLANK: Text = { zh: '空行，未计算', en: 'Blank row, not computed' };
const SKIP_NOTE: Text = { zh: '说明行，未计算', en: 'Notes row, not computed' };
const skipTotal = (word: string): Text => ({ zh: `合计行（“${word}”），未计算`, en: `Total row ("${word}"), not computed` });

/** Why a row of cells is not a claim: blank, or a total row (合计 in the row-id cell or the first non-empty cell). */
export function skipReason(cells: readonly unknown[], columns: readonly TableColumn[]): Text | undefined {
  const filled = cells.findIndex((c) => !isBlankCell(c));
  if (filled < 0) return SKIP_BLANK;
  const rowIdAt = columns.findIndex((c) => c.kind === 'rowId');
  for (const at of [rowIdAt, filled]) {
    if (at < 0 || isBlankCell(cells[at])) continue;
    const text = String(cells[at]).normalize('NFKC').replace(/\s+/g, '');
    if (typeof cells[at] === 'string' && TOTAL_WORDS.test(text)) return skipTotal(String(cells[at]).trim());
  }
  if (typeof cells[filled] === 'string' && NOTE_WORDS.test(cells[filled].trim())) return SKIP_NOTE;
  return undefined;
}

const duplicateError = (name: string, a: string, b: string): RuleErrorBody => ({
  code: 'unknown-input',
  field: name,
  message: { zh: `“${a}”与“${b}”同指输入项 ${name}`, en: `"${a}" and "${b}" both name the input ${name}` },
});

export class TableBatch {
  readonly evaluator: BatchEvaluator;
  private readonly totals: TotalsAccumulator;
  private readonly meta: RuleMetadata;
  /** JSON keys → columns, read once per distinct key. */
  private readonly keyColumns = new Map<string, TableColumn>();

  constructor(rule: RuleDefinition, meta: RuleMetadata) {
    this.evaluator = new BatchEvaluator(rule);
    this.meta = meta;
    this.totals = new TotalsAccumulator(meta);
  }

  /** One row of cells under a header already read (readHeader). */
  addCells(cells: readonly unknown[], columns: readonly TableColumn[]): BatchRow {
    const reason = skipReason(cells, columns);
    const rowIdAt = columns.findIndex((c) => c.kind === 'rowId');
    const rowId = rowIdAt < 0 ? undefined : rowIdCell(cells[rowIdAt]);
    if (reason) return this.evaluator.skip(reason, rowId);
    const raw: Record<string, unknown> = {};
    let stray: number | undefined;
    cells.forEach((cell, i) => {
      const column = columns[i];
      if (!column || column.kind === 'unnamed') {
        if (!isBlankCell(cell) && stray === undefined) stray = i;
      } else this.put(raw, column, cell);
    });
    if (stray !== undefined) {
      return this.refuse(
        {
          code: 'unknown-input',
          message: {
            zh: `第 ${stray + 1} 列没有列名（或超出表头），但该行在此有值`,
            en: `Column ${stray + 1} has no header (or lies beyond the header) but this row has a value there`,
          },
        },
        rowId,
      );
    }
    return this.evaluate(raw);
  }

  /** One JSON row: its keys are read as headers are (names, zh/en labels, units); other keys are kept, not computed. */
  addObject(value: unknown): BatchRow {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.evaluate(value);
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    // `{}` names no column: the rule judges it (a rule whose inputs are all optional computes it), as evaluateBatch does
    if (keys.length === 0) return this.evaluate({});
    const cells = keys.map((k) => object[k]);
    const columns = keys.map((k) => this.columnForKey(k));
    const rowIdAt = columns.findIndex((c) => c.kind === 'rowId');
    const rowId = rowIdAt < 0 || (cells[rowIdAt] !== null && typeof cells[rowIdAt] === 'object') ? undefined : rowIdCell(cells[rowIdAt]);
    const reason = skipReason(cells, columns);
    if (reason) return this.evaluator.skip(reason, rowId);
    const raw: Record<string, unknown> = {};
    const from = new Map<string, string>();
    for (let i = 0; i < keys.length; i++) {
      const column = columns[i];
      const name = column.kind === 'input' ? column.name : column.kind === 'rowId' || column.kind === 'claimed' ? column.kind : undefined;
      if (name === undefined) continue;
      const before = from.get(name);
      if (before !== undefined) return this.refuse(duplicateError(name, before, keys[i]), rowId);
      from.set(name, keys[i]);
      this.put(raw, column, cells[i]);
    }
    return this.evaluate(raw);
  }

  /** Answers a row the rules never see (a malformed CSV record, …), keeping index and summary right. */
  refuse(error: RuleErrorBody | { code: string; field?: string; message: Text }, rowId?: string): BatchRow {
    const row = this.evaluator.add(null);
    row.error = error as RuleErrorBody; // a table-level code (e.g. malformed-csv) beside the rules' own
    if (rowId !== undefined) row.rowId = rowId;
    return row;
  }

  summary(): TableSummary {
    const totals = this.totals.totals();
    return totals ? { ...this.evaluator.summary, totals } : { ...this.evaluator.summary };
  }

  columnForKey(key: string): TableColumn {
    let column = this.keyColumns.get(key);
    if (!column) {
      column = columnOf(key, this.meta);
      if (column.kind === 'unnamed') column = { kind: 'extra', header: key };
      this.keyColumns.set(key, column);
    }
    return column;
  }

  private put(raw: Record<string, unknown>, column: TableColumn, cell: unknown): void {
    if (column.kind === 'input') {
      const value = cellForInput(cell, column.spec);
      if (value !== undefined) raw[column.name] = value;
    } else if (column.kind === 'claimed') {
      const value = claimedCell(cell);
      if (value !== undefined) raw.claimed = value;
    } else if (column.kind === 'rowId') {
      // a value that is not a cell (a JSON list, …) goes to the batch as it is, to be refused there
      const value = cell !== null && typeof cell === 'object' ? cell : rowIdCell(cell);
      if (value !== undefined) raw.rowId = value;
    }
  }

  protected evaluate(raw: unknown): BatchRow {
    const row = this.evaluator.add(raw);
    this.totals.add(row, raw as Record<string, unknown>);
    return row;
  }
}
