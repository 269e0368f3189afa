/**
 * Reading `.xlsx` and `.xls` workbooks with SheetJS Community Edition (`@e965/xlsx` 0.20.3, Apache-2.0;
 * see the README for why this library): the first sheet, or the one named. Date cells become ISO dates
 * (`2024-06-30`), number cells the numbers they hold, text cells their text. Pure: bytes in, rows out.
 * Kept out of the rules package's index so bundles that never read workbooks (the add-in) don't carry it.
 */
import { read, type CellObject, type WorkBook } from '@e965/xlsx';
import type { TableError } from './headers.ts';

export type SheetCell = string | number | boolean | undefined;

export interface SheetRows {
  sheet: string;
  /** Rows below the header, not counting trailing empty rows. */
  count: number;
  header: SheetCell[];
  /** The next row of cells, each row handed out once (and released), or undefined at the end. */
  next(): SheetCell[] | undefined;
}

/** Whether bytes are a workbook: a zip (xlsx) or an OLE compound file (xls). */
export const isWorkbook = (bytes: Uint8Array): boolean =>
  (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
  (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);

function cellValue(cell: CellObject | undefined | null): SheetCell {
  if (!cell) return undefined;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : undefined;
    case 'd':
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    case 'b':
      return Boolean(cell.v);
    case 's':
      return cell.v === undefined ? undefined : String(cell.v);
    case 'e':
      return typeof cell.w === 'string' ? cell.w : '#ERROR';
    default:
      return undefined;
  }
}

const unreadable = (zh: string, en: string, field?: string): { ok: false; error: TableError } => ({
  ok: false,
  error: field === undefined ? { code: 'unreadable-table', message: { zh, en } } : { code: 'unreadable-table', field, message: { zh, en } },
});

/** Reads one sheet of a workbook (the first, or `sheetName`). */
export function readSheet(bytes: Uint8Array, sheetName?: string): { ok: true; rows: SheetRows } | { ok: false; error: TableError } {
  let workbook: WorkBook;
  try {
    // dense: rows as arrays (far less memory than one object per cell address); dates as UTC midnight.
    workbook = read(bytes, {
      type: 'array',
      dense: true,
      cellDates: true,
      UTC: true,
      cellNF: false,
      cellText: false,
      cellHTML: false,
      cellStyles: false,
      sheets: sheetName === undefined ? 0 : sheetName,
    } as Parameters<typeof read>[1]);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    return unreadable(`无法读取该工作簿（.xlsx/.xls）：${detail}`, `The workbook (.xlsx/.xls) cannot be read: ${detail}`);
  }
  const name = sheetName ?? workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!sheet) {
    const names = workbook.SheetNames.join('、');
    return unreadable(`工作簿中没有名为“${sheetName}”的工作表（有：${names}）`, `The workbook has no sheet named "${sheetName}" (it has: ${names})`, 'sheet');
  }
  const data = ((sheet as { '!data'?: (CellObject | null | undefined)[][] })['!data'] ?? []) as ((CellObject | null | undefined)[] | undefined)[];
  let last = data.length - 1;
  while (last >= 0 && !(data[last] ?? []).some((c) => cellValue(c) !== undefined && cellValue(c) !== '')) last--;
  const rowAt = (r: number): SheetCell[] => {
    const row = data[r] ?? [];
    data[r] = undefined; // let the parsed cells go as rows are answered
    const out: SheetCell[] = new Array(row.length);
    for (let i = 0; i < row.length; i++) out[i] = cellValue(row[i]);
    return out;
  };
  const header = last >= 0 ? rowAt(0) : [];
  let at = 1;
  return {
    ok: true,
    rows: {
      sheet: name!,
      count: Math.max(0, last),
      header,
      next: () => (at <= last ? rowAt(at++) : undefined),
    },
  };
}
