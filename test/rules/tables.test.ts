// The table module's pure parts, in Node: cells in clerks' forms, header matching, skipped rows, the CSV writer.
import { describe, expect, it } from 'vitest';
import { findRule, listRules } from '../../rules/index.ts';
import { amountText, cellForInput, columnOf, csvCell, dateText, readHeader, skipReason, TableBatch, templateCsv } from '../../rules/tables/index.ts';
import { filledReaderOf } from '../../rules/tables/cells.ts';

const overquota = listRules().find((m) => m.id === 'overquota-reward')!;

describe('cells', () => {
  it('reads every date form clerks write, and leaves other forms to be refused', () => {
    for (const form of [
      '2024-06-30',
      '2024/6/30',
      '2024-6-30',
      '2024.6.30',
      '2024年6月30日',
      '2024/6/30 0:00',
      '2024/06/30 00:00:00',
      ' 2024 年 6 月 30 日 ',
    ]) {
      expect(dateText(form), form).toBe('2024-06-30');
    }
    for (const other of ['6/30/24', '30/6/2024', '2024/6-30', '2024年6月', 'yesterday']) expect(dateText(other), other).toBeUndefined();
    expect(cellForInput(45473, { type: 'date' })).toBe('2024-06-30');
    expect(cellForInput('6/30/24', { type: 'date' })).toBe('6/30/24');
  });

  it('reads amounts with currency signs, 元, thousands separators and spaces; nothing else is rewritten', () => {
    for (const form of ['￥29,700.00', '¥29700', '29,700.00 元', '29700元', ' 29700 ', '29 700', '￥ 29,700.00 '])
      expect(amountText(form).replace(/\.00$/, ''), form).toBe('29700');
    expect(amountText('$29,700.00')).toBe('$29,700.00');
    expect(amountText('29,70')).toBe('29,70');
    expect(cellForInput('￥1,980.00', { type: 'money' })).toBe('1980.00');
    expect(cellForInput(1980, { type: 'money' })).toBe(1980);
  });

  it("a column's reader reads each cell as the cell alone reads, the same cell again or not", () => {
    const cells: Record<string, unknown[]> = {
      date: ['2024/6/30', '2024/6/30', '2024-06-30', 45473, 45473, '2024/6/30', 'x', 'x', '2024年6月30日', 45473.5],
      district: ['昆都仑', '昆都仑', '包头市青山区', '昆都仑', ' 土右 ', ' 土右 ', 'nowhere', 'nowhere', '昆都仑区'],
      boolean: ['已办理', '已办理', '未参保', '是', '已办理', ' 否 ', ' 否 '],
    };
    for (const [type, column] of Object.entries(cells)) {
      const spec = { type } as Parameters<typeof filledReaderOf>[0];
      const reader = filledReaderOf(spec);
      for (const cell of column) expect(reader(cell), `${type} ${String(cell)}`).toBe(cellForInput(cell, spec));
    }
  });
});

describe('headers', () => {
  it('matches names and labels with units in ASCII or full-width parentheses, case and full-width letters', () => {
    for (const header of ['在职职工总数（人）', '在职职工总数(人)', ' 在职职工总数 ', 'TOTALSTAFF', 'ｔｏｔａｌＳｔａｆｆ', 'Total staff (persons)']) {
      expect(columnOf(header, overquota), header).toMatchObject({ kind: 'input', name: 'totalStaff' });
    }
    expect(columnOf('申报金额（元）', overquota).kind).toBe('claimed');
    expect(columnOf('单位名称', overquota).kind).toBe('extra');
  });

  it('every template header reads back as the rule’s own columns', () => {
    for (const meta of listRules().filter((m) => !m.inputs.some((i) => i.type === 'records' && i.required))) {
      const header = templateCsv(meta)
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]
        .split(',');
      const reading = readHeader(header, meta);
      expect(reading.ok && reading.ignoredColumns, meta.id).toEqual(['单位名称', '备注']);
    }
  });

  it('skips blank, total and notes rows, and only those', () => {
    const reading = readHeader(['序号', '在职职工总数'], overquota);
    if (!reading.ok) throw new Error('header');
    expect(skipReason(['', ' '], reading.columns)?.zh).toContain('空行');
    expect(skipReason(['合 计', 400], reading.columns)?.zh).toContain('合计');
    expect(skipReason(['', '小计'], reading.columns)?.zh).toContain('合计');
    expect(skipReason(['说明：示例', ''], reading.columns)?.zh).toContain('说明');
    expect(skipReason(['1', 400], reading.columns)).toBeUndefined();
    expect(skipReason(['1', '合计'], reading.columns)).toBeUndefined(); // 合计 only in the row-id or first cell
  });

  it('reads a row the short way only when no cell can begin with a skip word: the same skips as the words say', () => {
    // the words as the skip tests read a cell: NFKC, spaces removed (the total words in any case)
    const compact = (cell: string) => cell.normalize('NFKC').replace(/\s+/g, '');
    const isTotal = (cell: string) => /^(合计|总计|小计|共计|总合计|total|subtotal|grandtotal)/i.test(compact(cell));
    const isExample = (cell: string) => /^(示例|\(示例|示例\)|\(示例\))$|^(示例行|示例[:：]|例[:：])/.test(compact(cell));
    const cells = ['true', 'TRUE', 'True', 'tr', 't', 'to', 'tO', 'total', 'Total 5', ' to tal', 't\u3000otal', 'ｔｏｔａｌ', 'Ｔotal', 'tｏtal'];
    cells.push('to\u0308tal', 'sub total', 'Subtotal', 'suBTOTAL', 'su', 'st', 'gr', 'grand total', 'Grandtotal', 'g', 'go', '合 计', '合计', '合', '合同');
    cells.push('\u3000小计', '总合计', '总数', '(示例)', '（示例）', '(', '((', '示例', '示', '示例行', '例：', '例子', '(a', '例:1', 'T\u0301otal');
    const meta = listRules().find((m) => m.id === 'overquota-reward')!;
    const reading = readHeader(['序号', '在职职工总数', '残疾职工折算人数', '所涉日期'], meta);
    if (!reading.ok) throw new Error('header');
    const batch = new TableBatch(findRule('overquota-reward')!, meta);
    for (const cell of cells) {
      const total = batch.addCells([cell, '400', '9', '2024-06-30'], reading.columns);
      expect(total.status === 'skipped' && total.reason?.zh.startsWith('合计行'), cell).toBe(isTotal(cell));
      const example = batch.addCells(['1', cell, '9', '2024-06-30'], reading.columns);
      expect(example.status === 'skipped' && example.reason?.zh.includes('示例'), cell).toBe(isExample(cell));
    }
  });
});

describe('the CSV writer (issue 13, finding 5)', () => {
  it('neutralises full-width and space-led formula triggers; numbers stay numeric', () => {
    for (const cell of ['＝1', '＋1', '－1', '＠A1', ' =1', '\u00a0+1', '\u3000-1', '\u3000＝1']) expect(csvCell(cell).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('-9900.00')).toBe('-9900.00');
    expect(csvCell(-1)).toBe('-1');
  });
});
