/**
 * A small streaming xlsx (SpreadsheetML) writer for answers and templates: inline strings, numbers,
 * money as numbers with a two-decimal format, dates as date cells, coloured status cells, a frozen
 * bold header row, column widths and list drop-downs (data validation). Rows go out as they are written:
 * the zip (fflate, deflate level 1) is streamed through `ondata`, so nothing but the current piece is held.
 * SheetJS Community Edition does not write cell styles, hence this writer.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { RowStatus } from '../batch.ts';
import { isMoney, type AnswerCell } from './answers.ts';
import { neutralise } from './csv-write.ts';

export type XlsxCell = AnswerCell | { date: string } | null;

export interface Validation {
  /** 0-based column. */
  column: number;
  /** The values offered in the drop-down (Excel's limit for an inline list is 255 characters). */
  list: readonly string[];
  /** 1-based rows, inclusive. */
  fromRow: number;
  toRow: number;
}

export interface SheetOptions {
  name: string;
  freezeHeader?: boolean;
  /** Column widths in characters. */
  widths?: readonly number[];
}

const STYLE = { default: 0, header: 1, money: 2, ok: 3, mismatch: 4, invalid: 5, skipped: 6, date: 7, note: 8 } as const;

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><i/><sz val="10"/><color rgb="FF595959"/><name val="Calibri"/></font></fonts>
<fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="9">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="6" borderId="0" xfId="0" applyFont="1" applyFill="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>
<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/>
<xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1"/>
<xf numFmtId="0" fontId="0" fillId="5" borderId="0" xfId="0" applyFill="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const escapeXml = (text: string) => text.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO date → Excel's serial day number (1900 date system). */
function serialOf(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(ms / 86_400_000) + 25_569;
}

export type RowStyle = 'header' | 'note' | RowStatus | undefined;

function cellXml(ref: string, cell: XlsxCell, style: number): string {
  if (cell === undefined || cell === null || cell === '') return style ? `<c r="${ref}" s="${style}"/>` : '';
  const s = style ? ` s="${style}"` : '';
  if (isMoney(cell)) return `<c r="${ref}" s="${STYLE.money}"><v>${cell.money}</v></c>`;
  if (typeof cell === 'object' && 'date' in cell) {
    const serial = serialOf(cell.date);
    if (serial !== undefined) return `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(neutralise(cell.date))}</t></is></c>`;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : '';
  if (typeof cell === 'boolean') return `<c r="${ref}"${s} t="b"><v>${cell ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(neutralise(String(cell)))}</t></is></c>`;
}

/**
 * Writes a workbook sheet by sheet, row by row. `ondata` receives the file's bytes in pieces, the last
 * with `final` set.
 */
export class XlsxWriter {
  private readonly zip: Zip;
  private readonly sheets: string[] = [];
  private file: ZipDeflate | undefined;
  private pending: string[] = [];
  private pendingLength = 0;
  private rowNumber = 0;
  private validations: Validation[] = [];
  private failed: Error | undefined;

  constructor(ondata: (chunk: Uint8Array, final: boolean) => void) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failed = error;
      else ondata(chunk, final);
    });
  }

  startSheet(options: SheetOptions): void {
    this.sheets.push(options.name);
    this.rowNumber = 0;
    this.validations = [];
    this.file = new ZipDeflate(`xl/worksheets/sheet${this.sheets.length}.xml`, { level: 1 });
    this.zip.add(this.file);
    const pane = options.freezeHeader
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    const cols = options.widths?.length
      ? `<cols>${options.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
      : '';
    this.text(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`,
    );
  }

  /**
   * One row. `style` colours the cell at `styledColumn` (a status), or makes the whole row a header or a note.
   */
  row(cells: readonly XlsxCell[], style?: RowStyle, styledColumn?: number): void {
    const r = ++this.rowNumber;
    const whole = style === 'header' ? STYLE.header : style === 'note' ? STYLE.note : 0;
    const statusStyle = style && style !== 'header' && style !== 'note' ? STYLE[style] : 0;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) xml += cellXml(columnLetters(i) + r, cells[i], i === styledColumn ? statusStyle : whole);
    this.text(`${xml}</row>`);
  }

  validate(validation: Validation): void {
    this.validations.push(validation);
  }

  endSheet(): void {
    let tail = '</sheetData>';
    if (this.validations.length) {
      tail += `<dataValidations count="${this.validations.length}">`;
      for (const v of this.validations) {
        const ref = `${columnLetters(v.column)}${v.fromRow}:${columnLetters(v.column)}${v.toRow}`;
        tail += `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${ref}"><formula1>${escapeXml(`"${v.list.join(',')}"`)}</formula1></dataValidation>`;
      }
      tail += '</dataValidations>';
    }
    this.text(`${tail}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
    this.flush(true);
    this.file = undefined;
  }

  /** Writes the workbook's remaining parts and ends the file. */
  finish(): void {
    const n = this.sheets.length;
    const sheetEntries = this.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('');
    this.addFile(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetEntries}</Types>`,
    );
    this.addFile(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    const sheets = this.sheets.map((name, i) => `<sheet name="${escapeXml(name.slice(0, 31))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    this.addFile(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`,
    );
    const rels = this.sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('');
    this.addFile(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    );
    this.addFile('xl/styles.xml', STYLES_XML);
    this.zip.end();
    if (this.failed) throw this.failed;
  }

  private addFile(name: string, content: string | undefined): void {
    if (content === undefined) return; // written at the end, when the sheets are known
    const file = new ZipDeflate(name, { level: 1 });
    this.zip.add(file);
    file.push(strToU8(content), true);
  }

  private text(xml: string): void {
    this.pending.push(xml);
    this.pendingLength += xml.length;
    if (this.pendingLength > 1 << 16) this.flush(false);
  }

  private flush(final: boolean): void {
    if (!this.file) return;
    this.file.push(strToU8(this.pending.join('')), final);
    this.pending = [];
    this.pendingLength = 0;
    if (this.failed) throw this.failed;
  }
}

/** A whole workbook in one piece (templates, tests). */
export function xlsxBytes(write: (writer: XlsxWriter) => void): Uint8Array {
  const parts: Uint8Array[] = [];
  const writer = new XlsxWriter((chunk) => parts.push(chunk));
  write(writer);
  writer.finish();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}
