/**
 * The bench's wide workbook, made here (never committed): an `.xlsx` of `rows` rows and 12 columns as a
 * spreadsheet program saves a clerk's table, with shared strings for text (two long text columns, 单位名称
 * and 备注, different on every row; a short 旗县区 that repeats), ￥ amounts and 2024年6月30日 dates by
 * number format, and a header row of Chinese labels the batch reads. Zipped with fflate at level 6.
 */
import { strToU8, zipSync } from 'fflate';
import { rowsFor } from './rows.ts';
import { BATCH_RULE } from './worker.ts';

export const WIDE_COLUMNS = [
  '序号',
  '旗县区',
  '单位名称',
  '在职职工总数',
  '残疾职工折算人数',
  '月最低工资标准',
  '所涉日期',
  '申报金额',
  '安置人数',
  '联系电话',
  '填报日期',
  '备注',
] as const;

const DISTRICTS = ['昆都仑区', '青山区', '东河区', '九原区', '石拐区', '白云鄂博矿区', '土默特右旗', '固阳县', '达尔罕茂明安联合旗'];
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const col = (c: number) => String.fromCharCode(65 + c);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function wideWorkbook(rows: number): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const text = (c: number, r: number, s: string) => `<c r="${col(c)}${r}" t="s"><v>${sst(s)}</v></c>`;
  const num = (c: number, r: number, n: number, style = 0) => `<c r="${col(c)}${r}"${style ? ` s="${style}"` : ''}><v>${n}</v></c>`;
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><dimension ref="A1:L${rows + 1}"/><sheetData>`];
  parts.push(`<row r="1">${WIDE_COLUMNS.map((h, c) => text(c, 1, h)).join('')}</row>`);
  const data = rowsFor(BATCH_RULE, rows, 7) as { totalStaff: number; disabledCounted: number; monthlyMinWage: number }[];
  const date = 45473; // 2024-06-30
  data.forEach((d, i) => {
    const r = i + 2;
    parts.push(
      `<row r="${r}">` +
        num(0, r, i + 1) +
        text(1, r, DISTRICTS[i % DISTRICTS.length]) +
        text(2, r, `包头市第${i + 1}号示范科技股份有限公司稀土新材料分公司`) +
        num(3, r, d.totalStaff) +
        num(4, r, d.disabledCounted) +
        num(5, r, d.monthlyMinWage, 2) +
        num(6, r, date, 1) +
        num(7, r, 29700, 2) +
        num(8, r, (i % 7) + 1) +
        num(9, r, 13900000000 + i) +
        num(10, r, date + (i % 30), 1) +
        text(11, r, `第${i + 1}行：已核对残疾人证与劳动合同，按月足额缴纳社会保险，材料齐全`) +
        '</row>',
    );
  });
  parts.push('</sheetData></worksheet>');
  const sheet = strToU8(parts.join(''));
  parts.length = 0;
  const sharedStrings = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
  );
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="&quot;￥&quot;#,##0.00"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="177" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/></Types>`,
      ),
      '_rels/.rels': strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="填报" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
      'xl/styles.xml': strToU8(styles),
      'xl/sharedStrings.xml': sharedStrings,
      'xl/worksheets/sheet1.xml': sheet,
    },
    { level: 6 },
  );
}
