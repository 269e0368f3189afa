/**
 * Hand-made `.xlsx` files for tests (zipped with fflate): one sheet of given XML, with optional shared
 * strings, styles and extra entries; and zips whose central directory lies about a size.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
  `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/></Types>`;

/** The zip with the inflated size its central directory declares for `name` set to 0 (a lie the reader must not trust). */
export function understated(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const wanted = strToU8(name);
  for (let i = out.length - 46; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x02014b50 || view.getUint16(i + 28, true) !== wanted.length) continue;
    if (out.subarray(i + 46, i + 46 + wanted.length).every((b, k) => b === wanted[k])) view.setUint32(i + 24, 0, true);
  }
  return out;
}

/** A one-sheet `.xlsx` with the given sheet XML (and optional shared strings, styles and extra entries). */
export function makeXlsx(sheet: string | Uint8Array, extra: { strings?: string; styles?: string; entries?: Zippable; workbook?: string } = {}): Uint8Array {
  const links = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (extra.strings !== undefined) links.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (extra.styles !== undefined) links.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      extra.workbook ?? `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links.join('')}</Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': [typeof sheet === 'string' ? strToU8(sheet) : sheet, { level: 6 }],
    ...extra.entries,
  };
  if (extra.strings !== undefined) files['xl/sharedStrings.xml'] = strToU8(extra.strings);
  if (extra.styles !== undefined) files['xl/styles.xml'] = strToU8(extra.styles);
  return zipSync(files);
}

export const sheetXml = (rows: string, after = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows}</sheetData>${after}</worksheet>`;
