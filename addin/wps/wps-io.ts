/**
 * The task pane's spreadsheet in WPS 表格 (a SheetHost, see ../taskpane/sheet-host.ts), through WPS's
 * synchronous object model as wpsjs's template uses it: `Application.Selection` (a Range: `Value2`, `Row`,
 * `Column`, `Rows.Count`, `Columns.Count`) to read; `Application.ActiveSheet.Range("E3:H6")` with `Value2`,
 * `NumberFormat`, `Interior.Color` (a BGR number, as in VBA) and `Columns.AutoFit()` to write.
 * `Value2` gives dates as serial numbers, which the shared table reader turns into ISO dates.
 */
import { DATE_FORMAT, MONEY_FORMAT } from '../functions/cells.ts';
import { HIGHLIGHT } from '../taskpane/table.ts';
import type { DocumentSettings, SheetHost } from '../taskpane/sheet-host.ts';

/** VBA's xlColorIndexNone: no fill. */
export const NO_FILL = -4142;

export interface WpsRange {
  Value2: unknown;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number; AutoFit(): unknown };
  NumberFormat: unknown;
  readonly Interior: { Color: number; ColorIndex: number };
}

/** A workbook's custom document properties (文件 → 属性 → 自定义), as in VBA: 1-based `Item`, `Add`. */
export interface WpsDocumentProperties {
  readonly Count: number;
  Item(index: number): { readonly Name: string; Value: unknown; Delete(): void };
  Add(name: string, linkToContent: boolean, type: number, value: unknown): unknown;
}

export interface WpsSpreadsheet {
  readonly Selection: WpsRange | null | undefined;
  readonly ActiveSheet: { Range(address: string): WpsRange } | null | undefined;
  readonly ActiveWorkbook?: { readonly CustomDocumentProperties?: WpsDocumentProperties } | null;
}

/** VBA's msoPropertyTypeString. */
export const PROPERTY_TEXT = 4;

/**
 * Text kept in the workbook as a custom document property (saved with the file, seen under 文件 → 属性).
 * Office limits a text property to 255 characters; a longer value is refused rather than cut.
 */
export function wpsDocumentSettings(application: WpsSpreadsheet): DocumentSettings | undefined {
  const properties = () => application.ActiveWorkbook?.CustomDocumentProperties ?? undefined;
  if (!properties()) return undefined;
  const find = (key: string) => {
    const all = properties();
    for (let i = 1; all && i <= all.Count; i++) {
      const property = all.Item(i);
      if (property.Name === key) return property;
    }
    return undefined;
  };
  return {
    get: async (key) => {
      const value = find(key)?.Value;
      return value === undefined || value === null ? undefined : String(value);
    },
    set: async (key, value) => {
      if (value !== undefined && value.length > 255) throw new Error('WPS: a document property holds at most 255 characters');
      const property = find(key);
      if (value === undefined) property?.Delete();
      else if (property) property.Value = value;
      else properties()?.Add(key, false, PROPERTY_TEXT, value);
    },
  };
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A rectangle by 0-based row and column (as Selection carries them) → an A1 address. */
export const addressOf = (row: number, column: number, rows: number, columns: number): string =>
  `${columnLetters(column + 1)}${row + 1}:${columnLetters(column + columns)}${row + rows}`;

/** `#RRGGBB` → the BGR number VBA's `Color` takes. */
export const bgr = (hex: string): number => {
  const n = Number.parseInt(hex.slice(1), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
};

/** `Value2` of a range → rows of cells: one cell comes as itself, more as an array of rows. */
export function valuesOf(value2: unknown, rows: number, columns: number): unknown[][] {
  if (!Array.isArray(value2)) return [[value2]];
  const grid = value2.map((row) => (Array.isArray(row) ? row : [row]));
  // A single row may come flat.
  if (rows === 1 && grid.length === columns && columns > 1) return [value2 as unknown[]];
  return grid;
}

export function wpsSheetHost(app: () => WpsSpreadsheet | undefined): SheetHost | undefined {
  const application = app();
  if (!application) return undefined;
  return {
    documentSettings: wpsDocumentSettings(application),
    async readSelection() {
      const range = application.Selection;
      if (!range || typeof range !== 'object' || !('Value2' in range)) return { values: [], rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 };
      const rowCount = range.Rows.Count;
      const columnCount = range.Columns.Count;
      return { values: valuesOf(range.Value2, rowCount, columnCount), rowIndex: range.Row - 1, columnIndex: range.Column - 1, rowCount, columnCount };
    },
    async writeResults(selection, columns, options) {
      const sheet = application.ActiveSheet;
      if (!sheet) throw new Error('WPS: no active sheet');
      const first = selection.columnIndex + selection.columnCount;
      const width = columns[0].length;
      const target = sheet.Range(addressOf(selection.rowIndex, first, columns.length, width));
      target.Value2 = columns;
      target.Columns.AutoFit();
      if (options.dateValues && columns.length > 1) sheet.Range(addressOf(selection.rowIndex + 1, first + 1, columns.length - 1, 1)).NumberFormat = DATE_FORMAT;
      // the amount (when the rule's value is money) and the difference: numbers with two decimals, as in Excel
      if (columns.length > 1) {
        const money = options.moneyValues ? 2 : 1;
        sheet.Range(addressOf(selection.rowIndex + 1, first + (options.moneyValues ? 1 : 2), columns.length - 1, money)).NumberFormat = MONEY_FORMAT;
      }
      options.statuses.forEach((status, i) => {
        const row = sheet.Range(addressOf(selection.rowIndex + 1 + i, selection.columnIndex, 1, selection.columnCount + width));
        if (status === 'ok') row.Interior.ColorIndex = NO_FILL;
        else row.Interior.Color = bgr(HIGHLIGHT[status]);
      });
    },
  };
}
