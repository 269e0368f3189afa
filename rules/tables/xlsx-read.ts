/**
 * One sheet of an `.xlsx` or `.xls` workbook as a header and rows of cells (the first sheet, or the one
 * named), read through openWorkbook (workbook.ts): merged ranges applied, dates as ISO dates
 * (`2024-06-30`), numbers as numbers, text as text. Blank rows between filled ones come as empty rows,
 * so rows keep their places. Pure: bytes in, rows out.
 * Kept out of the rules package's index so bundles that never read workbooks (the add-in) don't carry it.
 */
import type { TableError } from './headers.ts';
import type { SheetCell } from './sheet-source.ts';
import { isOle, isZip, openWorkbook } from './workbook.ts';
import type { WorkbookLimits } from './workbook-limits.ts';

export type { SheetCell } from './sheet-source.ts';

export interface SheetRows {
  sheet: string;
  /** Rows below the header, not counting trailing empty rows. */
  count: number;
  header: SheetCell[];
  /** The next row of cells, each row handed out once (and released), or undefined at the end. */
  next(): SheetCell[] | undefined;
}

/** Whether bytes are a workbook: a zip (xlsx) or an OLE compound file (xls). */
export const isWorkbook = (bytes: Uint8Array): boolean => isZip(bytes) || isOle(bytes);

/** Reads one sheet of a workbook (the first, or `sheetName`); a size cap passed is a 413, anything else unreadable a 422. */
export function readSheet(
  bytes: Uint8Array,
  sheetName?: string,
  limits?: Partial<WorkbookLimits>,
): { ok: true; rows: SheetRows } | { ok: false; status: 413 | 422; error: TableError } {
  const book = openWorkbook(bytes, limits);
  if (!book.ok) return book;
  const name = sheetName ?? book.value.sheets[0]?.name;
  if (name === undefined)
    return {
      ok: false,
      status: 422,
      error: { code: 'unreadable-table', field: 'sheet', message: { zh: '工作簿中没有工作表', en: 'The workbook has no sheet' } },
    };
  const opened = book.value.open(name);
  if (!opened.ok) return opened;
  const source = opened.value;
  let pending = source.next();
  const last = source.lastRow ?? -1;
  let at = 0;
  /** The cells of sheet row `at` (empty when the sheet has no such row), then the next. */
  const rowAt = (): SheetCell[] => {
    const r = at++;
    if (!pending || pending.row !== r) return [];
    const cells = pending.cells;
    pending = source.next();
    return cells;
  };
  const header = last >= 0 ? rowAt() : [];
  return {
    ok: true,
    rows: {
      sheet: name,
      count: Math.max(0, last),
      header,
      next: () => (at <= last ? rowAt() : undefined),
    },
  };
}
