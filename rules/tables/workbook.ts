/**
 * Opening a workbook's bytes: `.xlsx` (a zip) or `.xls` (an OLE compound file), as a list of sheets and
 * a sheet source per sheet (rows with merges applied and hidden rows flagged, see sheet-source.ts).
 * `.xlsx` is streamed (xlsx-stream.ts); `.xls` is read whole by SheetJS (workbook-sheetjs.ts says where
 * its limits are). Pure: bytes in, rows out; runs in workerd and in the browser. Caps in workbook-limits.ts.
 */
import type { Opened, Workbook } from './sheet-source.ts';
import { openWithSheetJS } from './workbook-sheetjs.ts';
import { openXlsxStream } from './xlsx-stream.ts';
import type { NativeInflate } from './inflate-ahead.ts';
import { malformed, workbookLimits, type WorkbookLimits } from './workbook-limits.ts';

export type { NativeInflate } from './inflate-ahead.ts';
export { DEFAULT_WORKBOOK_LIMITS, workbookLimits, type WorkbookLimits } from './workbook-limits.ts';

/** Whether bytes are a zip (`.xlsx`). */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Whether bytes are an OLE compound file (`.xls`). */
export const isOle = (bytes: Uint8Array): boolean => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/**
 * Opens a workbook; `limits` replace the defaults one by one. `native`, a native raw-deflate inflater
 * (`() => new DecompressionStream('deflate-raw')`), is for a caller that awaits the workbook's `prepare`
 * and `readAhead` (the Worker): an `.xlsx` is then inflated by it, ahead of the reader.
 */
export function openWorkbook(bytes: Uint8Array, limits?: Partial<WorkbookLimits>, native?: NativeInflate): Opened<Workbook> {
  const caps = workbookLimits(limits);
  if (isZip(bytes)) return openXlsxStream(bytes, caps, native);
  if (isOle(bytes)) return openWithSheetJS(bytes, caps, true);
  return malformed('请求体不是 Excel 工作簿（.xlsx 或 .xls）', 'The body is not an Excel workbook (.xlsx or .xls)', 'body');
}
