/**
 * An `.xlsx` inflated by a native inflater ahead of the reader (rules/tables/inflate-ahead.ts, as the
 * Worker reads one): the same rows and the same refusals as the synchronous fflate reader, whether the
 * reader stays behind the native inflater or gets ahead of it (one row larger than the window, read on
 * with fflate).
 */
import { strToU8 } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { listRules } from '../../rules/index.ts';
import { readFormWorkbook, readFormWorkbookAhead } from '../../rules/tables/form.ts';
import type { Opened, SheetRow } from '../../rules/tables/sheet-source.ts';
import { openWorkbook, type NativeInflate } from '../../rules/tables/workbook.ts';
import { workbookLimits, type WorkbookLimits } from '../../rules/tables/workbook-limits.ts';
import { ZipReader } from '../../rules/tables/zip-entries.ts';
import { makeXlsx, NS, sheetXml, understated } from '../support/xlsx-parts.ts';

/** Node's native inflater: its output is read by a default reader, a piece as it comes. */
const native = () => new DecompressionStream('deflate-raw');

/**
 * The same inflater with its output as a byte stream, read into the reader's own buffers (a BYOB reader,
 * as workerd's inflater gives one): the pieces it hands out are of the reader's size.
 */
const byteNative = (): ReturnType<NativeInflate> => {
  const inner = new DecompressionStream('deflate-raw');
  const reader = inner.readable.getReader();
  const readable = new ReadableStream({
    type: 'bytes',
    async pull(controller) {
      const { done, value } = await reader.read();
      if (!done) return controller.enqueue(value);
      controller.close();
      controller.byobRequest?.respond(0);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { readable, writable: inner.writable };
};

const NATIVES = [
  ['a default reader', native],
  ['a BYOB reader', byteNative],
] as const;

/** Every row of the first sheet, read as the Worker reads them: prepared, then a piece of rows per `readAhead`. */
async function rowsAhead(bytes: Uint8Array, limits: Partial<WorkbookLimits> | undefined, inflater: NativeInflate): Promise<Opened<SheetRow[]>> {
  const book = openWorkbook(bytes, limits, inflater);
  if (!book.ok) return book;
  const name = book.value.sheets[0].name;
  await book.value.prepare!(name);
  const source = book.value.open(name);
  if (!source.ok) return source;
  const rows: SheetRow[] = [];
  for (;;) {
    await book.value.readAhead!();
    for (let n = 0; n < 512; n++) {
      const row = source.value.next();
      if (!row) return { ok: true, value: rows };
      rows.push(row);
    }
  }
}

/** The same, read by the synchronous reader. */
function rowsNow(bytes: Uint8Array, limits?: Partial<WorkbookLimits>): Opened<SheetRow[]> {
  const book = openWorkbook(bytes, limits);
  if (!book.ok) return book;
  const source = book.value.open(book.value.sheets[0].name);
  if (!source.ok) return source;
  const rows: SheetRow[] = [];
  for (let row = source.value.next(); row; row = source.value.next()) rows.push(row);
  return { ok: true, value: rows };
}

/** Read ahead with either inflater (the same rows or the same refusal each time), then as the synchronous reader reads. */
async function same(bytes: Uint8Array, limits?: Partial<WorkbookLimits>): Promise<Opened<SheetRow[]>> {
  const now = rowsNow(bytes, limits);
  let ahead: Opened<SheetRow[]> | undefined;
  for (const [, inflater] of NATIVES) {
    ahead = await rowsAhead(bytes, limits, inflater);
    expect(ahead).toEqual(now);
  }
  return ahead!;
}

/** A sheet of `count` rows (several MB of XML): shared strings, numbers, dates, an inline string (unless `inline` is false), and merged ranges after the rows. */
function largeWorkbook(count: number, inline = true): Uint8Array {
  const strings: string[] = [];
  const rows: string[] = [];
  for (let r = 1; r <= count; r++) {
    strings.push(`包头市第${r}号单位 & 分公司`);
    rows.push(
      `<row r="${r}"${r % 97 === 0 ? ' hidden="1"' : ''}><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>${r - 1}</v></c>` +
        `<c r="C${r}" s="1"><v>${45473 + (r % 30)}</v></c>${inline ? `<c r="D${r}" t="inlineStr"><is><t>备注${r}</t></is></c>` : ''}<c r="F${r}"><v>${r / 8}</v></c></row>`,
    );
  }
  const merges = `<mergeCells count="2"><mergeCell ref="E1:E3"/><mergeCell ref="A${count - 1}:A${count}"/></mergeCells>`;
  return makeXlsx(sheetXml(rows.join(''), merges), {
    strings: `<sst ${NS}>${strings.map((s) => `<si><t>${s.replace(/&/g, '&amp;')}</t></si>`).join('')}</sst>`,
    styles: `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
  });
}

describe('an .xlsx inflated natively ahead of the reader', { timeout: 60_000 }, () => {
  it('gives the rows the synchronous reader gives, over many windows of pieces', async () => {
    const read = await same(largeWorkbook(40_000));
    expect(read.ok && read.value.length).toBe(40_000);
    expect(read.ok && read.value[0]).toEqual({ row: 0, cells: [1, '包头市第1号单位 & 分公司', '2024-07-01', '备注1', undefined, 0.125] });
  });

  it('gives the same rows when one row is larger than the window (the reader goes on with fflate)', async () => {
    const long = 'x'.repeat(1000);
    const wide = Array.from({ length: 200 }, (_, c) => `<c t="inlineStr"><is><t>${long}${c}</t></is></c>`).join('');
    const rows = Array.from({ length: 3000 }, (_, r) => `<row r="${r + 1}"><c><v>${r}</v></c></row>`);
    rows.splice(1000, 0, ...Array.from({ length: 20 }, (_, k) => `<row r="${1001 + k}">${wide}</row>`).map((row) => row));
    const renumbered = rows.map((row, i) => row.replace(/<row r="\d+"/, `<row r="${i + 1}"`));
    const read = await same(makeXlsx(sheetXml(renumbered.join(''))), { maxColumns: 256 });
    expect(read.ok && read.value.length).toBe(3020);
  });

  it('inflates a sheet of numbers and shared strings once (its cells kept from the first pass), any other sheet twice, to the same rows', async () => {
    const plain = largeWorkbook(20_000, false);
    for (const [bytes, streams] of [
      [plain, 2],
      [largeWorkbook(20_000), 3],
    ] as const) {
      let made = 0;
      const counting: NativeInflate = () => (made++, native());
      const read = await rowsAhead(bytes, undefined, counting);
      // the shared strings, then the sheet: once, or twice when its cells are not all kept
      expect(made).toBe(streams);
      expect(read).toEqual(rowsNow(bytes));
      expect(read.ok && read.value.length).toBe(20_000);
    }
    expect(await same(plain)).toMatchObject({ ok: true });
  });

  it('reads a sheet of numbers and shared strings twice when it has more cells than are kept (maxKeptCells), to the same rows', async () => {
    const plain = largeWorkbook(3_000, false);
    for (const [maxKeptCells, streams] of [
      [1_000_000, 2],
      [5_000, 3],
    ] as const) {
      let made = 0;
      const counting: NativeInflate = () => (made++, native());
      const read = await rowsAhead(plain, { maxKeptCells }, counting);
      expect(made).toBe(streams);
      expect(read).toEqual(rowsNow(plain));
      expect(read.ok && read.value.length).toBe(3_000);
    }
  });

  it('refuses what the synchronous reader refuses, with the same answer', async () => {
    const bomb = new Uint8Array(48 * 1024 * 1024).fill(32);
    bomb.set(strToU8(`<?xml version="1.0"?><worksheet ${NS}><sheetData>`));
    const ratio = await same(makeXlsx(bomb));
    expect(ratio).toMatchObject({ ok: false, status: 413, error: { field: 'maxRatio' } });

    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const hidden = await same(understated(makeXlsx(sheetXml(rows)), 'xl/worksheets/sheet1.xml'), { maxSheetBytes: 10_000 });
    expect(hidden).toMatchObject({ ok: false, status: 413, error: { field: 'maxSheetBytes' } });

    const blank = Array.from({ length: 200_000 }, (_, r) => `<row r="${r + 1}"/>`).join('');
    expect(await same(makeXlsx(sheetXml(blank)), { maxRows: 100_000 })).toMatchObject({ ok: false, status: 413, error: { field: 'maxRows' } });

    const strings = `<sst ${NS}>${'<si><t>0123456789</t></si>'.repeat(100_000)}</sst>`;
    const tooMany = await same(makeXlsx(sheetXml('<row r="1"><c t="s"><v>0</v></c></row>'), { strings }), { maxSharedStringBytes: 1_000_000 });
    expect(tooMany).toMatchObject({ ok: false, status: 413, error: { field: 'maxSharedStringBytes' } });
  });

  it('refuses a sheet whose deflate data is damaged, as the synchronous reader does', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7919}</v></c></row>`).join('');
    const damaged = makeXlsx(sheetXml(rows));
    const entry = new ZipReader(damaged).find('xl/worksheets/sheet1.xml')!;
    const middle = entry.dataAt + Math.floor(entry.compressedSize / 2);
    for (let i = middle; i < middle + 64; i++) damaged[i] ^= 0x5a;
    expect(await same(damaged)).toMatchObject({ ok: false, status: 422 });
  });
});

describe.each(NATIVES)('an entry inflated ahead, with %s', (_, inflater) => {
  const xml = strToU8(sheetXml(Array.from({ length: 30_000 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join('')));
  const zip = new ZipReader(makeXlsx(xml));
  const entry = zip.find('xl/worksheets/sheet1.xml')!;
  const limits = workbookLimits();
  const joined = (pieces: Uint8Array[]) => Buffer.concat(pieces).toString('latin1');
  const all = (pull: () => Uint8Array | undefined) => {
    const pieces: Uint8Array[] = [];
    for (let piece = pull(); piece; piece = pull()) pieces.push(piece);
    return joined(pieces);
  };
  const expected = Buffer.from(xml).toString('latin1');

  it('hands out the inflated bytes from the native inflater while it keeps ahead', async () => {
    const pieces = zip.ahead(entry, limits.maxSheetBytes, 'maxSheetBytes', limits, inflater);
    const out: Uint8Array[] = [];
    for (;;) {
      await pieces.source!.fill(64 * 1024);
      if (pieces.source!.queued === 0) break;
      while (pieces.source!.queued > 0) out.push(pieces.pull()!);
    }
    expect(pieces.pull()).toBeUndefined();
    expect(pieces.source!.fellBack).toBe(false);
    expect(joined(out) === expected).toBe(true);
    // read into buffers of its own, the reader takes 64 KB at a time (but the last)
    if (inflater === byteNative) expect(out.slice(0, -1).every((piece) => piece.length === 64 * 1024)).toBe(true);
  });

  it('goes on with fflate, past what it handed out, when the reader gets ahead of it', async () => {
    const pieces = zip.ahead(entry, limits.maxSheetBytes, 'maxSheetBytes', limits, inflater);
    await pieces.source!.fill(10_000);
    const out = all(pieces.pull);
    expect(pieces.source!.fellBack).toBe(true);
    expect(out === expected).toBe(true);
  });

  it('once let go (cancelled), is still read to the same bytes should the reader read on', async () => {
    const pieces = zip.ahead(entry, limits.maxSheetBytes, 'maxSheetBytes', limits, inflater);
    await pieces.source!.fill(100_000);
    const first = [pieces.pull()!, pieces.pull()!];
    pieces.source!.cancel();
    expect(pieces.source!.queued).toBe(0);
    await pieces.source!.fill(100_000);
    expect(joined([...first, Buffer.from(all(pieces.pull), 'latin1')]) === expected).toBe(true);
  });
});

describe('a workbook whose data is on a later sheet, read ahead', { timeout: 60_000 }, () => {
  const meta = listRules().find((m) => m.id === 'overquota-reward')!;
  const HEADER = ['单位名称', '在职职工总数', '残疾职工折算人数', '月最低工资标准', '所涉日期'];
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const cell = (ref: string, value: string | number, strings: string[]) =>
    typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="s"><v>${strings.push(value) - 1}</v></c>`;
  const col = (c: number) => String.fromCharCode(65 + c);

  /** Two sheets: `first` (a few lines of text, named `firstName`) and 数据 (a header and `count` rows, several MB of XML). */
  function twoSheets(firstName: string, count: number): Uint8Array {
    const strings: string[] = [];
    const text = ['填表说明：', '1. 每个单位填一行。', '2. 金额以元为单位。']
      .map((line, r) => `<row r="${r + 1}">${cell(`A${r + 1}`, line, strings)}</row>`)
      .join('');
    const rows = [`<row r="1">${HEADER.map((h, c) => cell(`${col(c)}1`, h, strings)).join('')}</row>`];
    for (let r = 2; r <= count + 1; r++) {
      const values: (string | number)[] = [`包头市第${r}号单位`, 100 + (r % 50), 1 + (r % 7), 1980, '2024-06-30'];
      rows.push(`<row r="${r}">${values.map((v, c) => cell(`${col(c)}${r}`, v, strings)).join('')}</row>`);
    }
    const workbook = `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="${firstName}" sheetId="1" r:id="rId1"/><sheet name="数据" sheetId="2" r:id="rId4"/></sheets></workbook>`;
    return makeXlsx(sheetXml(text), {
      workbook,
      strings: `<sst ${NS}>${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
      entries: {
        'xl/_rels/workbook.xml.rels': strToU8(
          `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
            `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
            `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        ),
        'xl/worksheets/sheet2.xml': [strToU8(sheetXml(rows.join(''))), { level: 6 }],
      },
    });
  }

  /** The form's rows, read as the Worker reads them (each sheet prepared before it is opened, a piece of rows per `readAhead`), and which parts fflate inflated. */
  async function readAhead(bytes: Uint8Array) {
    const inflated: string[] = [];
    const pieces = vi.spyOn(ZipReader.prototype, 'pieces');
    pieces.mockImplementation(function (this: ZipReader, entry, ...rest) {
      inflated.push(entry.name);
      return original.call(this, entry, ...rest);
    });
    try {
      const book = openWorkbook(bytes, undefined, native);
      if (!book.ok) throw new Error('not opened');
      const reading = await readFormWorkbookAhead(book.value, meta);
      if (!reading.ok) throw new Error(reading.error.message.en);
      const rows: SheetRow[] = [];
      for (let done = false; !done;) {
        await book.value.readAhead!();
        for (let n = 0; n < 512 && !done; n++) {
          const row = reading.form.next();
          if (row) rows.push(row);
          else done = true;
        }
      }
      return { sheet: reading.form.sheet, rows, inflated };
    } finally {
      pieces.mockRestore();
    }
  }
  const original = ZipReader.prototype.pieces;

  /** The same, read by the synchronous reader (fflate). */
  function readNow(bytes: Uint8Array) {
    const book = openWorkbook(bytes);
    if (!book.ok) throw new Error('not opened');
    const reading = readFormWorkbook(book.value, meta);
    if (!reading.ok) throw new Error(reading.error.message.en);
    const rows: SheetRow[] = [];
    for (let row = reading.form.next(); row; row = reading.form.next()) rows.push(row);
    return { sheet: reading.form.sheet, rows };
  }

  for (const first of ['填表说明', '封面']) {
    it(`reads the data sheet after a ${first} sheet with the native inflater, to the rows fflate gives`, async () => {
      const bytes = twoSheets(first, 40_000);
      const ahead = await readAhead(bytes);
      expect(ahead.sheet).toBe('数据');
      expect(ahead.rows.length).toBe(40_000);
      // the sheets and the shared strings were inflated natively: fflate read only the small parts (rels, workbook.xml)
      expect(ahead.inflated.filter((name) => name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml')).toEqual([]);
      const now = readNow(bytes);
      expect(ahead.sheet).toBe(now.sheet);
      expect(ahead.rows).toEqual(now.rows);
    });
  }
});
