// Workbooks through the batch route in workerd: size caps refused with 413 naming the size and its cap,
// malformed files with 422, sheets looked up without the prototype; a form's merged districts read.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { call, postBatch } from './helpers.ts';
import { makeXlsx, NS, sheetXml } from '../support/xlsx-parts.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Refusal {
  error: { code: string; field?: string; message: { zh: string; en: string } };
}
const post = (bytes: Uint8Array, query = '') => postBatch(`overquota-reward${query}`, bytes as BodyInit, XLSX_TYPE);

describe('workbooks through the batch route', { timeout: 60_000 }, () => {
  it('?sheet=__proto__ (and constructor) is a sheet like any other: 422 naming the sheets there', async () => {
    const workbook = new Uint8Array(await (await call('/v1/rules/overquota-reward/template.xlsx')).arrayBuffer());
    for (const name of ['__proto__', 'constructor']) {
      const response = await post(workbook, `?sheet=${name}`);
      expect(response.status).toBe(422);
      const { error } = (await response.json()) as Refusal;
      expect(error).toMatchObject({ code: 'unreadable-table', field: 'sheet' });
      expect(error.message.en).toBe(`The workbook has no sheet named "${name}" (it has: 填报, 说明)`);
    }
  });

  it('16,384 columns: 413 naming the columns and their cap', async () => {
    const cells = Array.from({ length: 16_384 }, (_, c) => `<c><v>${c}</v></c>`).join('');
    const response = await post(makeXlsx(sheetXml(`<row r="1">${cells}</row>`)));
    expect(response.status).toBe(413);
    const { error } = (await response.json()) as Refusal;
    expect(error.field).toBe('maxColumns');
    expect(error.message.zh).toContain('工作表的列数为 16384 列，超过上限 256 列');
    expect(error.message.en).toContain('columns in the sheet: 16384 columns, over the cap of 256 columns');
  });

  it('blank rows past the batch row cap (plus a form’s own lines): 413 naming the rows', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 20_000; r++) rows.push(`<row r="${r}"/>`);
    const response = await post(makeXlsx(sheetXml(rows.join(''))));
    expect(response.status).toBe(413);
    const { error } = (await response.json()) as Refusal;
    expect(error.field).toBe('maxRows');
    expect(error.message.en).toContain('more than the cap of 2000 rows'); // MAX_BATCH_ROWS 1000 in these tests, + 1000 form lines
  });

  it('a sheet that bombs: 413 naming the compression ratio', async () => {
    const bomb = new Uint8Array(8 * 1024 * 1024).fill(32);
    bomb.set(strToU8(`<?xml version="1.0"?><worksheet ${NS}><sheetData>`));
    const response = await post(makeXlsx(bomb));
    expect(response.status).toBe(413);
    expect(((await response.json()) as Refusal).error.field).toBe('maxRatio');
  });

  it('a DOCTYPE: 422', async () => {
    const response = await post(makeXlsx(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet ${NS}><sheetData/></worksheet>`));
    expect(response.status).toBe(422);
    expect(((await response.json()) as Refusal).error.message.en).toContain('DOCTYPE or ENTITY');
  });

  it('districts merged down reach every row they cover', async () => {
    const header =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>旗县区</t></is></c><c r="B1" t="inlineStr"><is><t>在职职工总数</t></is></c><c r="C1" t="inlineStr"><is><t>残疾职工折算人数</t></is></c><c r="D1" t="inlineStr"><is><t>月最低工资标准</t></is></c></row>';
    const row = (r: number, district: string) =>
      `<row r="${r}">${district ? `<c r="A${r}" t="inlineStr"><is><t>${district}</t></is></c>` : ''}<c r="B${r}"><v>400</v></c><c r="C${r}"><v>9</v></c><c r="D${r}"><v>1980</v></c></row>`;
    const bytes = makeXlsx(sheetXml(header + row(2, '昆都仑区') + row(3, ''), '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>'));
    const response = await postBatch('overquota-reward?cells=1', bytes as BodyInit, XLSX_TYPE);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: { cells?: unknown[] }[] };
    expect(body.rows.map((r) => r.cells?.[0])).toEqual(['昆都仑区', '昆都仑区']);
  });

  it("workerd's native inflater is read into the reader's own buffers, 64 KB at a time (the workbook reader's speed rests on it)", async () => {
    // rules/tables/inflate-ahead.ts reads a BYOB reader when the stream gives one: workerd's default reader hands out 4 KB pieces
    const xml = strToU8(sheetXml(Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')));
    const deflated = new Uint8Array(await new Response(new Blob([xml]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const inflater = new DecompressionStream('deflate-raw');
    const writer = inflater.writable.getWriter();
    void writer.write(deflated).then(() => writer.close());
    const reader = inflater.readable.getReader({ mode: 'byob' }) as unknown as {
      read(view: Uint8Array, options: { min: number }): Promise<ReadableStreamReadResult<Uint8Array>>;
    };
    const sizes: number[] = [];
    for (;;) {
      const { done, value } = await reader.read(new Uint8Array(64 * 1024), { min: 64 * 1024 });
      if (value?.length) sizes.push(value.length);
      if (done) break;
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(xml.length);
    expect(sizes.slice(0, -1).every((size) => size === 64 * 1024)).toBe(true);
  });
});
