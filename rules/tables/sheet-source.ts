/**
 * A sheet of a table as every reader hands it out (CSV, a streamed `.xlsx`, an `.xls`), so that the
 * form reader (header located, columns resolved, rows → claims or skipped rows) reads them all alike.
 * Rows come one at a time, in sheet order, and are released once handed out. Merged ranges are already
 * applied: a covered cell holds its range's top-left value, and `merged` lists those columns.
 */
import type { TableError } from './headers.ts';

export type SheetCell = string | number | boolean | undefined;

export interface SheetRow {
  /** 0-based row number in the sheet (an `.xlsx` row's `r` − 1; a CSV record's number). Rows may skip numbers (absent rows). */
  row: number;
  /** Cells by 0-based column (A = 0): text, a number, a yes/no, an ISO date `YYYY-MM-DD` for a date cell, or undefined. */
  cells: SheetCell[];
  /** Hidden in the sheet (hidden row) or by a filter: still answered, but flagged. */
  hidden?: boolean;
  /** Columns whose value was copied from a merged range's top-left cell (in another row or column). */
  merged?: number[];
}

export interface SheetInfo {
  name: string;
  /** A hidden (or very hidden) sheet. */
  hidden?: boolean;
}

export interface SheetSource {
  name: string;
  next(): SheetRow | undefined;
  /** The row number of the last row `next()` will hand out (−1 when none), when known before reading (workbooks). */
  lastRow?: number;
}

/** A refusal before any row: 413 when a size cap is passed (the message says which), 422 otherwise. */
export type Opened<T> = { ok: true; value: T } | { ok: false; status: 413 | 422; error: TableError };

export interface Workbook {
  readonly sheets: readonly SheetInfo[];
  /** One sheet by its name (looked up without the prototype); size caps are checked here, before any row. */
  open(name: string): Opened<SheetSource>;
  /**
   * Reads ahead, with a native asynchronous inflater, what opening the sheet `name` reads (shared strings,
   * the caps' first pass over its rows) and the start of its rows, so that `open(name)` hands them out at
   * once. Only for a workbook opened with one (workbook.ts); a refusal is given by `open`.
   */
  prepare?(name: string): Promise<void>;
  /** Inflates ahead the rows the next piece of rows of the sheet opened last will read (after `prepare`); awaited between pieces. */
  readAhead?(): Promise<void>;
}
