/**
 * A workbook read whole by SheetJS Community Edition (`@e965/xlsx`, Apache-2.0), adapted to the sheet
 * source every table reader hands out: merged ranges applied, hidden and filtered rows flagged, date
 * cells as ISO dates, numbers as numbers.
 *
 * This is the `.xls` (BIFF, an OLE compound file) reader, and the reference the streamed `.xlsx` reader
 * is tested against. Its limits: SheetJS parses the whole file and holds every cell of the sheet it
 * reads, so memory grows with the file (about 10–20× an `.xls`'s bytes); the file's bytes are capped
 * before parsing (`maxXlsBytes`), and the row, column, cell and cell-text caps are checked on the
 * parsed sheet, before any row is handed out.
 */
import { read, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import type { Opened, SheetCell, SheetInfo, SheetRow, SheetSource, Workbook } from './sheet-source.ts';
import { malformed, tooLarge, type WorkbookLimits } from './workbook-limits.ts';
import { noSheet } from './workbook-sheets.ts';

/** Excel's error codes as SheetJS holds them (without cell text), and their text. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** A SheetJS cell as a sheet cell: a date as `YYYY-MM-DD`, an error as its text (`#DIV/0!`). */
export function sheetjsCell(cell: CellObject | undefined | null): SheetCell {
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
      return typeof cell.w === 'string' ? cell.w : (ERRORS[cell.v as number] ?? '#ERROR');
    default:
      return undefined;
  }
}

const OPTIONS = {
  type: 'array',
  dense: true, // rows as arrays: far less memory than one object per cell address
  cellDates: true,
  UTC: true,
  cellNF: false,
  cellText: false,
  cellHTML: false,
  cellStyles: true, // row properties (hidden) are read only with styles
} as const;

function parse(bytes: Uint8Array, extra: Record<string, unknown>): Opened<WorkBook> {
  try {
    return { ok: true, value: read(bytes, { ...OPTIONS, ...extra } as Parameters<typeof read>[1]) };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    return malformed(`无法读取该工作簿（.xlsx/.xls）：${detail}`, `The workbook (.xlsx/.xls) cannot be read: ${detail}`, 'body');
  }
}

type Dense = ((CellObject | null | undefined)[] | undefined)[];

/** Opens a workbook with SheetJS (the `.xls` reader; also the reference for `.xlsx`). */
export function openWithSheetJS(bytes: Uint8Array, limits: WorkbookLimits, isXls = true): Opened<Workbook> {
  if (isXls && bytes.length > limits.maxXlsBytes) return tooLarge('maxXlsBytes', limits.maxXlsBytes, bytes.length);
  const book = parse(bytes, { sheets: [] }); // the workbook's sheet list and states, no sheet's cells
  if (!book.ok) return book;
  const names = book.value.SheetNames;
  const states = book.value.Workbook?.Sheets ?? [];
  const sheets: SheetInfo[] = names.map((name, i) => (states[i]?.Hidden ? { name, hidden: true } : { name }));
  return {
    ok: true,
    value: {
      sheets,
      open(name: string): Opened<SheetSource> {
        if (!names.includes(name)) return noSheet(name, sheets);
        const parsed = parse(bytes, { sheets: name });
        if (!parsed.ok) return parsed;
        const sheet = parsed.value.Sheets[name];
        if (!sheet) return noSheet(name, sheets);
        return sheetSource(name, sheet, limits);
      },
    },
  };
}

function sheetSource(name: string, sheet: WorkSheet, limits: WorkbookLimits): Opened<SheetSource> {
  const data = ((sheet as { '!data'?: Dense })['!data'] ?? []) as Dense;
  if (data.length > limits.maxRows) return tooLarge('maxRows', limits.maxRows, data.length);
  let cells = 0;
  let columns = 0;
  let lastRow = -1;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const value = sheetjsCell(row[c]);
      if (value === undefined) continue;
      cells++;
      lastRow = r;
      if (c + 1 > columns) columns = c + 1;
      if (typeof value === 'string' && value.length > limits.maxCellText) return tooLarge('maxCellText', limits.maxCellText, value.length);
    }
  }
  if (columns > limits.maxColumns) return tooLarge('maxColumns', limits.maxColumns, columns);
  if (cells > limits.maxCells) return tooLarge('maxCells', limits.maxCells, cells);

  // merged ranges by the rows they cover
  const topLeft = new Map<string, SheetCell>();
  for (const range of sheet['!merges'] ?? []) {
    const value = sheetjsCell(data[range.s.r]?.[range.s.c]);
    topLeft.set(`${range.s.r},${range.s.c}`, value);
    if (value === undefined) continue;
    if (range.e.r > lastRow) lastRow = range.e.r;
    if (range.e.c + 1 > columns) columns = range.e.c + 1;
    cells += (range.e.r - range.s.r + 1) * (range.e.c - range.s.c + 1) - 1;
  }
  // merged copies count as the cells they fill
  if (lastRow + 1 > limits.maxRows) return tooLarge('maxRows', limits.maxRows, lastRow + 1);
  if (columns > limits.maxColumns) return tooLarge('maxColumns', limits.maxColumns, columns);
  if (cells > limits.maxCells) return tooLarge('maxCells', limits.maxCells, cells);
  const merges = new Map<number, { s: { r: number; c: number }; e: { r: number; c: number } }[]>();
  for (const range of sheet['!merges'] ?? []) {
    for (let r = range.s.r; r <= range.e.r && r <= lastRow; r++) {
      let list = merges.get(r);
      if (!list) merges.set(r, (list = []));
      list.push(range);
    }
  }
  const rowInfo = (sheet['!rows'] ?? []) as ({ hidden?: boolean } | undefined)[];

  let at = 0;
  return {
    ok: true,
    value: {
      name,
      lastRow,
      next(): SheetRow | undefined {
        while (at <= lastRow) {
          const r = at++;
          const raw = data[r] ?? [];
          data[r] = undefined; // let the parsed cells go as rows are handed out
          const out: SheetCell[] = [];
          for (let c = 0; c < raw.length; c++) out[c] = sheetjsCell(raw[c]);
          const copied: number[] = [];
          for (const range of merges.get(r) ?? []) {
            const value = topLeft.get(`${range.s.r},${range.s.c}`);
            for (let c = range.s.c; c <= range.e.c; c++) {
              if (r === range.s.r && c === range.s.c) continue;
              out[c] = value;
              if (value !== undefined) copied.push(c);
            }
          }
          let last = out.length - 1;
          while (last >= 0 && out[last] === undefined) last--;
          if (last < 0) continue; // a blank row is not handed out
          out.length = last + 1;
          for (let c = 0; c < out.length; c++) if (!(c in out)) out[c] = undefined;
          const row: SheetRow = { row: r, cells: out };
          if (rowInfo[r]?.hidden) row.hidden = true;
          if (copied.length) row.merged = copied.sort((a, b) => a - b);
          return row;
        }
        return undefined;
      },
    },
  };
}
