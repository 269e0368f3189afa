/**
 * The task pane's spreadsheet, whatever the host: read the selected table, write the result columns
 * beside it. Excel's (Office.js, excel-io.ts) and WPS's (Application.Selection / Range.Value2,
 * addin/wps/wps-io.ts) are two implementations; the pane's logic (pane.ts, validate.ts, table.ts) is one.
 */
import { excel } from '../office-host.ts';
import { readSelection, writeResults, type Selection, type WriteOptions } from './excel-io.ts';
import type { ResultCell } from './table.ts';

export type { Selection, WriteOptions };

export interface SheetHost {
  readSelection(): Promise<Selection>;
  writeResults(selection: Selection, columns: ResultCell[][], options: WriteOptions): Promise<void>;
}

/** Excel's workbook through Office.js, when the pane runs inside Excel. */
export function excelSheetHost(): SheetHost | undefined {
  const host = excel();
  if (!host) return undefined;
  return {
    readSelection: () => readSelection(host),
    writeResults: (selection, columns, options) => writeResults(host, selection, columns, options),
  };
}
