/**
 * The answer-amplification workbook: one long shared string, referenced by a text column of every row, in a
 * few kilobytes of .xlsx (the string compresses to almost nothing). Used by the Worker tests and the bench.
 */
import { strToU8, zipSync } from 'fflate';

export function amplificationWorkbook(rows: number, stringChars: number): Uint8Array<ArrayBuffer> {
  const header = ['rowId', 'totalStaff', 'disabledCounted', 'monthlyMinWage', 'note'];
  const cell = (ref: string, value: string | number) =>
    typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  const sheetRows = [
    `<row r="1">${header.map((h, i) => cell(`${'ABCDE'[i]}1`, h)).join('')}</row>`,
    ...Array.from({ length: rows }, (_, i) => {
      const r = i + 2;
      return `<row r="${r}">${cell(`A${r}`, `r${i}`)}${cell(`B${r}`, 400)}${cell(`C${r}`, 9)}${cell(`D${r}`, 1980)}<c r="E${r}" t="s"><v>0</v></c></row>`;
    }),
  ];
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const zip = zipSync(
    {
      '[Content_Types].xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
      '_rels/.rels': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
      ),
      'xl/sharedStrings.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${rows}" uniqueCount="1"><si><t>${'备'.repeat(stringChars)}</t></si></sst>`,
      ),
    },
    { level: 9 },
  );
  return new Uint8Array(zip);
}
