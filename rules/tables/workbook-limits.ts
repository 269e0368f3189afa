/**
 * The caps on one workbook, in one place: the reader (workbook.ts) checks them before the first row is
 * handed out, and the Worker (worker/body/limits.ts) passes its own. A size passed is a 413 whose message
 * names the size and its cap; a malformed file is a 422.
 *
 * Memory: an `.xlsx` sheet is streamed (its XML is inflated piece by piece and never held whole), so
 * what stays in memory is the body's bytes, the shared strings, the merged ranges and one row at a
 * time (and, inflated natively ahead of the reader in the Worker, a window of 1–8 MB of sheet XML), or,
 * for a sheet of plain numbers and shared strings, its cells as the first pass kept them (11 bytes a cell,
 * at most 1,500,000 cells: 16.5 MB, outside the isolate's heap; xlsx-stream.ts). An `.xls` is read whole by SheetJS, which is why its byte cap is lower.
 */
import type { TableError } from './headers.ts';

export interface WorkbookLimits {
  /** `<row>` elements in the sheet (blank ones too) or rows of an `.xls` sheet. */
  maxRows: number;
  /** The highest column holding a value, counted from A = 1. */
  maxColumns: number;
  /** Cells holding a value, in the whole sheet. */
  maxCells: number;
  /** Characters of text in one cell (an inline or a shared string); Excel itself allows 32,767. */
  maxCellText: number;
  /** Inflated bytes of the shared-string table (sharedStrings.xml): its strings are kept while the sheet is read. */
  maxSharedStringBytes: number;
  /** Inflated bytes of the sheet's XML: it is streamed, so this bounds time, not memory. */
  maxSheetBytes: number;
  /** Inflated bytes of each other part read (workbook.xml, its rels, styles.xml). */
  maxPartBytes: number;
  /** Inflated over compressed size of any part read, checked once the part has passed 1 MiB inflated. */
  maxRatio: number;
  /** Bytes of an `.xls` (read whole by SheetJS, which holds every cell of every sheet). */
  maxXlsBytes: number;
  /**
   * Cells of a sheet of plain numbers and shared strings that the first pass keeps for the second (11 bytes each,
   * outside the isolate's heap; xlsx-stream.ts): a memory bound, not a refusal. A sheet with more is read twice.
   */
  maxKeptCells: number;
}

export const DEFAULT_WORKBOOK_LIMITS: Readonly<WorkbookLimits> = Object.freeze({
  // a 100,000-row batch plus a form's title, header, totals and signature lines
  maxRows: 101_000,
  // BIFF8 (.xls) has 256 columns at most; a clerk's form has a few dozen
  maxColumns: 256,
  // 100,000 rows of 20 filled columns
  maxCells: 2_000_000,
  maxCellText: 32_767,
  maxSharedStringBytes: 32 * 1024 * 1024,
  maxSheetBytes: 256 * 1024 * 1024,
  maxPartBytes: 8 * 1024 * 1024,
  // real sheets compress 5–50×; deflate's own limit is about 1,032×
  maxRatio: 200,
  maxXlsBytes: 16 * 1024 * 1024,
  // 16.5 MB at most
  maxKeptCells: 1_500_000,
});

/** The ratio cap applies to parts past this many inflated bytes (a small part may compress very well). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Names of each size, for the refusal's message and its `field`. */
/** The limits a workbook is refused past (413); `maxKeptCells` only bounds what the reader keeps. */
export type WorkbookCap = Exclude<keyof WorkbookLimits, 'maxKeptCells'>;

const SIZES: Record<WorkbookCap, { zh: string; en: string; unit: { zh: string; en: string } }> = {
  maxRows: { zh: '工作表的行数', en: 'rows in the sheet', unit: { zh: '行', en: 'rows' } },
  maxColumns: { zh: '工作表的列数', en: 'columns in the sheet', unit: { zh: '列', en: 'columns' } },
  maxCells: { zh: '工作表中有内容的单元格数', en: 'filled cells in the sheet', unit: { zh: '个', en: 'cells' } },
  maxCellText: { zh: '一个单元格的文字长度', en: 'text in one cell', unit: { zh: '个字符', en: 'characters' } },
  maxSharedStringBytes: {
    zh: '共享字符串表（sharedStrings.xml）解压后的大小',
    en: 'inflated size of the shared strings (sharedStrings.xml)',
    unit: { zh: '字节', en: 'bytes' },
  },
  maxSheetBytes: { zh: '工作表 XML 解压后的大小', en: 'inflated size of the sheet XML', unit: { zh: '字节', en: 'bytes' } },
  maxPartBytes: { zh: '工作簿部件解压后的大小', en: 'inflated size of a workbook part', unit: { zh: '字节', en: 'bytes' } },
  maxRatio: { zh: '工作簿部件的压缩比', en: 'compression ratio of a workbook part', unit: { zh: '倍', en: '×' } },
  maxXlsBytes: { zh: '.xls 工作簿的大小', en: 'size of the .xls workbook', unit: { zh: '字节', en: 'bytes' } },
};

/** The 413 refusal for one size: `what` is the size passed; `seen` what was found (or "more than" when counting stopped at the cap). */
export function tooLarge(what: WorkbookCap, cap: number, seen?: number, part?: string): { ok: false; status: 413; error: TableError } {
  const size = SIZES[what];
  const where = part === undefined ? { zh: '', en: '' } : { zh: `（${part}）`, en: ` (${part})` };
  const found =
    seen === undefined
      ? { zh: `超过上限 ${cap} ${size.unit.zh}`, en: `more than the cap of ${cap} ${size.unit.en}` }
      : { zh: `为 ${seen} ${size.unit.zh}，超过上限 ${cap} ${size.unit.zh}`, en: `${seen} ${size.unit.en}, over the cap of ${cap} ${size.unit.en}` };
  return {
    ok: false,
    status: 413,
    error: {
      code: 'unreadable-table',
      field: what,
      message: { zh: `工作簿过大：${size.zh}${where.zh}${found.zh}`, en: `The workbook is too large: ${size.en}${where.en}: ${found.en}` },
    },
  };
}

/** The 422 refusal for a file that is not a readable workbook. */
export function malformed(zh: string, en: string, field?: string): { ok: false; status: 422; error: TableError } {
  return {
    ok: false,
    status: 422,
    error: field === undefined ? { code: 'unreadable-table', message: { zh, en } } : { code: 'unreadable-table', field, message: { zh, en } },
  };
}

/** The limits with any given ones in place of the defaults (a non-positive or non-finite figure keeps the default). */
export function workbookLimits(given?: Partial<WorkbookLimits>): WorkbookLimits {
  const out = { ...DEFAULT_WORKBOOK_LIMITS };
  for (const key of Object.keys(out) as (keyof WorkbookLimits)[]) {
    const value = given?.[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) out[key] = value;
  }
  return out;
}
