/**
 * A clerk's form as flat ODS (`.fods`), for LibreOffice to save as `.xlsx` and `.xls`: a 填表说明 sheet
 * first, a merged title, a 填报单位 line, a two-row grouped header, districts merged down, dates shown as
 * 2024年6月30日, ￥ amounts, a hidden row and a filtered row, a 合计 row with a formula, signature lines,
 * and a hidden sheet.
 */

type Cell =
  | string
  | { text: string; across?: number; down?: number }
  | { number: number; money?: boolean }
  | { date: string }
  | { formula: string; value: number }
  | null
  | 'covered';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cell(c: Cell): string {
  if (c === null) return '<table:table-cell/>';
  if (c === 'covered') return '<table:covered-table-cell/>';
  if (typeof c === 'string') return `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`;
  if ('text' in c) {
    const span = `${c.across ? ` table:number-columns-spanned="${c.across}"` : ''}${c.down ? ` table:number-rows-spanned="${c.down}"` : ''}`;
    return `<table:table-cell${span} office:value-type="string"><text:p>${esc(c.text)}</text:p></table:table-cell>`;
  }
  if ('date' in c)
    return `<table:table-cell table:style-name="ceDate" office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`;
  if ('formula' in c)
    return `<table:table-cell table:style-name="ceMoney" table:formula="${esc(c.formula)}" office:value-type="currency" office:currency="CNY" office:value="${c.value}"><text:p>${c.value}</text:p></table:table-cell>`;
  return c.money
    ? `<table:table-cell table:style-name="ceMoney" office:value-type="currency" office:currency="CNY" office:value="${c.number}"><text:p>￥${c.number}</text:p></table:table-cell>`
    : `<table:table-cell office:value-type="float" office:value="${c.number}"><text:p>${c.number}</text:p></table:table-cell>`;
}

const row = (cells: Cell[], visibility?: 'collapse' | 'filter') =>
  `<table:table-row${visibility ? ` table:visibility="${visibility}"` : ''}>${cells.map(cell).join('')}</table:table-row>`;

const table = (name: string, rows: string[], columns = 7, hidden = false) =>
  `<table:table table:name="${esc(name)}"${hidden ? ' table:style-name="taHidden"' : ''}><table:table-column table:number-columns-repeated="${columns}"/>${rows.join('')}</table:table>`;

/** The form's sheet names, in order. */
export const FORM_SHEETS = ['填表说明', '超比例奖励', '代码表'] as const;

export function formFods(): string {
  const notes = table('填表说明', [row(['1. 金额单位为元。']), row(['2. 日期按 2024年6月30日 填写。'])], 1);
  const form = table('超比例奖励', [
    row([{ text: '2024年度超比例安排残疾人就业奖励申报表', across: 7 }, 'covered', 'covered', 'covered', 'covered', 'covered', 'covered']),
    row(['填报单位：包头市残疾人联合会', null, null, null, null, '单位：元', null]),
    row([
      { text: '序号', down: 2 },
      { text: '旗县区', down: 2 },
      { text: '单位名称', down: 2 },
      { text: '申报金额', across: 2 },
      'covered',
      { text: '申报日期', down: 2 },
      { text: '备注', down: 2 },
    ]),
    row(['covered', 'covered', 'covered', '本年', '上年', 'covered', 'covered']),
    row([
      { number: 1 },
      { text: '昆都仑区', down: 2 },
      '包头钢铁 & 稀土 <一>',
      { number: 29700, money: true },
      { number: 12000.5, money: true },
      { date: '2024-06-30' },
      '“引号”',
    ]),
    row([{ number: 2 }, 'covered', '鹿城商贸有限公司', { number: 1500, money: true }, { number: 0, money: true }, { date: '2024-01-05' }, null]),
    row([{ number: 3 }, '东河区', '隐藏行公司', { number: 100, money: true }, null, { date: '2023-12-31' }, '隐藏'], 'collapse'),
    row([{ number: 4 }, '青山区', '筛选掉的公司', { number: 200, money: true }, null, { date: '2024-02-29' }, '筛选'], 'filter'),
    row([null, null, null, null, null, null, null]),
    row([
      { text: '合计', across: 3 },
      'covered',
      'covered',
      { formula: 'of:=SUM([.D5:.D8])', value: 31500 },
      { formula: 'of:=SUM([.E5:.E8])', value: 12000.5 },
      null,
      null,
    ]),
    row(['填表人：张三', null, '审核人：李四', null, '联系电话：0472-1234567', null, '填报日期：2024年7月1日']),
  ]);
  const codes = table('代码表', [row(['昆都仑区', { number: 150203 }]), row(['东河区', { number: 150202 }])], 2, true);
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="NDate" number:language="zh" number:country="CN"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
<number:currency-style style:name="NMoney" number:language="zh" number:country="CN"><number:currency-symbol number:language="zh" number:country="CN">￥</number:currency-symbol><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:currency-style>
<style:style style:name="ceDate" style:family="table-cell" style:data-style-name="NDate"/>
<style:style style:name="ceMoney" style:family="table-cell" style:data-style-name="NMoney"/>
<style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:database-ranges><table:database-range table:name="__Anonymous_Sheet_DB__1" table:target-range-address="'超比例奖励'.A4:'超比例奖励'.G8" table:display-filter-buttons="true"/></table:database-ranges>
${notes}${form}${codes}
</office:spreadsheet></office:body></office:document>`;
}
