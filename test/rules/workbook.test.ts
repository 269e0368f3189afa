/**
 * The workbook reader (rules/tables/workbook.ts): a LibreOffice-made form read by the streamed `.xlsx`
 * reader, by SheetJS (the same rows: a differential test) and as `.xls`; and hostile zips made here with
 * fflate, each refused with the size it passes (413) or as malformed (422), before any row.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opened, SheetRow, SheetSource, Workbook } from '../../rules/tables/sheet-source.ts';
import { openWorkbook } from '../../rules/tables/workbook.ts';
import { DEFAULT_WORKBOOK_LIMITS, workbookLimits, type WorkbookLimits } from '../../rules/tables/workbook-limits.ts';
import { openWithSheetJS } from '../../rules/tables/workbook-sheetjs.ts';
import { readSheet } from '../../rules/tables/xlsx-read.ts';
import { FORM_SHEETS, formFods } from '../support/form-fods.ts';
import { convert, XLS } from '../support/libreoffice.ts';
import { makeXlsx, NS, sheetXml, understated } from '../support/xlsx-parts.ts';

const dir = mkdtempSync(join(tmpdir(), 'bt-workbook-'));
let xlsx: Uint8Array;
let xls: Uint8Array;

beforeAll(async () => {
  const fods = join(dir, 'form.fods');
  writeFileSync(fods, formFods());
  xlsx = new Uint8Array(readFileSync(await convert(fods, 'xlsx', dir)));
  xls = new Uint8Array(readFileSync(await convert(fods, XLS, dir)));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function opened<T>(result: Opened<T>): T {
  if (!result.ok) throw new Error(`refused ${result.status}: ${result.error.message.en}`);
  return result.value;
}

function rowsOf(source: SheetSource): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let row = source.next(); row; row = source.next()) rows.push(row);
  return rows;
}

const allRows = (book: Workbook, name: string) => rowsOf(opened(book.open(name)));

const u = undefined;
const FORM_ROWS: SheetRow[] = [
  { row: 0, cells: Array(7).fill('2024年度超比例安排残疾人就业奖励申报表'), merged: [1, 2, 3, 4, 5, 6] },
  { row: 1, cells: ['填报单位：包头市残疾人联合会', u, u, u, u, '单位：元'] },
  { row: 2, cells: ['序号', '旗县区', '单位名称', '申报金额', '申报金额', '申报日期', '备注'], merged: [4] },
  { row: 3, cells: ['序号', '旗县区', '单位名称', '本年', '上年', '申报日期', '备注'], merged: [0, 1, 2, 5, 6] },
  { row: 4, cells: [1, '昆都仑区', '包头钢铁 & 稀土 <一>', 29700, 12000.5, '2024-06-30', '“引号”'] },
  { row: 5, cells: [2, '昆都仑区', '鹿城商贸有限公司', 1500, 0, '2024-01-05'], merged: [1] },
  { row: 6, cells: [3, '东河区', '隐藏行公司', 100, u, '2023-12-31', '隐藏'], hidden: true },
  { row: 7, cells: [4, '青山区', '筛选掉的公司', 200, u, '2024-02-29', '筛选'], hidden: true },
  { row: 9, cells: ['合计', '合计', '合计', 31500, 12000.5], merged: [1, 2] },
  { row: 10, cells: ['填表人：张三', u, '审核人：李四', u, '联系电话：0472-1234567', u, '填报日期：2024年7月1日'] },
];

describe('a LibreOffice-made form', () => {
  it('streamed from .xlsx: merges down and across, the two-row header, hidden and filtered rows, 2024年6月30日 dates, ￥ amounts, shared strings', () => {
    const book = opened(openWorkbook(xlsx));
    expect(book.sheets).toEqual([{ name: FORM_SHEETS[0] }, { name: FORM_SHEETS[1] }, { name: FORM_SHEETS[2], hidden: true }]);
    const source = opened(book.open(FORM_SHEETS[1]));
    expect(source.lastRow).toBe(10);
    expect(rowsOf(source)).toEqual(FORM_ROWS);
  });

  it('gives the same rows as SheetJS on every sheet (differential)', () => {
    const streamed = opened(openWorkbook(xlsx));
    const reference = opened(openWithSheetJS(xlsx, workbookLimits(), false));
    expect(streamed.sheets).toEqual(reference.sheets);
    for (const { name } of reference.sheets) expect(allRows(streamed, name)).toEqual(allRows(reference, name));
  });

  it('read from .xls (SheetJS) gives the same rows', () => {
    const book = opened(openWorkbook(xls));
    expect(book.sheets.map((s) => s.name)).toEqual([...FORM_SHEETS]);
    expect(book.sheets[2].hidden).toBe(true);
    expect(allRows(book, FORM_SHEETS[1])).toEqual(FORM_ROWS);
  });

  it('readSheet keeps rows in their places (a blank row comes as an empty row)', () => {
    const read = readSheet(xlsx, FORM_SHEETS[1]);
    if (!read.ok) throw new Error(read.error.message.en);
    expect(read.rows.count).toBe(10);
    expect(read.rows.header).toEqual(FORM_ROWS[0].cells);
    const rest: unknown[][] = [];
    for (let cells = read.rows.next(); cells; cells = read.rows.next()) rest.push(cells);
    expect(rest.length).toBe(10);
    expect(rest[7]).toEqual([]);
    expect(rest[8]).toEqual(FORM_ROWS[8].cells);
  });

  it('looks sheets up without the prototype, naming the sheets there', () => {
    for (const bytes of [xlsx, xls]) {
      const book = opened(openWorkbook(bytes));
      for (const name of ['__proto__', 'constructor', 'undefined']) {
        const result = book.open(name);
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.status).toBe(422);
        expect(result.error.message.en).toBe(`The workbook has no sheet named "${name}" (it has: ${FORM_SHEETS.join(', ')})`);
        expect(result.error.message.zh).toContain(`没有名为“${name}”的工作表`);
      }
    }
  });

  it('checks the column, row and cell caps on either format before any row, counting merged copies', () => {
    for (const bytes of [xlsx, xls]) {
      const open = (limits: Partial<WorkbookLimits>) => opened(openWorkbook(bytes, limits)).open(FORM_SHEETS[1]);
      expect(open({ maxColumns: 6 })).toMatchObject({ ok: false, status: 413, error: { field: 'maxColumns' } });
      expect(open({ maxRows: 5 })).toMatchObject({ ok: false, status: 413, error: { field: 'maxRows' } });
      // 42 cells hold a value; the merges copy 15 more
      expect(open({ maxCells: 56 })).toMatchObject({ ok: false, status: 413, error: { field: 'maxCells' } });
      expect(open({ maxColumns: 7, maxRows: 11, maxCells: 57 }).ok).toBe(true);
    }
  });

  it('refuses an .xls over its byte cap, naming the size', () => {
    const result = openWorkbook(xls, { maxXlsBytes: 4096 });
    expect(result).toMatchObject({ ok: false, status: 413, error: { field: 'maxXlsBytes' } });
    if (!result.ok) expect(result.error.message.en).toContain(`${xls.length} bytes, over the cap of 4096 bytes`);
  });
});

// ---- hand-made and hostile .xlsx -------------------------------------------------------------------

function refusal(bytes: Uint8Array, limits?: Partial<WorkbookLimits>) {
  const book = openWorkbook(bytes, limits);
  const result = book.ok ? book.value.open(book.value.sheets[0].name) : book;
  if (result.ok) throw new Error('read, not refused');
  return result;
}

describe('cells of every kind, streamed as SheetJS reads them', () => {
  const styles = `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="&quot;￥&quot;#,##0.00"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
  const strings = `<?xml version="1.0"?><sst ${NS} count="3" uniqueCount="3"><si><t>共享</t></si><si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve"> 文本</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si><si><t>a&amp;b&#x4E2D;&#25991;_x000D_</t></si></sst>`;
  const rows =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>内联 &lt;x&gt;</t></is></c><c r="B2" t="str"><f>A1&amp;"!"</f><v>共享!</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c></row>' +
    '<row r="4" hidden="1"><c r="A4" s="1"><v>45473</v></c><c r="B4" s="2"><v>29700.5</v></c><c r="C4" s="3"><v>45351.75</v></c><c r="E4"><v>-1.5E-3</v></c></row>';

  it('shared, rich and inline strings, formula text, booleans, errors, entities, dates by format, numbers', () => {
    const bytes = makeXlsx(sheetXml(rows), { strings, styles });
    const book = opened(openWorkbook(bytes));
    const streamed = allRows(book, '表1');
    expect(streamed).toEqual([
      { row: 0, cells: ['共享', '富 文本', 'a&b中文\r'] },
      { row: 1, cells: ['内联 <x>', '共享!', true, '#DIV/0!'] },
      { row: 3, cells: ['2024-06-30', 29700.5, '2024-02-29', u, -0.0015], hidden: true },
    ]);
    expect(streamed).toEqual(allRows(opened(openWithSheetJS(bytes, workbookLimits(), false)), '表1'));
  });

  it('a sheet of many pieces, every cell written in one of several ways, gives the same rows as SheetJS', () => {
    // the sheet's XML arrives in pieces of about 100 KB, so cells of each kind are cut across pieces somewhere
    const kinds = [
      (ref: string, i: number) => `<c r="${ref}"><v>${i * 7}</v></c>`,
      (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i % 3}</v></c>`,
      (ref: string, i: number) => `<c r="${ref}" s="1"><v>${45000 + (i % 400)}</v></c>`,
      (ref: string, i: number) => `<c r="${ref}" t="n"><v>\n${i}.25 </v></c>`,
      (ref: string, i: number) => `<c r="${ref}"><f>A1*2</f><v>${i}</v></c>`,
      (ref: string, i: number) => `<c r="${ref}" t="inlineStr"><is><t>行${i}</t></is></c>`,
      (ref: string) => `<c r="${ref}"><v></v></c>`,
      (ref: string) => `<c r="${ref}" s="2"/>`,
      (ref: string, i: number) => `<c r="${ref}" t="s"><v>${(i + 1) % 3}</v>\n</c>`,
      (ref: string, i: number) => `<c r="${ref}" t="b"><v>${i % 2}</v></c>`,
    ];
    const rows: string[] = [];
    for (let r = 1; r <= 800; r++) {
      const cells = kinds.map((kind, c) => kind(`${String.fromCharCode(65 + c)}${r}`, r * 31 + c)).join('');
      rows.push(`<row r="${r}">${cells}</row>`);
    }
    const strings = `<sst ${NS}><si><t>包头</t></si><si><t>ascii</t></si><si><r><t>富</t></r><r><t>文本</t></r></si></sst>`;
    const bytes = makeXlsx(sheetXml(rows.join('')), { strings, styles });
    const streamed = allRows(opened(openWorkbook(bytes)), '表1');
    expect(streamed).toHaveLength(800);
    expect(streamed).toEqual(allRows(opened(openWithSheetJS(bytes, workbookLimits(), false)), '表1'));
  }, 60_000);

  describe('a sheet of numbers and shared strings only, its cells kept from the first pass (not read twice)', () => {
    // every way such a cell is written, cut across pieces somewhere; a value read token by token (a cut cell, a formula's) is kept too
    const kinds = [
      (ref: string, i: number) => `<c r="${ref}"><v>${i * 7}</v></c>`,
      (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i % 4}</v></c>`,
      (ref: string, i: number) => `<c r="${ref}" s="1"><v>${45000 + (i % 400)}</v></c>`,
      (ref: string, i: number) => `<c r="${ref}" t="n" s="2"><v>\n${i}.25 </v></c>`,
      (ref: string, i: number) => `<c r="${ref}"><f>A1*2</f><v>${i}</v></c>`,
      (ref: string) => `<c r="${ref}"><v></v></c>`,
      (ref: string) => `<c r="${ref}" s="2"/>`,
      (ref: string, i: number) => `<c r="${ref}" t="s"><v>${(i + 1) % 4}</v>\n</c>`,
      (ref: string, i: number) => `<c r='${ref}' t='s' s='3'><v><![CDATA[${i % 3}]]></v></c>`,
      (_: string, i: number) => `<c t="s"><v>${(i + 2) % 4}</v></c>`,
      (ref: string, i: number) => `<c r="${ref}"><v>-${i}.5E-3</v><f>B1</f></c>`,
    ];
    const sheet = (late?: string) => {
      const rows: string[] = [];
      for (let r = 1; r <= 800; r++) {
        const cells = kinds.map((kind, c) => kind(`${String.fromCharCode(65 + c)}${r}`, r * 31 + c)).join('');
        rows.push(`<row r="${r}"${r % 50 === 0 ? ' hidden="1"' : ''}>${r === 700 && late ? late : ''}${cells}</row>`);
        if (r % 97 === 0) rows.push(`<row r="${++r}"/>`);
      }
      return sheetXml(rows.join(''), '<mergeCells count="2"><mergeCell ref="A2:B3"/><mergeCell ref="L10:M12"/></mergeCells>');
    };
    const strings = `<sst ${NS}><si><t>包头</t></si><si><t>ascii</t></si><si><r><t>富</t></r><r><t>文本</t></r></si><si><t xml:space="preserve"> 合计 </t></si></sst>`;

    it('gives the same rows as SheetJS: dates by style, blank rows, hidden rows, merged ranges', () => {
      const bytes = makeXlsx(sheet(), { strings, styles });
      const streamed = allRows(opened(openWorkbook(bytes)), '表1');
      expect(streamed).toHaveLength(792);
      expect(streamed[1]).toMatchObject({ row: 1, merged: [1] });
      expect(streamed).toEqual(allRows(opened(openWithSheetJS(bytes, workbookLimits(), false)), '表1'));
    }, 60_000);

    it('gives the same rows when a cell of another kind comes late (the cells kept so far are let go, the sheet read again)', () => {
      for (const late of ['<c r="X700" t="inlineStr"><is><t>行</t></is></c>', '<c r="X700" t="b"><v>1</v></c>']) {
        const bytes = makeXlsx(sheet(late), { strings, styles });
        const streamed = allRows(opened(openWorkbook(bytes)), '表1');
        expect(streamed.find((row) => row.row === 699)?.cells[23]).toBe(late.includes('inlineStr') ? '行' : true);
        expect(streamed).toEqual(allRows(opened(openWithSheetJS(bytes, workbookLimits(), false)), '表1'));
      }
      // a cell of two values (SheetJS takes the first): the last one, as the sheet read again gives it
      const twice = allRows(opened(openWorkbook(makeXlsx(sheet('<c r="X700" t="s"><v>1</v><v>2</v></c>'), { strings, styles }))), '表1');
      expect(twice.find((row) => row.row === 699)?.cells[23]).toBe('富文本');
    }, 60_000);
  });

  it("a date-styled number outside Excel's dates (after 9999-12-31, or huge) stays its number, in any row, never a crash", () => {
    const cells = (r: number, v: string) => `<row r="${r}"><c r="A${r}" s="1"><v>${v}</v></c></row>`;
    const bytes = makeXlsx(sheetXml(cells(1, '45473') + cells(2, '2958465') + cells(3, '2958466') + cells(4, '123456789012345678')), { styles });
    expect(allRows(opened(openWorkbook(bytes)), '表1')).toEqual([
      { row: 0, cells: ['2024-06-30'] },
      { row: 1, cells: ['9999-12-31'] },
      { row: 2, cells: [2958466] },
      { row: 3, cells: [123456789012345678] },
    ]);
  });

  it('an absurd <dimension> is ignored: nothing is allocated for it', () => {
    const bytes = makeXlsx(
      `<?xml version="1.0"?><worksheet ${NS}><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>`,
    );
    const source = opened(opened(openWorkbook(bytes)).open('表1'));
    expect(source.lastRow).toBe(0);
    expect(rowsOf(source)).toEqual([{ row: 0, cells: [7] }]);
  });
});

describe('hostile workbooks are refused before any row', { timeout: 60_000 }, () => {
  it('an entry the reader never uses is never inflated, however it would inflate', () => {
    const zeros = new Uint8Array(16 * 1024 * 1024);
    const bytes = makeXlsx(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), { entries: { 'xl/media/image1.bin': [zeros, { level: 9 }] } });
    expect(bytes.length).toBeLessThan(200_000);
    // inflated, it would pass the ratio cap and the part cap: it is read, so it was not
    expect(allRows(opened(openWorkbook(bytes, { maxRatio: 10, maxPartBytes: 1024 * 1024 })), '表1')).toEqual([{ row: 0, cells: [1] }]);
  });

  it('a sheet that bombs is refused by its ratio as soon as it passes it', () => {
    const bomb = new Uint8Array(48 * 1024 * 1024).fill(32);
    bomb.set(strToU8(`<?xml version="1.0"?><worksheet ${NS}><sheetData>`));
    const result = refusal(makeXlsx(bomb));
    expect(result.status).toBe(413);
    expect(result.error.field).toBe('maxRatio');
    expect(result.error.message.en).toMatch(/compression ratio of a workbook part \(xl\/worksheets\/sheet1\.xml\): \d+ ×, over the cap of 200 ×/);
    expect(result.error.message.zh).toContain('压缩比');
  });

  it('a sheet past its inflated-size cap is refused, naming the cap', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const declared = refusal(makeXlsx(sheetXml(rows)), { maxSheetBytes: 10_000 });
    expect(declared).toMatchObject({ status: 413, error: { field: 'maxSheetBytes' } });
    expect(declared.error.message.en).toMatch(/inflated size of the sheet XML \(xl\/worksheets\/sheet1\.xml\): \d+ bytes, over the cap of 10000 bytes/);
    // a size declared falsely small is found out while inflating
    const hidden = refusal(understated(makeXlsx(sheetXml(rows)), 'xl/worksheets/sheet1.xml'), { maxSheetBytes: 10_000 });
    expect(hidden).toMatchObject({ status: 413, error: { field: 'maxSheetBytes' } });
    expect(hidden.error.message.en).toContain('more than the cap of 10000 bytes');
  });

  it('16,384 columns', () => {
    const cells = Array.from({ length: 16_384 }, (_, c) => `<c><v>${c}</v></c>`).join('');
    const result = refusal(makeXlsx(sheetXml(`<row r="1">${cells}</row>`)));
    expect(result.status).toBe(413);
    expect(result.error.field).toBe('maxColumns');
    expect(result.error.message.en).toContain(`over the cap of ${DEFAULT_WORKBOOK_LIMITS.maxColumns} columns`);
    expect(result.error.message.zh).toContain('工作表的列数');
  });

  it('a million blank rows', () => {
    const rows: string[] = [];
    for (let r = 1; r <= 1_000_000; r++) rows.push(`<row r="${r}"/>`);
    const result = refusal(makeXlsx(sheetXml(rows.join(''))));
    expect(result.status).toBe(413);
    expect(result.error.field).toBe('maxRows');
    expect(result.error.message.en).toContain(`rows in the sheet: more than the cap of ${DEFAULT_WORKBOOK_LIMITS.maxRows} rows`);
  });

  it('too many filled cells, and a merge that would fill too many', () => {
    const rows = Array.from({ length: 100 }, (_, r) => `<row r="${r + 1}">${'<c><v>1</v></c>'.repeat(10)}</row>`).join('');
    expect(refusal(makeXlsx(sheetXml(rows)), { maxCells: 999 })).toMatchObject({ status: 413, error: { field: 'maxCells' } });
    const merged = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:IV1000000"/></mergeCells>');
    expect(refusal(makeXlsx(merged))).toMatchObject({ status: 413, error: { field: 'maxRows' } });
  });

  it('text in one cell over the cap (inline or shared)', () => {
    const long = '字'.repeat(40_000);
    expect(refusal(makeXlsx(sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row>`)))).toMatchObject({
      status: 413,
      error: { field: 'maxCellText' },
    });
    const strings = `<sst ${NS}><si><t>${long}</t></si></sst>`;
    expect(refusal(makeXlsx(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { strings }))).toMatchObject({
      status: 413,
      error: { field: 'maxCellText' },
    });
  });

  it('shared strings past their cap', () => {
    const strings = `<sst ${NS}>${'<si><t>重复的文字</t></si>'.repeat(10_000)}</sst>`;
    const result = refusal(makeXlsx(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { strings }), { maxSharedStringBytes: 64 * 1024 });
    expect(result).toMatchObject({ status: 413, error: { field: 'maxSharedStringBytes' } });
  });

  it('a DOCTYPE with entities, in the sheet or in the workbook part', () => {
    const doctype = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>`;
    const inSheet = refusal(
      makeXlsx(`${doctype}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`),
    );
    expect(inSheet.status).toBe(422);
    expect(inSheet.error.message.en).toContain('DOCTYPE or ENTITY');
    const inBook = openWorkbook(
      makeXlsx(sheetXml(''), { workbook: `${doctype}<workbook ${NS}><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>` }),
    );
    expect(inBook).toMatchObject({ ok: false, status: 422 });
  });

  it('damaged bytes anywhere: a refusal or rows, never a crash', () => {
    const good = makeXlsx(
      sheetXml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2.5</v></c></row><row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>',
        '<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>',
      ),
      { strings: `<sst ${NS}><si><t>甲</t></si></sst>` },
    );
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const bytes = good.slice();
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const book = openWorkbook(bytes);
      if (!book.ok) {
        expect([413, 422]).toContain(book.status);
        continue;
      }
      for (const { name } of book.value.sheets) {
        const source = book.value.open(name);
        if (source.ok) rowsOf(source.value);
        else expect([413, 422]).toContain(source.status);
      }
    }
  });

  it('not a zip, a truncated zip, malformed XML: 422', () => {
    const good = makeXlsx(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'));
    expect(openWorkbook(strToU8('PK\u0003\u0004 not really'))).toMatchObject({ ok: false, status: 422 });
    expect(openWorkbook(good.subarray(0, good.length - 30))).toMatchObject({ ok: false, status: 422 });
    expect(refusal(makeXlsx(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c>`))).toMatchObject({ status: 422 });
    expect(refusal(makeXlsx(sheetXml('<row r="1"><c r="A1" t="s"><v>3</v></c></row>')))).toMatchObject({ status: 422 });
  });
});
