/**
 * Rows of a table → answers, through the registry's BatchEvaluator (the rows' computation is the
 * rules package's; nothing here knows a rule). Blank rows and total rows (合计/总计/小计) are answered
 * `skipped` with a reason; cells under input columns are read in clerks' forms (cells.ts); extra
 * columns are kept for the answer but never reach the rule. Totals are summed as rows go.
 */
import { BatchEvaluator, BLANK_ROW, type BatchRow, type BatchSummary } from '../batch.ts';
import { isBlank, isRecord, type SlotValues } from '../core/coerce.ts';
import type { RuleErrorBody } from '../core/errors.ts';
import type { RuleDefinition } from '../core/rule.ts';
import type { Text } from '../core/text.ts';
import type { RuleMetadata } from '../metadata.ts';
import { BATCH_COLUMN_LABELS } from '../columns.ts';
import {
  cellReaderOf,
  claimedCell,
  dateText,
  filledClaimedCell,
  filledReaderOf,
  isBlankCell,
  rowIdCell,
  surelyNotSpace,
  type CellReader,
  type FilledCellReader,
} from './cells.ts';
import type { InputSpec } from '../core/schema.ts';
import { columnOf, type TableColumn } from './headers.ts';
import { TotalsAccumulator, type BatchTotals } from './totals.ts';
import { columnLetters } from './xlsx-write.ts';
import { mappedTarget, type ColumnMapping } from './form.ts';

export interface TableSummary extends BatchSummary {
  /** Rows hidden in the sheet or by a filter (answered like any other, each with a warning); present when there are any. */
  hidden?: number;
  totals?: BatchTotals;
}

/** Where a row's cells are in the sheet: its 0-based row, the column of the table's first column, and whether it is hidden. */
export interface CellPlace {
  row: number;
  offset: number;
  hidden?: boolean;
}

/** A text's words as the skip tests read them: compatibility forms folded (NFKC: 合　计, Ｔｏｔａｌ), spaces removed. */
const compact = (cell: unknown): string => String(cell).normalize('NFKC').replace(/\s+/g, '');

const escaped = (word: string) => word.replace(/[()]/g, '\\$&');
/** A text that begins with one of `prefixes`, or is one of `whole`. */
const wordsTest = (prefixes: readonly string[], whole: readonly string[] = [], flags = '') =>
  new RegExp([...whole.map((w) => `^${escaped(w)}$`), ...prefixes.map((w) => `^${escaped(w)}`)].join('|'), flags);

/** A total row's first words (any case). */
const TOTAL_WORDS = ['合计', '总计', '小计', '共计', '总合计', 'total', 'subtotal', 'grandtotal'];
/** A notes row (a template's 说明 rows): 说明：… or 注：… in the first non-empty cell. */
const NOTE_WORDS = ['说明:', '说明：', '注:', '注：'];
/** A footer line's words: who filled in, checked and signed the form, how to reach them, when. */
const FOOTER_WORDS = [
  ...['填表人', '填报人', '制表人', '审核人', '审批人', '复核人', '负责人', '单位负责人', '经办人', '联系人'],
  ...['联系电话', '电话', '手机', '填报日期', '填表日期', '制表日期', '报送日期', '日期:', '日期：'],
  ...['单位(盖章)', '单位盖章', '(盖章)', '盖章'],
];
/** The template's example row, left in: （示例）, 示例行，可删除. */
const EXAMPLE_WHOLE = ['示例', '(示例', '示例)', '(示例)'];
const EXAMPLE_WORDS = ['示例行', '示例:', '示例：', '例:', '例：'];

const TOTAL = wordsTest(TOTAL_WORDS, [], 'i');
const NOTE = wordsTest(NOTE_WORDS);
const FOOTER = wordsTest(FOOTER_WORDS);
const EXAMPLE = wordsTest(EXAMPLE_WORDS, EXAMPLE_WHOLE);

const SKIP_WORDS = [...TOTAL_WORDS, ...NOTE_WORDS, ...FOOTER_WORDS, ...EXAMPLE_WHOLE, ...EXAMPLE_WORDS];
/** A character in both cases, as UTF-16 units. */
const bothCases = (c: string): number[] => [c.toLowerCase().charCodeAt(0), c.toUpperCase().charCodeAt(0)];

/** The characters any of those words begins with (both cases), as UTF-16 units. */
const WORD_STARTS = new Set(SKIP_WORDS.flatMap((w) => bothCases(w[0])));
/** The same for ASCII, as a table. */
const ASCII_WORD_STARTS = Array.from({ length: 0x80 }, (_, c) => WORD_STARTS.has(c));
/** The first two characters any of those words begins with (each in both cases), as `first * 0x10000 + second`. */
const WORD_PAIRS = new Set(SKIP_WORDS.flatMap((w) => bothCases(w[0]).flatMap((a) => bothCases(w[1]).map((b) => a * 0x10000 + b))));
const NOT_SPACE = /\S/;

/**
 * Whether a text cell may begin with one of the words above, from its first non-space character `c` (at
 * `at`). A character that is printable ASCII or a CJK ideograph is one NFKC leaves as it is and composes with
 * nothing before it into another, and it is no space: when the first one is such a character and begins no
 * word, or it and the next one are such characters and begin no word together (`true`: t, then r, begins no
 * `total`), the cell is read without normalising. Any other character goes the long way.
 */
function mayBeWordsAt(cell: string, at: number, c: number): boolean {
  if (c < 0x80) {
    if (!ASCII_WORD_STARTS[c]) return false;
  } else if (c < 0x4e00 || c > 0x9fff) return true;
  else if (!WORD_STARTS.has(c)) return false;
  const next = cell.charCodeAt(at + 1);
  return !surelyNotSpace(next) || WORD_PAIRS.has(c * 0x10000 + next);
}

/** mayBeWordsAt, from the cell's first non-space character. */
function mayBeWords(cell: string): boolean {
  let c = cell.charCodeAt(0);
  if (surelyNotSpace(c)) return mayBeWordsAt(cell, 0, c);
  const at = cell.search(NOT_SPACE);
  if (at < 0) return false;
  c = cell.charCodeAt(at);
  return mayBeWordsAt(cell, at, c);
}

/** A total word in a row-id or first cell. */
const totalIn = (cell: unknown): cell is string => typeof cell === 'string' && mayBeWords(cell) && TOTAL.test(compact(cell));

const SKIP_NOTE: Text = { zh: '说明行，未计算', en: 'Notes row, not computed' };
const SKIP_EXAMPLE: Text = { zh: '模板的示例行，未计算', en: "The template's example row, not computed" };
const SKIP_EMPTY: Text = { zh: '没有填写任何输入项，未计算', en: 'No input filled in, not computed' };
const skipTotal = (word: string): Text => ({ zh: `合计行（“${word}”），未计算`, en: `Total row ("${word}"), not computed` });
const skipFooter = (word: string): Text => ({
  zh: `签章、联系人或日期行（“${word}”），未计算`,
  en: `Signature, contact or date line ("${word}"), not computed`,
});

/**
 * Why a row of cells is not a claim: blank, a total row (合计 in the row-id cell or the first non-empty
 * cell), a notes row, the template's example row, a footer line (填表人、审核人、联系电话、填报日期 …
 * first in the row or in a column the rule reads), or a row with no input and no claimed amount.
 */
export function skipReason(
  cells: readonly unknown[],
  columns: readonly TableColumn[],
  rowIdAt = columns.findIndex((c) => c.kind === 'rowId'),
): Text | undefined {
  let filled = -1;
  for (let i = 0; i < cells.length && filled < 0; i++) if (!isBlankCell(cells[i])) filled = i;
  if (filled < 0) return BLANK_ROW;
  const first = cells[filled];
  if (rowIdAt >= 0 && totalIn(cells[rowIdAt])) return skipTotal(cells[rowIdAt].trim());
  if (totalIn(first)) return skipTotal(first.trim());
  if (typeof first === 'string' && mayBeWords(first) && NOTE.test(first.trim())) return SKIP_NOTE;
  let inputs = 0;
  let claimed: unknown;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (isBlankCell(cell)) continue;
    const kind = columns[i]?.kind;
    if (typeof cell === 'string' && mayBeWords(cell)) {
      const text = compact(cell);
      if (EXAMPLE.test(text)) return SKIP_EXAMPLE;
      if (FOOTER.test(text) && (i === filled || (kind !== undefined && kind !== 'extra' && kind !== 'unnamed'))) return skipFooter(cell.trim().slice(0, 40));
    }
    if (kind === 'input') inputs++;
    else if (kind === 'claimed') claimed = cell;
  }
  // Nothing the rule reads (a numbered empty line, a date written under 申报金额 on its own): not a claim.
  if (noClaim(inputs, columns, claimed)) return SKIP_EMPTY;
  return undefined;
}

/** No claim in a row that is filled: nothing the rule reads (a numbered empty line, a date written under 申报金额 on its own). */
const noClaim = (inputs: number, columns: readonly TableColumn[], claimed: unknown): boolean =>
  inputs === 0 && columns.length > 0 && (claimed === undefined || (typeof claimed === 'string' && dateText(claimed) !== undefined));

const HIDDEN_WARNING: Text = {
  zh: '该行在表格中是隐藏的（或被筛选隐藏），仍已计算并计入合计',
  en: 'This row is hidden in the sheet (or filtered out); it is still computed and counted in the totals',
};

/** The forms a cell of each input type may take, said after a refusal that names the cell. */
const ACCEPTED: Partial<Record<string, Text>> = {
  date: {
    zh: '日期可写 2024-06-30、2024/6/30、2024年6月30日、20240630 或日期单元格',
    en: 'dates may be 2024-06-30, 2024/6/30, 2024年6月30日, 20240630 or a date cell',
  },
  integer: { zh: '数字可写 500 或带单位 500人', en: 'numbers may be 500 or with their unit, 500人' },
  decimal: { zh: '数字可写 9.5 或带单位 9.5人', en: 'numbers may be 9.5 or with their unit' },
  money: { zh: '金额可写 29700、￥29,700.00、29700元、2.97万', en: 'amounts may be 29700, ￥29,700.00, 29700元, 2.97万' },
  boolean: { zh: '可填 是/否、1/0、已办理/未办理', en: 'yes/no may be 是/否, 1/0, 已办理/未办理' },
};

/** A refusal of a row's value, said with the cell it came from (C5) and the forms accepted. */
function atCell(error: RuleErrorBody, columns: readonly TableColumn[], place: CellPlace): RuleErrorBody {
  const at = columns.findIndex((c) => (c.kind === 'input' ? c.name : c.kind) === error.field);
  if (at < 0) return error;
  const column = columns[at];
  const ref = `${columnLetters(at + place.offset)}${place.row + 1}`;
  const label = column.kind === 'input' ? column.spec.label.zh : column.kind === 'claimed' ? BATCH_COLUMN_LABELS.claimed.zh : '';
  const accepted = ACCEPTED[column.kind === 'input' ? column.spec.type : column.kind === 'claimed' ? 'money' : ''];
  return {
    ...error,
    cell: ref,
    message: {
      zh: `${ref} 单元格（${label}）：${error.message.zh}${accepted ? `。${accepted.zh}` : ''}`,
      en: `Cell ${ref}: ${error.message.en}${accepted ? `. ${accepted.en}` : ''}`,
    },
  } as RuleErrorBody;
}

const duplicateError = (name: string, a: string, b: string): RuleErrorBody => ({
  code: 'unknown-input',
  field: name,
  message: { zh: `“${a}”与“${b}”同指输入项 ${name}`, en: `"${a}" and "${b}" both name the input ${name}` },
});

/** Where a column's value goes in a row's raw inputs, and how its cell is read. */
interface ColumnReader {
  name: string;
  read: CellReader;
  spec: Pick<InputSpec, 'type' | 'unit'>;
}

/** The row id's cell: a value that is not a cell (a JSON list, …) goes to the batch as it is, to be refused there. */
const rowIdValue: CellReader = (cell) => (cell !== null && typeof cell === 'object' ? cell : rowIdCell(cell));
const NO_SPEC = { type: 'text' } as const;

/** The reader of a column: an input's by its type, the claimed amount's, the row id's; null for a column kept but not read. */
function readerOf(column: TableColumn): ColumnReader | null | undefined {
  switch (column.kind) {
    case 'input':
      return { name: column.name, read: cellReaderOf(column.spec), spec: column.spec };
    case 'claimed':
      return { name: 'claimed', read: claimedCell, spec: NO_SPEC };
    case 'rowId':
      return { name: 'rowId', read: rowIdValue, spec: NO_SPEC };
    case 'extra':
      return null;
    default:
      return undefined;
  }
}

/** What a column is to a row read under a header: no header (its cells must be blank), kept but not read, an input, the claimed amount, the row id. */
const NO_HEADER = 0;
const KEPT = 1;
const INPUT = 2;
const CLAIMED = 3;
const ROW_ID = 4;
type ColumnRole = typeof NO_HEADER | typeof KEPT | typeof INPUT | typeof CLAIMED | typeof ROW_ID;

const roleOf = (column: TableColumn): ColumnRole =>
  column.kind === 'input' ? INPUT : column.kind === 'claimed' ? CLAIMED : column.kind === 'rowId' ? ROW_ID : column.kind === 'extra' ? KEPT : NO_HEADER;

/**
 * A header's columns as rows are read, made once per header: the row id's place, and for each column its role,
 * the slot its value takes in the row's inputs (`BatchEvaluator.slotOf`) and the reader of its cells that are not
 * blank (its type and spec chosen here, not per cell); `readers` as skipReason's long way reads them.
 */
interface ColumnReading {
  rowIdAt: number;
  roles: ColumnRole[];
  slots: number[];
  /** Whether every input column has its input's slot (a column naming no input of the rule goes the long way, to be refused there). */
  slotted: boolean;
  filled: (FilledCellReader | undefined)[];
  readers: (ColumnReader | null | undefined)[];
}

const noReader: FilledCellReader = () => undefined;

function columnReading(columns: readonly TableColumn[], evaluator: BatchEvaluator): ColumnReading {
  const slots = columns.map((c) => (c.kind === 'input' ? evaluator.slotOf(c.name) : -1));
  return {
    rowIdAt: columns.findIndex((c) => c.kind === 'rowId'),
    roles: columns.map(roleOf),
    slots,
    slotted: columns.every((c, i) => c.kind !== 'input' || slots[i] >= 0),
    filled: columns.map((c) => (c.kind === 'input' ? filledReaderOf(c.spec) : c.kind === 'claimed' ? filledClaimedCell : noReader)),
    readers: columns.map(readerOf),
  };
}

/** Two keys of a JSON row that name one input: the input, the first key and the second (duplicateError's words). */
type Duplicate = [name: string, before: string, key: string];

/** A JSON row's keys in order, their columns, how a row under them is read, and the first two keys that name one input. */
interface KeyShape {
  keys: readonly string[];
  columns: TableColumn[];
  reading: ColumnReading;
  duplicate: Duplicate | undefined;
}

/** Shapes of JSON rows remembered at once: a body whose rows take turns between a few shapes (keys left out now and then). */
const MAX_KEY_SHAPES = 8;

const sameKeys = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** The first key, in order, that names an input (rowId, claimed) an earlier key named, with that earlier key. */
function duplicateIn(keys: readonly string[], columns: readonly TableColumn[]): Duplicate | undefined {
  const from = new Map<string, string>();
  for (let i = 0; i < keys.length; i++) {
    const column = columns[i];
    const name = column.kind === 'input' ? column.name : column.kind === 'rowId' || column.kind === 'claimed' ? column.kind : undefined;
    if (name === undefined) continue;
    const before = from.get(name);
    if (before !== undefined) return [name, before, keys[i]];
    from.set(name, keys[i]);
  }
  return undefined;
}

export class TableBatch {
  readonly evaluator: BatchEvaluator;
  private readonly totals: TotalsAccumulator;
  private readonly meta: RuleMetadata;
  private hidden = 0;
  private mapping: ColumnMapping | undefined;
  /** JSON keys → columns, read once per distinct key. */
  private readonly keyColumns = new Map<string, TableColumn>();

  /** A row's inputs by slot, read afresh for each row (the evaluator keeps nothing of them). */
  private readonly slots: SlotValues;
  /** The slot of the rule's district input, by which totals are kept by district (−1: none). */
  private readonly districtSlot: number;

  constructor(rule: RuleDefinition, meta: RuleMetadata) {
    this.evaluator = new BatchEvaluator(rule);
    this.meta = meta;
    this.totals = new TotalsAccumulator(meta);
    this.slots = this.evaluator.slotValues();
    this.districtSlot = this.totals.districtInput === undefined ? -1 : this.evaluator.slotOf(this.totals.districtInput);
  }

  /** One row of cells under a header already read (readHeader, or the form reader with the row's place in the sheet). */
  addCells(cells: readonly unknown[], columns: readonly TableColumn[], place?: CellPlace): BatchRow {
    const row = this.addCellsAt(cells, columns, place);
    if (place?.hidden) {
      this.hidden++;
      row.hidden = true;
      row.warnings = [...(row.warnings ?? []), HIDDEN_WARNING];
    }
    if (place && row.status === 'invalid' && row.error?.field) row.error = atCell(row.error, columns, place);
    return row;
  }

  /** The columns as a row is read: made once per header (the form reader hands the same columns row after row). */
  private columnsRead: readonly TableColumn[] | undefined;
  private reading: ColumnReading | undefined;

  private readingOf(columns: readonly TableColumn[]): ColumnReading {
    if (this.columnsRead !== columns || !this.reading) {
      this.columnsRead = columns;
      this.reading = columnReading(columns, this.evaluator);
    }
    return this.reading;
  }

  /**
   * A row under a header, read in one pass when no text cell may begin with a skip word (the ordinary row):
   * each cell that is not blank is read by its column's reader while whether anything is filled and what the
   * rule reads decide the skip. A cell that may begin with a skip word sends the row the long way (skipReason,
   * then the cells read), so the answer is the same in every case.
   */
  private addCellsAt(cells: readonly unknown[], columns: readonly TableColumn[], place: CellPlace | undefined): BatchRow {
    const reading = this.readingOf(columns);
    const rowId = reading.rowIdAt < 0 ? undefined : rowIdCell(cells[reading.rowIdAt]);
    return this.readRow(cells, columns, place, reading, rowId, undefined);
  }

  /**
   * The one pass of addCellsAt over a row's cells, its row id read; `duplicate`, two keys of a JSON row that name
   * one input, refuses a row that is no skip.
   */
  private readRow(
    cells: readonly unknown[],
    columns: readonly TableColumn[],
    place: CellPlace | undefined,
    reading: ColumnReading,
    rowId: string | undefined,
    duplicate: Duplicate | undefined,
  ): BatchRow {
    if (!reading.slotted) return this.addWordyCells(cells, columns, place, reading, rowId, duplicate);
    const { rowIdAt, roles, slots: slotAt, filled: readers } = reading;
    // the row's inputs by slot, as the evaluator reads them, with whether it names and fills any (as `BatchEvaluator.add` tells a blank object)
    const slots = this.slots;
    slots.clear();
    const { values } = slots;
    let rowIdGiven: unknown;
    let filled = false;
    let inputs = 0;
    let claimed: unknown;
    let claimedGiven: unknown;
    let stray: number | undefined;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (typeof cell === 'string') {
        const c = cell.charCodeAt(0);
        if (surelyNotSpace(c)) {
          if (mayBeWordsAt(cell, 0, c)) return this.addWordyCells(cells, columns, place, reading, rowId, duplicate);
        } else if (isBlankCell(cell)) continue;
        else if (mayBeWords(cell)) return this.addWordyCells(cells, columns, place, reading, rowId, duplicate);
      } else if (cell === undefined || cell === null) continue;
      filled = true;
      const role = i < roles.length ? roles[i] : NO_HEADER;
      let value: unknown;
      if (role === INPUT) {
        inputs++;
        value = readers[i]!(cell);
        if (value !== undefined) values[slotAt[i]] = value;
      } else if (role === ROW_ID) {
        // the row id's cell is read once, above (what its reader, rowIdValue, gives for any cell but an object)
        value = i === rowIdAt && typeof cell !== 'object' ? rowId : rowIdValue(cell, NO_SPEC);
        if (value !== undefined) rowIdGiven = value;
      } else if (role === CLAIMED) {
        claimed = cell;
        value = readers[i]!(cell);
        if (value !== undefined) claimedGiven = value;
      } else {
        if (role === NO_HEADER) stray ??= i;
        continue;
      }
      if (value !== undefined) {
        slots.named = true;
        if (!slots.filled) slots.filled = !isBlank(value);
      }
    }
    if (!filled) return this.evaluator.skip(BLANK_ROW, rowId);
    if (noClaim(inputs, columns, claimed)) return this.evaluator.skip(SKIP_EMPTY, rowId);
    if (stray !== undefined) return this.refuseStray(stray, place, rowId);
    if (duplicate) return this.refuse(duplicateError(...duplicate), rowId);
    return this.evaluateSlots(slots, rowIdGiven, claimedGiven);
  }

  /** A row with a cell that may begin with a skip word: skipReason decides, then the cells are read. */
  private addWordyCells(
    cells: readonly unknown[],
    columns: readonly TableColumn[],
    place: CellPlace | undefined,
    reading: ColumnReading,
    rowId: string | undefined,
    duplicate: Duplicate | undefined,
  ): BatchRow {
    const { rowIdAt, readers } = reading;
    const reason = skipReason(cells, columns, rowIdAt);
    if (reason) return this.evaluator.skip(reason, rowId);
    const raw: Record<string, unknown> = {};
    let stray: number | undefined;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const reader = readers[i];
      if (reader === undefined) {
        if (stray === undefined && !isBlankCell(cell)) stray = i;
      } else if (reader !== null) {
        // the row id's cell is read once, above (what its reader, rowIdValue, gives for any cell but an object)
        const value = i === rowIdAt && (cell === null || typeof cell !== 'object') ? rowId : reader.read(cell, reader.spec);
        if (value !== undefined) raw[reader.name] = value;
      }
    }
    if (stray !== undefined) return this.refuseStray(stray, place, rowId);
    if (duplicate) return this.refuse(duplicateError(...duplicate), rowId);
    return this.evaluate(raw);
  }

  private refuseStray(stray: number, place: CellPlace | undefined, rowId: string | undefined): BatchRow {
    return this.refuse(
      {
        code: 'unknown-input',
        message: {
          zh: `第 ${columnLetters(stray + (place?.offset ?? 0))} 列没有列名（或超出表头），但该行在此有值`,
          en: `Column ${columnLetters(stray + (place?.offset ?? 0))} has no header (or lies beyond the header) but this row has a value there`,
        },
      },
      rowId,
    );
  }

  /**
   * One JSON row: its keys are read as headers are (names, zh/en labels, units); other keys are kept, not computed.
   * Its keys' columns are its shape's (keyShape: read once while rows keep the same keys in the same order); then
   * it is read as a row of cells under those columns, refused after the skip tests when two keys name one input.
   */
  addObject(value: unknown): BatchRow {
    if (!isRecord(value)) return this.evaluate(value);
    const object = value;
    const keys = Object.keys(object);
    // `{}` names no column: the rule judges it (a rule whose inputs are all optional computes it), as evaluateBatch does
    if (keys.length === 0) return this.evaluate({});
    const shape = this.keyShape(keys);
    const cells = new Array<unknown>(keys.length);
    for (let i = 0; i < keys.length; i++) cells[i] = object[keys[i]];
    const { rowIdAt } = shape.reading;
    // a row id that is a JSON object or list is no id: it goes to the rule as it is, to be refused there
    const idCell = rowIdAt < 0 ? undefined : cells[rowIdAt];
    const rowId = idCell !== null && typeof idCell === 'object' ? undefined : rowIdCell(idCell);
    return this.readRow(cells, shape.columns, undefined, shape.reading, rowId, shape.duplicate);
  }

  /** The last JSON rows' shapes (their keys in order), the most recent first; at most MAX_KEY_SHAPES. */
  private shapes: KeyShape[] = [];

  /** The shape of a JSON row's keys: the last one when the keys are the same, in the same order (nearly every row), else made. */
  private keyShape(keys: readonly string[]): KeyShape {
    const shapes = this.shapes;
    for (let s = 0; s < shapes.length; s++) {
      const shape = shapes[s];
      if (sameKeys(shape.keys, keys)) {
        if (s > 0) {
          shapes.splice(s, 1);
          shapes.unshift(shape);
        }
        return shape;
      }
    }
    const columns = keys.map((k) => this.columnForKey(k));
    const shape: KeyShape = { keys, columns, reading: columnReading(columns, this.evaluator), duplicate: duplicateIn(keys, columns) };
    shapes.unshift(shape);
    if (shapes.length > MAX_KEY_SHAPES) shapes.pop();
    return shape;
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
    const summary: TableSummary = this.hidden ? { ...this.evaluator.summary, hidden: this.hidden } : { ...this.evaluator.summary };
    return totals ? { ...summary, totals } : summary;
  }

  /** The clerk's mapping (checked: form.ts checkMapping) for JSON keys. */
  useMapping(mapping: ColumnMapping): void {
    this.mapping = mapping;
    this.keyColumns.clear();
    this.shapes = [];
  }

  columnForKey(key: string): TableColumn {
    let column = this.keyColumns.get(key);
    if (!column) {
      const target = this.mapping ? mappedTarget(key, this.mapping) : undefined;
      const spec = target && this.meta.inputs.find((i) => i.name === target);
      let read: TableColumn =
        target === 'rowId' || target === 'claimed'
          ? { kind: target, header: key }
          : spec
            ? { kind: 'input', name: spec.name, spec, header: key }
            : columnOf(key, this.meta);
      if (read.kind === 'unnamed') read = { kind: 'extra', header: key };
      this.keyColumns.set(key, read);
      return read;
    }
    return column;
  }

  protected evaluate(raw: unknown): BatchRow {
    const row = this.evaluator.add(raw);
    this.totals.add(row, raw as Record<string, unknown>);
    return row;
  }

  /** A row read into its inputs' slots (`BatchEvaluator.addSlots`), answered and counted in the totals. */
  protected evaluateSlots(slots: SlotValues, rowId: unknown, claimed: unknown): BatchRow {
    const row = this.evaluator.addSlots(slots, rowId, claimed);
    this.totals.addIn(row, this.districtIn(slots));
    return row;
  }

  /** The value of the rule's district input among a row's values by slot. */
  protected districtIn(slots: SlotValues): unknown {
    return this.districtSlot < 0 ? undefined : slots.values[this.districtSlot];
  }
}
