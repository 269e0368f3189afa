/**
 * The task pane's spreadsheet, whatever the host: read the selected table, write the result columns
 * beside it. Excel's (Office.js, excel-io.ts) and WPS's (Application.Selection / Range.Value2,
 * addin/wps/wps-io.ts) are two implementations; the pane's logic (pane.ts, validate.ts, table.ts) is one.
 */
import { excel, office } from '../office-host.ts';
import { readSelection, writeResults, type Selection, type WriteOptions } from './excel-io.ts';
import type { ResultCell } from './table.ts';

export type { Selection, WriteOptions };

export interface SheetHost {
  readSelection(): Promise<Selection>;
  writeResults(selection: Selection, columns: ResultCell[][], options: WriteOptions): Promise<void>;
  /** Text kept in the workbook itself (saved with the file): the clerk's column mapping. Absent when the host has none. */
  documentSettings?: DocumentSettings;
}

export interface DocumentSettings {
  get(key: string): Promise<string | undefined>;
  /** Sets a value, or removes it (`undefined`). */
  set(key: string, value: string | undefined): Promise<void>;
}

interface OfficeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message?: string } }) => void): void;
}

/** Office's document settings (`Office.context.document.settings`): kept in the workbook, saved with it. */
export function officeDocumentSettings(): DocumentSettings | undefined {
  const settings = (office()?.context as { document?: { settings?: OfficeSettings } } | undefined)?.document?.settings;
  if (!settings) return undefined;
  return {
    get: async (key) => {
      const value = settings.get(key);
      return typeof value === 'string' ? value : undefined;
    },
    set: (key, value) =>
      new Promise<void>((resolve, reject) => {
        if (value === undefined) settings.remove(key);
        else settings.set(key, value);
        settings.saveAsync((result) => (result?.status === 'failed' ? reject(new Error(result.error?.message ?? 'saveAsync failed')) : resolve()));
      }),
  };
}

/** Excel's workbook through Office.js, when the pane runs inside Excel. */
export function excelSheetHost(): SheetHost | undefined {
  const host = excel();
  if (!host) return undefined;
  return {
    readSelection: () => readSelection(host),
    writeResults: (selection, columns, options) => writeResults(host, selection, columns, options),
    documentSettings: officeDocumentSettings(),
  };
}
