/**
 * The streamed `.xlsx` reader: from the zip it inflates only the parts it needs (the package's and the
 * workbook's rels, workbook.xml, styles.xml for date formats, sharedStrings.xml, and the one sheet),
 * each piece by piece under the caps of workbook-limits.ts. The sheet's XML is read twice, never held
 * whole: a first pass counts rows, cells and columns, notes hidden rows and reads `<mergeCells>` (which
 * come after the rows), so every cap is checked before the first row is handed out; the second pass
 * hands out rows one at a time with merged ranges applied. When every cell is a plain number or shared
 * string (a clerk's table), the first pass keeps them compactly (KeptCells) and the second reads them from
 * there: the sheet is inflated and scanned once.
 *
 * Inflating: fflate, synchronously (zip-entries.ts), unless the workbook is opened with a native
 * inflater (the Worker): then `prepare` reads the shared strings and the first pass, and `readAhead`
 * the second pass, with it (inflate-ahead.ts), a window of pieces ahead of this same synchronous reader.
 * One sheet is read ahead at a time: preparing another (the form reader moving on to the next sheet)
 * lets the one before go.
 */
import { LAST_EXCEL_SERIAL } from '../core/dates.ts';
import type { Opened, SheetCell, SheetInfo, SheetRow, SheetSource, Workbook } from './sheet-source.ts';
import { malformed, tooLarge, type WorkbookLimits } from './workbook-limits.ts';
import { noSheet } from './workbook-sheets.ts';
import { readSharedStrings, SharedStrings, SharedStringsReader } from './shared-strings.ts';
import type { InflateAhead, NativeInflate } from './inflate-ahead.ts';
import { CELL_EMPTY, CELL_INLINE_STR, CELL_STR, CELL_VALUE, CLOSE, END, OPEN, TEXT, unescapeXml, XmlScanner } from './xml-scan.ts';
import { Refused, ZipReader, type Pieces, type ZipEntry } from './zip-entries.ts';
import { objectList } from './object-list.ts';

const utf8 = new TextDecoder('utf-8');

/** A whole small part (rels, workbook.xml, styles.xml) as text, DOCTYPE refused. */
function partText(zip: ZipReader, entry: ZipEntry, limits: WorkbookLimits): string {
  const pull = zip.pieces(entry, limits.maxPartBytes, 'maxPartBytes', limits);
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (let piece = pull(); piece; piece = pull()) (pieces.push(piece), (size += piece.length));
  const all = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) (all.set(piece, at), (at += piece.length));
  const text = utf8.decode(all);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new Refused(
      malformed(
        '无法读取该工作簿（.xlsx）：XML 含有 DOCTYPE 或 ENTITY 声明，不予读取',
        'The workbook (.xlsx) cannot be read: its XML declares a DOCTYPE or ENTITY, which is refused',
        'body',
      ),
    );
  }
  return text;
}

/** Attributes of each `<name …>` element in a small part's text. */
function elements(text: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const tag = new RegExp(`<(?:[\\w.-]+:)?${name}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  for (const match of text.matchAll(tag)) {
    const attrs: Record<string, string> = Object.create(null);
    for (const a of match[1].matchAll(/([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      // by its full name (`r:id`) and, unless taken, by its local name (`id`)
      const value = unescapeXml(a[3] ?? a[4] ?? '', false);
      attrs[a[1]] = value;
      const local = a[1].slice(a[1].indexOf(':') + 1);
      if (!(local in attrs)) attrs[local] = value;
    }
    out.push(attrs);
  }
  return out;
}

/** A rels part: target paths by id, resolved against `base` (the folder of the part they belong to). */
function rels(text: string, base: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const r of elements(text, 'Relationship')) {
    if (r.TargetMode === 'External' || !r.Id || !r.Target) continue;
    out.set(r.Id, { type: r.Type ?? '', target: resolve(base, r.Target) });
  }
  return out;
}

function resolve(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the CJK ids 27–36 and 50–58). */
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format shows a date or a time (as SheetJS decides it, so both readers agree). */
export function isDateFormat(format: string): boolean {
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    switch (c) {
      case 'G':
        if (format.slice(i, i + 7).toLowerCase() === 'general') i += 6;
        i++;
        break;
      case '"':
        while (format.charCodeAt(++i) !== 34 && i < format.length);
        i++;
        break;
      case '\\':
      case '_':
        i += 2;
        break;
      case '@':
        i++;
        break;
      case 'B':
      case 'b':
        if (format[i + 1] === '1' || format[i + 1] === '2') return true;
        return true;
      case 'M':
      case 'D':
      case 'Y':
      case 'H':
      case 'S':
      case 'E':
      case 'm':
      case 'd':
      case 'y':
      case 'h':
      case 's':
      case 'e':
      case 'g':
        return true;
      case 'A':
      case 'a':
      case '上':
        if (format.slice(i, i + 3).toUpperCase() === 'A/P' || format.slice(i, i + 5).toUpperCase() === 'AM/PM' || format.slice(i, i + 5) === '上午/下午')
          return true;
        i++;
        break;
      case '[': {
        let o = c;
        while (format[i++] !== ']' && i < format.length) o += format[i];
        if (/\[[HhMmSs]*\]/.test(o)) return true;
        break;
      }
      case '.':
      case '0':
      case '#': {
        let d: string = c;
        while (i < format.length && ('0#?.,E+-%'.includes((d = format[++i])) || (d === '\\' && format[i + 1] === '-' && '0#'.includes(format[i + 2] ?? ''))));
        break;
      }
      case '?':
        while (format[++i] === c);
        break;
      case '*':
        i++;
        if (format[i] === ' ' || format[i] === '*') i++;
        break;
      default:
        i++;
    }
  }
  return false;
}

/** Which cell styles (`s`, an index into `<cellXfs>`) show dates. */
function dateStyles(text: string): boolean[] {
  const custom = new Map<number, string>();
  for (const f of elements(text, 'numFmt')) custom.set(Number(f.numFmtId), f.formatCode ?? '');
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(text)?.[0] ?? '';
  return elements(cellXfs, 'xf').map((xf) => {
    const id = Number(xf.numFmtId ?? 0);
    const format = custom.get(id);
    return format !== undefined ? isDateFormat(format) : DATE_IDS.has(id);
  });
}

/** Column index (A = 0) of a cell reference like `AB12`; −1 when it has no letters. */
function columnOf(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 32;
    if (code < 97 || code > 122) break;
    c = c * 26 + (code - 96);
    if (c > 1_000_000) return c;
  }
  return i === 0 ? -1 : c - 1;
}

/** Row index (0-based) of a cell reference like `AB12`. */
function rowOfRef(ref: string): number {
  const digits = /\d+$/.exec(ref);
  return digits ? Number(digits[0]) - 1 : -1;
}

/**
 * A date's serial (1900 or 1904 system) as `YYYY-MM-DD`, as SheetJS gives it; undefined outside Excel's own
 * dates (before its first day, after 9999-12-31), which no spreadsheet shows as a date: the cell stays its number.
 */
function isoDate(serial: number, date1904: boolean): string | undefined {
  let days = Math.floor(serial + 1e-9);
  if (date1904) days += 1462;
  else if (days < 60) days += 1; // Excel's 1900-02-29 that never was
  if (!(days >= 0 && days <= LAST_EXCEL_SERIAL)) return undefined;
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

interface Part {
  entry: ZipEntry;
}

interface Book {
  zip: ZipReader;
  limits: WorkbookLimits;
  sheets: (SheetInfo & { path: string })[];
  date1904: boolean;
  styles?: Part;
  strings?: Part;
  /** The shared strings, once read ahead (prepareSheet). */
  table?: SharedStrings;
  /** Sheets read ahead by prepareSheet, until opened. */
  prepared: Map<string, { opened: Opened<SheetSource>; reading?: InflateAhead }>;
  /** The second pass of the sheet opened last, when it is inflated ahead. */
  reading?: InflateAhead;
}

const notWorkbook = (en: string) => new Refused(malformed(`无法读取该工作簿（.xlsx）：${en}`, `The workbook (.xlsx) cannot be read: ${en}`, 'body'));

function entryOf(zip: ZipReader, path: string): ZipEntry | undefined {
  return zip.find(path);
}

function openBook(bytes: Uint8Array, limits: WorkbookLimits): Book {
  const zip = new ZipReader(bytes);
  const rootRels = entryOf(zip, '_rels/.rels');
  let workbookPath = 'xl/workbook.xml';
  if (rootRels) {
    for (const r of rels(partText(zip, rootRels, limits), '').values()) if (r.type.endsWith('/officeDocument')) workbookPath = r.target;
  }
  const workbookEntry = entryOf(zip, workbookPath);
  if (!workbookEntry) throw notWorkbook('it has no workbook part (xl/workbook.xml)');
  const base = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const relsEntry = entryOf(zip, `${base}_rels/${workbookPath.slice(base.length)}.rels`);
  const links = relsEntry ? rels(partText(zip, relsEntry, limits), base) : new Map<string, { type: string; target: string }>();
  const text = partText(zip, workbookEntry, limits);
  const pr = elements(text, 'workbookPr')[0];
  const date1904 = pr?.date1904 === '1' || pr?.date1904 === 'true';
  const sheets: (SheetInfo & { path: string })[] = [];
  for (const s of elements(text, 'sheet')) {
    const target = links.get(s['r:id'] ?? s.id ?? '')?.target;
    if (s.name === undefined || target === undefined) continue;
    sheets.push(s.state === 'hidden' || s.state === 'veryHidden' ? { name: s.name, hidden: true, path: target } : { name: s.name, path: target });
  }
  let styles: Part | undefined;
  let strings: Part | undefined;
  for (const r of links.values()) {
    const entry = r.type.endsWith('/styles') ? entryOf(zip, r.target) : r.type.endsWith('/sharedStrings') ? entryOf(zip, r.target) : undefined;
    if (!entry) continue;
    if (r.type.endsWith('/styles')) styles = { entry };
    else strings = { entry };
  }
  return { zip, limits, sheets, date1904, styles, strings, prepared: new Map() };
}

/** The shared strings (shared-strings.ts), read piece by piece: the part's XML is never held. */
function sharedStrings(book: Book): SharedStrings {
  const { limits } = book;
  if (book.table) return book.table;
  if (!book.strings) return new SharedStrings(limits);
  return readSharedStrings(stringsScanner(book.zip.pieces(book.strings.entry, limits.maxSharedStringBytes, 'maxSharedStringBytes', limits), limits), limits);
}

const stringsScanner = (pull: () => Uint8Array | undefined, limits: WorkbookLimits) =>
  new XmlScanner(pull, Math.max(1 << 20, limits.maxCellText * 10), () => new Refused(tooLarge('maxCellText', limits.maxCellText)));

interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  value?: SheetCell;
}

interface RawRow {
  row: number;
  hidden: boolean;
  cells: SheetCell[];
  /** The highest column holding a value + 1, and the count of cells holding one. */
  width: number;
  filled: number;
}

/** A cell's value from what the XML holds: a shared string by its index, a number or the date its style shows. */
class CellValues {
  /** The shared strings, and which cell styles show dates (the first pass checks cells against them too). */
  readonly strings: SharedStrings;
  readonly dates: boolean[];
  private readonly date1904: boolean;
  private readonly isoDates = new Map<number, string>();

  constructor(strings: SharedStrings, dates: boolean[], date1904: boolean) {
    this.strings = strings;
    this.dates = dates;
    this.date1904 = date1904;
  }

  sharedString(index: number): string {
    const text = this.strings.at(index);
    if (text === undefined) throw badSheet(`shared string ${index} does not exist`);
    return text;
  }

  /** A number cell's value: the number, or its ISO date when its style shows a date; undefined when empty (a non-number was refused in the first pass). */
  numberValue(n: number, style: number): SheetCell {
    if (Number.isNaN(n)) return undefined;
    return this.dates[style] ? this.date(n) : n;
  }

  /** A date-styled number's ISO date, or the number outside Excel's dates. */
  date(n: number): SheetCell {
    let iso = this.isoDates.get(n);
    if (iso === undefined) {
      iso = isoDate(n, this.date1904);
      if (iso === undefined) return n;
      if (this.isoDates.size < 10_000) this.isoDates.set(n, iso);
    }
    return iso;
  }
}

/** How a kept cell's value is read: a number, a number whose style shows a date, a shared string's index. */
const NUMBER_CELL = 0;
const DATE_CELL = 1;
const SHARED_CELL = 2;

/** Cells kept a block at a time (the most kept: `maxKeptCells`, 11 bytes each, outside the isolate's heap). */
const KEPT_BLOCK_BITS = 16;
const KEPT_BLOCK = 1 << KEPT_BLOCK_BITS;

/**
 * The cells of a sheet as its first pass reads them, kept so that the second pass need not inflate and
 * scan the sheet's XML again, when every value is a plain number or shared string (as a clerk's table
 * is): each cell's column, how it is read, and its number or index, in typed arrays a block at a time;
 * each row's number, whether it is hidden, and where its cells end. A sheet with any other cell (text
 * inline or from a formula, a yes/no, an error, a cell written unusually), or with more than `maxKeptCells`
 * cells, is read again as before: the first pass lets its kept cells go.
 */
class KeptCells {
  cells = 0;
  private readonly columns: (Uint16Array | undefined)[] = objectList();
  private readonly kinds: (Uint8Array | undefined)[] = objectList();
  private readonly values: (Float64Array | undefined)[] = objectList();
  rows = 0;
  private rowNumbers = new Int32Array(1024);
  private rowEnds = new Int32Array(1024);
  private hidden = new Uint8Array(1024);
  private readonly most: number;

  constructor(limits: WorkbookLimits) {
    this.most = Math.min(limits.maxKeptCells, limits.maxCells);
  }

  /** Past the most kept: the cells are let go. */
  get full(): boolean {
    return this.cells > this.most;
  }

  /** The block being filled. */
  private lastColumns = new Uint16Array(0);
  private lastKinds = new Uint8Array(0);
  private lastValues = new Float64Array(0);

  add(column: number, kind: number, value: number): void {
    const at = this.cells & (KEPT_BLOCK - 1);
    if (at === 0) {
      this.columns.push((this.lastColumns = new Uint16Array(KEPT_BLOCK)));
      this.kinds.push((this.lastKinds = new Uint8Array(KEPT_BLOCK)));
      this.values.push((this.lastValues = new Float64Array(KEPT_BLOCK)));
    }
    this.lastColumns[at] = column;
    this.lastKinds[at] = kind;
    this.lastValues[at] = value;
    this.cells++;
  }

  /** Ends a row: the cells added since the last one are its. */
  endRow(row: number, hidden: boolean): void {
    if (this.rows === this.rowNumbers.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
      this.rowNumbers = grow(this.rowNumbers, new Int32Array(this.rows * 2));
      this.rowEnds = grow(this.rowEnds, new Int32Array(this.rows * 2));
      this.hidden = grow(this.hidden, new Uint8Array(this.rows * 2));
    }
    this.rowNumbers[this.rows] = row;
    this.rowEnds[this.rows] = this.cells;
    this.hidden[this.rows] = hidden ? 1 : 0;
    this.rows++;
  }

  /** The rows, one at a time, as the second pass would read them from the XML (each block let go once read). */
  reader(values: CellValues): RowReader {
    return new KeptRows(this, values);
  }

  /** The blocks of cells, to KeptRows. */
  blocks(): { columns: (Uint16Array | undefined)[]; kinds: (Uint8Array | undefined)[]; values: (Float64Array | undefined)[] } {
    return { columns: this.columns, kinds: this.kinds, values: this.values };
  }

  /** Row `i`'s number, whether it is hidden, and where its cells end. */
  rowNumber(i: number): number {
    return this.rowNumbers[i];
  }
  rowHidden(i: number): boolean {
    return this.hidden[i] === 1;
  }
  rowEnd(i: number): number {
    return this.rowEnds[i];
  }
}

/** The rows of KeptCells, as the second pass would read them from the XML. */
class KeptRows implements RowReader {
  private row = 0;
  private cell = 0;
  /** Blocks before this one have been read and let go. */
  private read = 0;
  private readonly kept: KeptCells;
  private readonly values: CellValues;
  private readonly columns: (Uint16Array | undefined)[];
  private readonly kinds: (Uint8Array | undefined)[];
  private readonly numbers: (Float64Array | undefined)[];

  constructor(kept: KeptCells, values: CellValues) {
    this.kept = kept;
    this.values = values;
    const blocks = kept.blocks();
    this.columns = blocks.columns;
    this.kinds = blocks.kinds;
    this.numbers = blocks.values;
  }

  /** Lets go the blocks before `block`, all read: `block`. */
  private enter(block: number): number {
    for (; this.read < block; this.read++) this.columns[this.read] = this.kinds[this.read] = this.numbers[this.read] = undefined;
    return block;
  }

  nextRow(): RawRow | undefined {
    const kept = this.kept;
    const row = this.row;
    if (row >= kept.rows) return undefined;
    this.row = row + 1;
    const end = kept.rowEnd(row);
    const cells: SheetCell[] = [];
    const out: RawRow = { row: kept.rowNumber(row), hidden: kept.rowHidden(row), cells, width: 0, filled: 0 };
    let cell = this.cell;
    if (cell === end) return out;
    const values = this.values;
    let block = this.enter(cell >>> KEPT_BLOCK_BITS);
    let columns = this.columns[block]!;
    let kinds = this.kinds[block]!;
    let numbers = this.numbers[block]!;
    for (; cell < end; cell++) {
      const at = cell & (KEPT_BLOCK - 1);
      if (at === 0 && cell >>> KEPT_BLOCK_BITS !== block) {
        block = this.enter(cell >>> KEPT_BLOCK_BITS);
        columns = this.columns[block]!;
        kinds = this.kinds[block]!;
        numbers = this.numbers[block]!;
      }
      const c = columns[at];
      const kind = kinds[at];
      const v = numbers[at];
      // cells before it left empty, not holes (as the second pass builds a row)
      while (cells.length < c) cells.push(undefined);
      cells[c] = kind === SHARED_CELL ? values.sharedString(v) : kind === DATE_CELL ? values.date(v) : v;
    }
    this.cell = cell;
    return out;
  }
}

/** A sheet's rows one at a time, undefined at its end. */
interface RowReader {
  nextRow(): RawRow | undefined;
}

/** Reads the sheet's rows from its XML, one `<row>` at a time; merge refs are handed to `onMerge`. */
class SheetScan implements RowReader {
  private readonly scan: XmlScanner;
  private lastRow = -1;
  private readonly limits: WorkbookLimits;
  private readonly values: CellValues;
  /** The first pass: cells are checked and counted, their values not built. */
  private readonly counting: boolean;
  private readonly onMerge?: (ref: string) => void;
  /** Set when a cell's content ran into its row's end tag. */
  private rowEnded = false;
  /** The kind of the cell being read (cellColumn). */
  private type = NUMBER;
  /** The first pass: the cells kept for the second (KeptCells), until one is not a plain number or shared string. */
  kept: KeptCells | undefined;

  constructor(pull: () => Uint8Array | undefined, limits: WorkbookLimits, values: CellValues, counting: boolean, onMerge?: (ref: string) => void) {
    this.limits = limits;
    this.values = values;
    this.counting = counting;
    this.onMerge = onMerge;
    this.scan = new XmlScanner(pull, Math.max(1 << 20, limits.maxCellText * 10), () => new Refused(tooLarge('maxCellText', limits.maxCellText)));
    if (counting) this.kept = new KeptCells(limits);
  }

  /** Lets the kept cells go: the second pass reads the sheet's XML again. */
  private giveUpKeeping(): void {
    this.kept = undefined;
  }

  /** The next `<row>`, or undefined at the end of the sheet. */
  nextRow(): RawRow | undefined {
    const scan = this.scan;
    for (let kind = scan.nextMarkup(); kind !== END; kind = scan.nextMarkup()) {
      if (kind !== OPEN) continue;
      if (scan.is('row')) return this.row();
      if (scan.is('mergeCell')) {
        const ref = scan.attr('ref');
        if (ref !== undefined) this.onMerge?.(ref);
      } else if (!scan.selfClosing && !scan.is('sheetData') && !scan.is('worksheet') && !scan.is('mergeCells')) scan.skipElement();
    }
    return undefined;
  }

  private row(): RawRow {
    const scan = this.scan;
    const r = scan.attrInt('r');
    const row = r === -1 ? this.lastRow + 1 : r - 1;
    if (r === -2 || row < 0 || row <= this.lastRow) throw badSheet(`row number ${scan.attr('r')}`);
    this.lastRow = row;
    const hidden = scan.has('hidden') && (scan.valueIs('1') || scan.valueIs('true'));
    const out: RawRow = { row, hidden, cells: [], width: 0, filled: 0 };
    if (scan.selfClosing) {
      this.kept?.endRow(row, hidden);
      return out;
    }
    if (this.counting) {
      this.countRow(out);
      this.kept?.endRow(row, hidden);
      return out;
    }
    let column = -1;
    const cells = out.cells;
    for (;;) {
      const read = scan.cell();
      if (read === 0) {
        if (scan.rowEnd()) return out;
        const kind = scan.next();
        if (kind === END) break;
        if (kind === CLOSE) {
          if (scan.is('row')) return out;
          continue;
        }
        if (kind !== OPEN || !scan.is('c')) continue;
        scan.cellAttributes();
      }
      const c = this.cellColumn(column);
      column = c;
      let value: SheetCell;
      if (read === CELL_VALUE) {
        const int = scan.cellInt;
        value = this.type === SHARED ? this.sharedString(int >= 0 ? int : asIndex(scan)) : this.numberValue(int >= 0 ? int : scan.number(), scan.cellStyle);
      } else {
        if (scan.selfClosing) continue;
        const type = this.type;
        const style = scan.cellStyle;
        value =
          read === 0 && (type === NUMBER || type === SHARED) && scan.plainValue()
            ? type === SHARED
              ? this.sharedString(asIndex(scan))
              : this.numberValue(scan.number(), style)
            : this.cellValue(type, style);
      }
      if (value !== undefined) {
        out.filled++;
        // cells before it left empty, not holes
        while (cells.length < c) cells.push(undefined);
        cells[c] = value;
        if (c + 1 > out.width) out.width = c + 1;
      }
      if (this.rowEnded) {
        // a cell left open ends with its row, as the first pass reads it
        this.rowEnded = false;
        return out;
      }
    }
    throw badSheet('a row is not closed');
  }

  /** The kind (`type`) of the `<c>` just read (its attributes read by the scanner), and its column: its `r`'s, else the one after `previous`. */
  private cellColumn(previous: number): number {
    const scan = this.scan;
    const column = scan.cellColumn;
    const c = column === -2 ? previous + 1 : column;
    if (c < 0 || c >= 16_384) throw badSheet(`cell reference ${scan.cellR >= 0 ? scan.textAt(scan.cellR, scan.cellREnd) : undefined}`);
    this.type = cellType(scan);
    return c;
  }

  /**
   * The first pass over a row: tags only (text is skipped unless it must be checked), so every cell with
   * a value is counted with its column, shared-string indexes and numbers are checked, and text that
   * could pass the cap is measured; nothing is built.
   */
  private countRow(out: RawRow): RawRow {
    const scan = this.scan;
    let column = -1;
    let type = NUMBER;
    /** The column last counted (a cell counts once, however many values it holds). */
    let counted = -1;
    /** Keeping cells: the `<c>` whose content is being read token by token (−1: none), and whether its value was kept. */
    let open = -1;
    let keptOne = false;
    for (;;) {
      const read = scan.cell();
      if (read === 0) {
        if (scan.rowEnd()) return out;
        const kind = scan.nextMarkup();
        if (kind === END) break;
        if (kind === CLOSE) {
          if (scan.is('row')) return out;
          if (scan.is('c')) open = -1;
          continue;
        }
        if (kind !== OPEN) continue;
        if (!scan.is('c')) {
          // keeping cells: a value read token by token is kept when it is the one plain `<v>` of a number or shared-string cell (one cut across two pieces)
          let keeping = false;
          if (this.kept && (scan.is('v') || scan.is('is'))) {
            if (open < 0 || keptOne || scan.selfClosing || !scan.is('v')) this.giveUpKeeping();
            else keeping = true;
          }
          if (this.countOther(type) && counted !== column) {
            counted = column;
            out.filled++;
            if (column + 1 > out.width) out.width = column + 1;
          }
          // (an empty `<v></v>` holds no value)
          if (keeping && this.kept && scan.kind === TEXT) {
            // kept before looking past the text (which may read the next piece), let go unless `</v>` follows
            this.keep(type, column, -1);
            keptOne = true;
            if (!scan.closesValue()) this.giveUpKeeping();
          }
          continue;
        }
        scan.cellAttributes();
      }
      column = this.cellColumn(column);
      type = this.type;
      if (open >= 0 && this.kept) this.giveUpKeeping(); // a cell within a cell
      open = -1;
      if (read === CELL_VALUE || (read === 0 && !scan.selfClosing && (type === SHARED || type === NUMBER) && scan.plainValue())) {
        // plain digits (read by the scanner) are a number, or a shared string when the table has it; anything else is checked here
        const int = read === CELL_VALUE ? scan.cellInt : -1;
        if (int < 0 || (type === SHARED && !this.values.strings.has(int))) this.checkValue(type);
        if (counted !== column) {
          counted = column;
          out.filled++;
          if (column + 1 > out.width) out.width = column + 1;
        }
        if (this.kept) this.keep(type, column, int);
      } else if (this.kept && read !== CELL_EMPTY && !scan.selfClosing) {
        // a cell whose content follows: kept when it is a number or shared string with one plain `<v>`
        if (type === NUMBER || type === SHARED) ((open = column), (keptOne = false));
        else this.giveUpKeeping();
      }
    }
    throw badSheet('a row is not closed');
  }

  /** Keeps the value just read (the current text, or `int` when it was plain digits), as the second pass would read it. */
  private keep(type: number, column: number, int: number): void {
    const scan = this.scan;
    const kept = this.kept!;
    if (type === SHARED) kept.add(column, SHARED_CELL, int >= 0 ? int : asIndex(scan));
    else kept.add(column, this.values.dates[scan.cellStyle] ? DATE_CELL : NUMBER_CELL, int >= 0 ? int : scan.number());
    if (kept.full) this.giveUpKeeping();
  }

  /** The first pass over a tag other than a `<c>` inside a row: a `<v>` or an `<is>` checks the cell's value; true when the cell holds one (it is counted). */
  private countOther(type: number): boolean {
    const scan = this.scan;
    const { limits } = this;
    if (scan.is('v')) {
      if (scan.selfClosing) return false;
      const text = scan.next() === TEXT;
      if (type === SHARED || type === NUMBER) {
        if (!text) return false; // an empty cell has no value
        this.checkValue(type);
      } else if (text && scan.length > limits.maxCellText) {
        const value = scan.text();
        if (value.length > limits.maxCellText) throw new Refused(tooLarge('maxCellText', limits.maxCellText, value.length));
      }
      return true;
    }
    if (scan.is('is')) {
      if (!scan.selfClosing) this.inlineText(true);
      return true;
    }
    return false;
  }

  /** Checks the current text, a `<v>`'s, as a shared-string index or a number (the first pass). */
  private checkValue(type: number): void {
    const scan = this.scan;
    if (type === SHARED) {
      if (!this.values.strings.has(asIndex(scan))) throw badSheet(`shared string ${scan.ascii().slice(0, 12)} does not exist`);
    } else if (Number.isNaN(scan.number())) throw badSheet(`a number cell holds ${scan.text().slice(0, 20)}`);
  }

  /** Reads an `<is>` up to `</is>`: its text (runs joined, phonetic runs left out), checked against the cap; while counting, decoded only when its bytes could pass it. */
  private inlineText(counting: boolean): string {
    const scan = this.scan;
    const cap = this.limits.maxCellText;
    let text = '';
    let bytes = 0;
    let inT = false;
    let phonetic = 0;
    for (let kind = scan.next(); kind !== END; kind = scan.next()) {
      if (kind === TEXT) {
        if (!inT || phonetic) continue;
        bytes += scan.length;
        // a text's characters never outnumber its bytes
        if (!counting || bytes > cap) text = text === '' ? scan.text() : text + scan.text();
        if (text.length > cap) throw new Refused(tooLarge('maxCellText', cap, text.length));
      } else if (kind === OPEN) {
        if (scan.is('t')) inT = !scan.selfClosing;
        else if (scan.is('rPh')) phonetic += scan.selfClosing ? 0 : 1;
      } else if (scan.is('is')) return text;
      else if (scan.is('t')) inT = false;
      else if (scan.is('rPh')) phonetic--;
    }
    throw badSheet('an inline string is not closed');
  }

  /** Reads a `<c>`'s content up to `</c>` token by token (a plain value is read by the caller): its value by type (the second pass). */
  private cellValue(type: number, style: number): SheetCell {
    const scan = this.scan;
    const cap = this.limits.maxCellText;
    let raw: string | undefined;
    let number = NaN;
    let index = -1;
    let inline: string | undefined;
    let inT = false;
    let phonetic = 0;
    let where = 0; // 1 in <v>, 2 in <is>, 3 in <f>
    for (let kind = scan.next(); kind !== END; kind = scan.next()) {
      if (kind === TEXT) {
        if (where === 1) {
          if (type === SHARED) index = asIndex(scan);
          else if (type === NUMBER) {
            number = scan.number();
            raw = '';
          } else raw = (raw ?? '') + (type === BOOLEAN ? scan.ascii() : scan.text());
          if (raw !== undefined && raw.length > cap) throw new Refused(tooLarge('maxCellText', cap, raw.length));
        } else if (where === 2 && inT && phonetic === 0) {
          inline = (inline ?? '') + scan.text();
          if (inline.length > cap) throw new Refused(tooLarge('maxCellText', cap, inline.length));
        }
      } else if (kind === OPEN) {
        if (scan.is('v')) {
          where = scan.selfClosing ? 0 : 1;
          raw ??= type === SHARED ? undefined : '';
          if (type === SHARED && scan.selfClosing) index = -2;
        } else if (scan.is('is')) {
          where = scan.selfClosing ? 0 : 2;
          inline ??= '';
        } else if (scan.is('t')) inT = where === 2 && !scan.selfClosing;
        else if (scan.is('rPh')) phonetic += scan.selfClosing ? 0 : 1;
        else if (scan.is('f')) where = scan.selfClosing ? 0 : 3;
      } else if (kind === CLOSE) {
        if (scan.is('c')) break;
        if (scan.is('row')) {
          this.rowEnded = true;
          break;
        }
        if (scan.is('v') || scan.is('is') || scan.is('f')) where = 0;
        else if (scan.is('t')) inT = false;
        else if (scan.is('rPh')) phonetic--;
      }
    }
    switch (type) {
      case SHARED:
        return index === -1 ? undefined : this.sharedString(index);
      case INLINE:
        return inline;
      case FORMULA_TEXT:
      case ERROR:
        return raw;
      case BOOLEAN:
        return raw === undefined ? undefined : raw.trim() === '1' || raw.trim() === 'true';
      case ISO_DATE:
        return raw === undefined ? undefined : raw.slice(0, 10);
      default:
        return raw === undefined ? undefined : this.numberValue(number, style);
    }
  }

  private sharedString(index: number): string {
    return this.values.sharedString(index);
  }

  private numberValue(n: number, style: number): SheetCell {
    return this.values.numberValue(n, style);
  }
}

const NUMBER = 0;
const SHARED = 1;
const INLINE = 2;
const FORMULA_TEXT = 3;
const BOOLEAN = 4;
const ERROR = 5;
const ISO_DATE = 6;

/** A `<c>` element's kind, from its `t` attribute (a number when there is none); an unknown kind is refused. */
function cellType(scan: XmlScanner): number {
  switch (scan.cellType) {
    case 0:
    case 110: // n
      return NUMBER;
    case 115: // s
      return SHARED;
    case 98: // b
      return BOOLEAN;
    case 101: // e
      return ERROR;
    case 100: // d
      return ISO_DATE;
    case CELL_STR:
      return FORMULA_TEXT;
    case CELL_INLINE_STR:
      return INLINE;
    default:
      throw badSheet(`cell type ${scan.textAt(scan.cellT, scan.cellTEnd)}`);
  }
}

/** A `<v>` of a shared-string cell as its index (−2 when it is not one). */
function asIndex(scan: XmlScanner): number {
  const n = scan.number();
  return Number.isInteger(n) && n >= 0 ? n : -2;
}

const badSheet = (what: string) =>
  new Refused(malformed(`无法读取该工作簿（.xlsx）：工作表有误（${what}）`, `The workbook (.xlsx) cannot be read: the sheet is malformed (${what})`, 'body'));

const rangeOf = (ref: string): Merge | undefined => {
  const [a, b = a] = ref.split(':');
  const m = { r0: rowOfRef(a), c0: columnOf(a), r1: rowOfRef(b), c1: columnOf(b) };
  return m.r0 < 0 || m.c0 < 0 || m.r1 < m.r0 || m.c1 < m.c0 ? undefined : m;
};

/** What a sheet's rows are read with: its entry, which styles show dates, and the shared strings. */
interface SheetParts {
  entry: ZipEntry;
  dates: boolean[];
  strings: SharedStrings;
}

function sheetEntry(book: Book, info: SheetInfo & { path: string }): ZipEntry {
  const entry = entryOf(book.zip, info.path);
  if (!entry) throw notWorkbook(`sheet ${info.name} has no part ${info.path}`);
  return entry;
}

const dateStylesOf = (book: Book) => (book.styles ? dateStyles(partText(book.zip, book.styles.entry, book.limits)) : []);

/** The first pass over a sheet: counts, hidden rows, merged ranges; every cap is checked here (a cap passed is thrown). */
class FirstPass {
  readonly merges: Merge[] = [];
  cells = 0;
  columns = 0;
  lastRow = -1;
  readonly filledRows: number[] = [];
  private rows = 0;
  private mergeRefs = 0;
  private readonly scan: SheetScan;
  private readonly limits: WorkbookLimits;
  /** How cells' values are read (shared by the second pass: its date cache too). */
  readonly values: CellValues;

  constructor(pull: () => Uint8Array | undefined, limits: WorkbookLimits, parts: SheetParts, date1904: boolean) {
    this.limits = limits;
    this.values = new CellValues(parts.strings, parts.dates, date1904);
    this.scan = new SheetScan(pull, limits, this.values, true, (ref) => {
      if (++this.mergeRefs > limits.maxCells) throw new Refused(tooLarge('maxCells', limits.maxCells));
      const m = rangeOf(ref);
      if (m) this.merges.push(m);
    });
  }

  /** The second pass's rows: from the kept cells, or else from the sheet's XML read again by `pull` (called only then). */
  secondRows(pull: () => () => Uint8Array | undefined): RowReader {
    const kept = this.scan.kept;
    return kept ? kept.reader(this.values) : new SheetScan(pull(), this.limits, this.values, false);
  }

  /** Reads rows to the sheet's end (true), or until `pause()`, asked before each row, says to stop (false). */
  read(pause?: () => boolean): boolean {
    const { limits } = this;
    for (;;) {
      if (pause?.()) return false;
      const row = this.scan.nextRow();
      if (!row) return true;
      if (++this.rows > limits.maxRows) throw new Refused(tooLarge('maxRows', limits.maxRows));
      this.cells += row.filled;
      if (this.cells > limits.maxCells) throw new Refused(tooLarge('maxCells', limits.maxCells));
      if (row.width > this.columns) this.columns = row.width;
      if (this.columns > limits.maxColumns) throw new Refused(tooLarge('maxColumns', limits.maxColumns, this.columns));
      if (row.filled) {
        this.lastRow = row.row;
        this.filledRows.push(row.row);
      }
    }
  }
}

/** Lets go the rows inflated ahead for the sheet opened last and for every sheet prepared but not opened, but for `keep`'s. */
function letGo(book: Book, keep?: string): void {
  book.reading?.cancel();
  book.reading = undefined;
  for (const [name, other] of book.prepared) if (name !== keep) other.reading?.cancel();
  book.prepared.clear();
}

function openSheet(book: Book, info: SheetInfo & { path: string }): Opened<SheetSource> {
  const prepared = book.prepared.get(info.name);
  // a sheet read ahead by prepareSheet is handed out once; the sheet opened before, or another one read ahead, is let go
  letGo(book, info.name);
  if (prepared) {
    book.reading = prepared.reading;
    return prepared.opened;
  }
  const { zip, limits } = book;
  const entry = sheetEntry(book, info);
  const parts: SheetParts = { entry, dates: dateStylesOf(book), strings: sharedStrings(book) };
  const pull = () => zip.pieces(entry, limits.maxSheetBytes, 'maxSheetBytes', limits);
  const first = new FirstPass(pull(), limits, parts, book.date1904);
  first.read();
  return secondPass(book, info, first.secondRows(pull), first);
}

/** Bytes inflated ahead of the reader: it pauses for more when fewer than LOW_AHEAD are left, and at least AHEAD are inflated then (more for an answer whose pieces take more, up to MAX_AHEAD). */
const AHEAD = 1024 * 1024;
const LOW_AHEAD = 512 * 1024;
const MAX_AHEAD = 8 * 1024 * 1024;

/** A pause for a reader whose pieces are inflated ahead: when few are left. */
const pausing = (pieces: Pieces) => {
  const source = pieces.source;
  return source ? () => !source.ended && source.queued < LOW_AHEAD : undefined;
};

/** Reads what opening a sheet reads (shared strings, the first pass) with the native inflater, and inflates the start of its second pass, for `open` to hand out. */
async function prepareSheet(book: Book, info: SheetInfo & { path: string }, native: NativeInflate): Promise<void> {
  const { zip, limits } = book;
  let opened: Opened<SheetSource>;
  let reading: InflateAhead | undefined;
  try {
    const entry = sheetEntry(book, info);
    const dates = dateStylesOf(book);
    const parts: SheetParts = { entry, dates, strings: (book.table ??= await sharedStringsAhead(book, native)) };
    const ahead = () => zip.ahead(entry, limits.maxSheetBytes, 'maxSheetBytes', limits, native);
    const pieces = ahead();
    const first = new FirstPass(pieces.pull, limits, parts, book.date1904);
    const pause = pausing(pieces);
    while (!first.read(pause)) await pieces.source!.fill(AHEAD);
    const rows = first.secondRows(() => {
      const second = ahead();
      reading = second.source;
      return second.pull;
    });
    await reading?.fill(AHEAD);
    opened = secondPass(book, info, rows, first);
  } catch (error) {
    opened = refusalOf(error);
  }
  book.prepared.set(info.name, { opened, reading });
}

/** The shared strings read with the native inflater, a window of pieces at a time. */
async function sharedStringsAhead(book: Book, native: NativeInflate): Promise<SharedStrings> {
  const { limits } = book;
  if (!book.strings) return new SharedStrings(limits);
  const pieces = book.zip.ahead(book.strings.entry, limits.maxSharedStringBytes, 'maxSharedStringBytes', limits, native);
  const reader = new SharedStringsReader(stringsScanner(pieces.pull, limits), limits);
  const pause = pausing(pieces);
  while (!reader.read(pause)) await pieces.source!.fill(AHEAD);
  return reader.table;
}

/**
 * The merges whose top-left cell's row holds a value, by row then column. `filledRows` is increasing: it
 * is searched, not made into a set (which the rows' reader would keep alive).
 */
function liveMerges(merges: Merge[], filledRows: number[]): Merge[] {
  const filled = (row: number) => {
    let low = 0;
    let high = filledRows.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (filledRows[middle] === row) return true;
      if (filledRows[middle] < row) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  };
  return merges.filter((m) => filled(m.r0)).sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

/** Checks the caps that merged ranges add (a merge counts when its top-left cell holds a value), then hands out the rows. */
function secondPass(book: Book, info: SheetInfo, scan: RowReader, counted: FirstPass): Opened<SheetSource> {
  const { limits } = book;
  // a merge counts when its top-left cell's row holds a value (the cell's own value is read in this pass)
  let { cells, columns, lastRow } = counted;
  const live = liveMerges(counted.merges, counted.filledRows);
  for (const m of live) {
    if (m.c1 + 1 > columns) columns = m.c1 + 1;
    if (m.r1 > lastRow) lastRow = m.r1;
    cells += (m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1) - 1;
    if (columns > limits.maxColumns) return tooLarge('maxColumns', limits.maxColumns, columns);
    if (lastRow + 1 > limits.maxRows) return tooLarge('maxRows', limits.maxRows, lastRow + 1);
    if (cells > limits.maxCells) return tooLarge('maxCells', limits.maxCells, cells);
  }
  counted.filledRows.length = 0;

  let pending = scan.nextRow();
  let at = 0; // the next row number to consider
  let starting = 0; // index into `live` of the next merge not yet started
  let active: Merge[] = [];
  const source: SheetSource = {
    name: info.name,
    lastRow,
    next(): SheetRow | undefined {
      while (at <= lastRow) {
        // skip to the next row that is written or covered by a merge
        while (pending && pending.row < at) pending = scan.nextRow();
        if (active.length === 0) {
          const nextMerge = starting < live.length ? live[starting].r0 : Infinity;
          const nextRow = pending ? pending.row : Infinity;
          const jump = Math.min(nextMerge, nextRow);
          if (jump === Infinity || jump > lastRow) {
            at = lastRow + 1;
            return undefined;
          }
          if (jump > at) at = jump;
        }
        const r = at++;
        let cells: SheetCell[] = [];
        let hidden = false;
        if (pending && pending.row === r) {
          cells = pending.cells;
          hidden = pending.hidden;
          pending = scan.nextRow();
        }
        while (starting < live.length && live[starting].r0 === r) {
          const m = live[starting++];
          m.value = cells[m.c0];
          active.push(m);
        }
        let copied: number[] | undefined;
        if (active.length) {
          for (const m of active) {
            if (m.value === undefined) continue;
            for (let c = m.c0; c <= m.c1; c++) {
              if (r === m.r0 && c === m.c0) continue;
              cells[c] = m.value;
              (copied ??= []).push(c);
            }
          }
          active = active.filter((m) => m.r1 > r);
        }
        let last = cells.length - 1;
        while (last >= 0 && cells[last] === undefined) last--;
        if (last < 0) continue;
        // (the length set only when it changes: setting it is a call into the engine even then)
        if (cells.length !== last + 1) cells.length = last + 1;
        // a row as read has no holes (cells before a value are filled in); a merge's copies may leave some
        if (copied) for (let c = 0; c <= last; c++) if (!(c in cells)) cells[c] = undefined;
        const row: SheetRow = { row: r, cells };
        if (hidden) row.hidden = true;
        if (copied) row.merged = copied.sort((a, b) => a - b);
        return row;
      }
      return undefined;
    },
  };
  return { ok: true, value: source };
}

/** A refusal thrown while reading, or any other failure on a malformed file, as a 413/422 (never a crash). */
function refusalOf(error: unknown): Opened<never> & { ok: false } {
  if (error instanceof Refused) return error.result;
  const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
  return malformed(`无法读取该工作簿（.xlsx）：${detail}`, `The workbook (.xlsx) cannot be read: ${detail}`, 'body');
}

/**
 * Opens an `.xlsx` for streaming (see the module comment). With `native` (a native raw-deflate inflater,
 * inflate-ahead.ts), the workbook also has `prepare` and `readAhead`, for a caller that can await them.
 */
export function openXlsxStream(bytes: Uint8Array, limits: WorkbookLimits, native?: NativeInflate): Opened<Workbook> {
  let book: Book;
  try {
    book = openBook(bytes, limits);
  } catch (error) {
    return refusalOf(error);
  }
  const sheets: SheetInfo[] = book.sheets.map(({ name, hidden }) => (hidden ? { name, hidden } : { name }));
  const workbook: Workbook = {
    sheets,
    open(name: string): Opened<SheetSource> {
      const info = book.sheets.find((s) => s.name === name);
      if (!info) return noSheet(name, sheets);
      try {
        return openSheet(book, info);
      } catch (error) {
        return refusalOf(error);
      }
    },
  };
  if (native) {
    workbook.prepare = async (name: string) => {
      const info = book.sheets.find((s) => s.name === name);
      if (!info || book.prepared.has(name)) return;
      // one sheet read ahead at a time: the sheet read before (passed over by the form reader) and any other prepared are let go
      letGo(book);
      await prepareSheet(book, info, native);
    };
    let last: InflateAhead | undefined;
    let before = 0;
    let need = AHEAD;
    workbook.readAhead = async () => {
      const reading = book.reading;
      if (!reading || reading.ended) return;
      if (reading !== last) {
        // another sheet's rows: its window is measured afresh
        last = reading;
        before = reading.delivered;
        need = AHEAD;
      }
      // enough for twice what the last piece of rows took
      const used = reading.delivered - before;
      before = reading.delivered;
      need = Math.min(MAX_AHEAD, Math.max(need, 2 * used));
      if (reading.queued < need) await reading.fill(need);
    };
  }
  return { ok: true, value: workbook };
}
