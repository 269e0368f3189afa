/**
 * The form reader and values as clerks write them, without a Worker: header marks and aliases, cells in
 * clerks' forms (districts, units, 万, eight-digit dates, 已办理), the header located among a form's first
 * rows (title, 填报单位, grouped two-row header, a table starting at B3), non-claim rows skipped with
 * reasons, and the filing-date message. The LibreOffice-made forms go through the Worker in test/e2e/forms.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, listRules, type Failure } from '../../rules/index.ts';
import { inputForHeader, normaliseHeader } from '../../rules/columns.ts';
import { cellForInput, claimedCell, locateHeader, skipReason, TableBatch } from '../../rules/tables/index.ts';
import { districts } from '../../rules/parameters/districts.ts';
import { findRule } from '../../rules/registry.ts';
import type { SheetRow } from '../../rules/tables/sheet-source.ts';

const overquota = listRules().find((m) => m.id === 'overquota-reward')!;
const spec = (name: string) => overquota.inputs.find((i) => i.name === name)!;

describe('headers as offices write them', () => {
  it('drops required marks, line breaks and units, and reads aliases from the specs', () => {
    for (const h of [
      '在职职工总数*',
      '在职职工总数＊',
      '※在职职工总数',
      '在职职工总数(必填)',
      '在职职工\n总数（人）',
      '在职职工总数（人）*',
      '职工人数',
      '在职人数',
    ]) {
      expect(inputForHeader(h, overquota.inputs)?.name, h).toBe('totalStaff');
    }
    expect(inputForHeader('安排残疾人数', overquota.inputs)?.name).toBe('disabledCounted');
    expect(inputForHeader('所属旗县区', overquota.inputs)?.name).toBe('district');
    expect(normaliseHeader('申请补贴金额（元）')).toBe('申请补贴金额');
    expect(spec('totalStaff').aliases).toContain('职工人数');
  });
});

describe('values as clerks write them', () => {
  it('reads districts with the city or region in front and without their suffix, for every district listed', () => {
    const district = spec('district');
    expect(cellForInput('包头市昆都仑区', district)).toBe('昆都仑区');
    expect(cellForInput('内蒙古自治区包头市青山区', district)).toBe('青山区');
    expect(cellForInput('昆都仑', district)).toBe('昆都仑区');
    expect(cellForInput('土右', district)).toBe('土默特右旗');
    expect(cellForInput('达茂', district)).toBe('达尔罕茂明安联合旗');
    for (const d of districts) expect(cellForInput(`包头市${d.zh}`, district)).toBe(d.zh);
    expect(cellForInput('火星区', district)).toBe('火星区'); // unknown: left for the rule to refuse
  });

  it('reads numbers with the input’s own unit, 万 for money only (exactly), eight-digit dates and 已办理/未参保', () => {
    expect(cellForInput('500人', spec('totalStaff'))).toBe('500');
    expect(cellForInput('1980元/月', spec('monthlyMinWage'))).toBe('1980');
    expect(cellForInput('0.198万', spec('monthlyMinWage'))).toBe('1980');
    expect(claimedCell('1.98万')).toBe('19800');
    expect(claimedCell('2.97万元')).toBe('29700');
    expect(claimedCell('0.00001万')).toBe('0.1');
    expect(cellForInput('1.98万', spec('totalStaff'))).toBe('1.98万'); // not money: refused by the rule
    expect(cellForInput('20240630', spec('date'))).toBe('2024-06-30');
    expect(cellForInput(20240630, spec('date'))).toBe('2024-06-30');
    expect(cellForInput('20241331', spec('date'))).toBe('20241331');
    expect(cellForInput('已办理', { type: 'boolean' })).toBe('是');
    expect(cellForInput('未参保', { type: 'boolean' })).toBe('否');
    // read as written (trimmed) unless a done/not-done word
    const yesNo = {
      '\u3000已 办理 ': '是',
      ' 未参保': '否',
      '已办理\t': '是',
      'true ': 'true',
      FALSE: 'FALSE',
      ' 否 ': '否',
      已: '已',
      未知: '未知',
      '１': '１',
    };
    for (const [cell, read] of Object.entries(yesNo)) expect(cellForInput(cell, { type: 'boolean' }), cell).toBe(read);
  });
});

const rows = (...lines: (string | number | undefined)[][]): SheetRow[] => lines.map((cells, row) => ({ row, cells }));

describe('the header located', () => {
  it('passes over a title, a 填报单位 line and leading empty columns; reads a grouped two-row header; keeps the preamble', () => {
    const sheet = rows(
      [],
      [undefined, '包头市2024年度超比例安排残疾人就业奖励申报汇总表'],
      [undefined, '填报单位：××区残联', '', '', '', '', '', '单位：元'],
      [undefined, '序号', '单位基本情况', '', '职工情况', '', '旗县区', '所涉日期', '申报金额（元）'],
      [undefined, '', '单位名称', '统一社会信用代码', '在职职工总数*', '残疾职工折算人数*', '', '', ''],
      [undefined, 1, '甲', 'X', 400, 9, '昆都仑区', '2024年6月30日', 29700],
    );
    const found = locateHeader(sheet, overquota);
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    const h = found.header;
    expect([h.firstRow, h.lastRow, h.offset]).toEqual([3, 4, 1]);
    expect(h.headers).toEqual(['序号', '单位名称', '统一社会信用代码', '在职职工总数*', '残疾职工折算人数*', '旗县区', '所涉日期', '申报金额（元）']);
    expect(h.columns.map((c) => (c.kind === 'input' ? c.name : c.kind))).toEqual([
      'rowId',
      'extra',
      'extra',
      'totalStaff',
      'disabledCounted',
      'district',
      'date',
      'claimed',
    ]);
    expect(h.preamble).toEqual(['包头市2024年度超比例安排残疾人就业奖励申报汇总表', '填报单位：××区残联  单位：元']);
    expect(h.unmatched).toEqual(['单位名称', '统一社会信用代码']);
  });

  it('reads a workbook’s merged copies as one header: a cell merged down names its column, a parent merged across names none', () => {
    const sheet: SheetRow[] = [
      { row: 0, cells: ['序号', '单位基本情况', '单位基本情况', '旗县区', '申报金额'], merged: [2] },
      { row: 1, cells: ['序号', '单位名称', '在职职工总数', '旗县区', '申报金额'], merged: [0, 3, 4] },
    ];
    const found = locateHeader(sheet, overquota);
    expect(found.ok && found.header.columns.map((c) => c.kind)).toEqual(['rowId', 'extra', 'input', 'input', 'claimed']);
  });

  it('takes both rows of a grouped header when cells are merged down into the second, even where the children name nothing the rule reads', () => {
    // 申报金额 over 本年 / 上年: read alone, the first row would name 申报金额 and leave the second as a data row
    const sheet: SheetRow[] = [
      { row: 2, cells: ['序号', '在职职工总数', '残疾职工折算人数', '申报金额', '申报金额'], merged: [4] },
      { row: 3, cells: ['序号', '在职职工总数', '残疾职工折算人数', '本年', '上年'], merged: [0, 1, 2] },
      { row: 4, cells: [1, 400, 9, 29700, 0] },
    ];
    const found = locateHeader(sheet, overquota);
    expect(found.ok && [found.header.firstRow, found.header.lastRow]).toEqual([2, 3]);
    expect(found.ok && found.header.unmatched).toEqual(['本年', '上年']);
  });

  it('refuses a sheet with no header, naming the rows looked at and the closest one; a mapping makes it readable', () => {
    const sheet = rows(['说明'], ['职工合计', '折算残疾人', '日期'], [400, 9, '2024-06-30']);
    const refused = locateHeader(sheet, overquota);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: 'unknown-column', field: 'header' });
    expect(refused.error.message.zh).toContain('第 1–3 行');
    const mapped = locateHeader(sheet, overquota, { 职工合计: 'totalStaff', 折算残疾人: 'disabledCounted' });
    expect(mapped.ok && mapped.header.firstRow).toBe(1);
  });
});

describe('rows that are not claims', () => {
  const found = locateHeader(rows(['序号', '单位名称', '在职职工总数', '残疾职工折算人数', '所涉日期', '申报金额']), overquota);
  const columns = found.ok ? found.header.columns : [];
  it.each([
    [['填表人：张三', '', '审核人：李四', '', '填报日期：', '2024年7月1日'], '签章'],
    [['填表人：张三    审核人：李四    联系电话：0472-1234567'], '签章'],
    [['', '', '', '', '', '2024年7月1日'], '没有填写'],
    [[1, '（示例）', 400, 9, '2024-06-30', ''], '示例'],
    [[7, '', '', '', '', ''], '没有填写'],
    [['合　计', '', 800, 18, '', 59400], '合计'],
  ])('%j is skipped (%s)', (cells, word) => {
    expect(skipReason(cells, columns)?.zh).toContain(word);
  });
  it('a row that looks like a claim but lacks an input stays invalid, naming its cell and the accepted forms', () => {
    const batch = new TableBatch(findRule('overquota-reward')!, overquota);
    const row = batch.addCells([3, '丙', '四百', 9, '2024-06-30', ''], columns, { row: 6, offset: 1 });
    expect(row.status).toBe('invalid');
    expect(row.error?.message.zh).toMatch(/^D7 单元格（在职职工总数）：.*500人/);
    const hidden = batch.addCells([4, '丁', 400, 9, '2024-06-30', ''], columns, { row: 7, offset: 1, hidden: true });
    expect(hidden.warnings?.some((w) => w.zh.includes('隐藏'))).toBe(true);
    expect(batch.summary().hidden).toBe(1);
  });
});

describe('the filing-date trap', () => {
  it('a date outside every plan says 所涉日期 is the date the claim is for, not the filing date, and names the plans’ windows', () => {
    const answer = evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2025-03-15' }) as Failure;
    expect(answer.ok).toBe(false);
    expect(answer.error.message.zh).toContain('“所涉日期”是申报所针对的日期');
    expect(answer.error.message.zh).toContain('不是填表或申报的日期');
    expect(answer.error.message.zh).toMatch(/2023-04-22/);
    expect(answer.error.message.en).toContain('not the date of filing');
  });
});
