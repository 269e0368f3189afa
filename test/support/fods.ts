/**
 * Flat ODS (`.fods`) forms for LibreOffice to convert into `.xlsx`/`.xls`/CSV, as offices lay them out:
 * merged cells (across and down, the covered positions written for us), number, date (2024年6月30日)
 * and formula cells, line breaks inside a cell, hidden and filtered rows, several sheets.
 */
export type FormCell = string | number | undefined | { text?: string; value?: number; date?: string; formula?: string; across?: number; down?: number };

export interface FormRow {
  cells: FormCell[];
  /** A hidden row (`collapse`) or one hidden by a filter (`filter`). */
  hidden?: 'collapse' | 'filter';
}

export interface FormSheet {
  name: string;
  rows: FormRow[];
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (t: string) =>
  t
    .split('\n')
    .map((p) => `<text:p>${esc(p)}</text:p>`)
    .join('');

function cellXml(cell: FormCell): string {
  if (cell === undefined) return '<table:table-cell/>';
  if (typeof cell === 'string') return `<table:table-cell office:value-type="string">${paragraphs(cell)}</table:table-cell>`;
  if (typeof cell === 'number') return `<table:table-cell office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
  const span = `${cell.across ? ` table:number-columns-spanned="${cell.across}"` : ''}${cell.down ? ` table:number-rows-spanned="${cell.down}"` : ''}${cell.across && !cell.down ? ' table:number-rows-spanned="1"' : ''}${cell.down && !cell.across ? ' table:number-columns-spanned="1"' : ''}`;
  const formula = cell.formula ? ` table:formula="${esc(cell.formula)}"` : '';
  if (cell.date) {
    const [y, m, d] = cell.date.split('-').map(Number);
    return `<table:table-cell table:style-name="ceDate" office:value-type="date" office:date-value="${cell.date}"${span}${formula}><text:p>${y}年${m}月${d}日</text:p></table:table-cell>`;
  }
  if (cell.value !== undefined)
    return `<table:table-cell office:value-type="float" office:value="${cell.value}"${span}${formula}><text:p>${cell.value}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string"${span}>${paragraphs(cell.text ?? '')}</table:table-cell>`;
}

function sheetXml(sheet: FormSheet): string {
  const covered = new Set<string>();
  const width = Math.max(1, ...sheet.rows.map((r) => r.cells.length));
  let xml = `<table:table table:name="${esc(sheet.name)}"><table:table-column table:number-columns-repeated="${width}"/>`;
  sheet.rows.forEach((row, r) => {
    xml += `<table:table-row${row.hidden ? ` table:visibility="${row.hidden}"` : ''}>`;
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) {
        xml += '<table:covered-table-cell/>';
        continue;
      }
      const cell = row.cells[c];
      if (cell && typeof cell === 'object' && (cell.across || cell.down)) {
        for (let dr = 0; dr < (cell.down ?? 1); dr++) for (let dc = 0; dc < (cell.across ?? 1); dc++) if (dr || dc) covered.add(`${r + dr},${c + dc}`);
      }
      xml += cellXml(cell);
    }
    xml += '</table:table-row>';
  });
  return `${xml}</table:table>`;
}

/** A whole workbook as flat ODS XML. */
export function fods(sheets: readonly FormSheet[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="NDate"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
<style:style style:name="ceDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NDate"/>
</office:automatic-styles>
<office:body><office:spreadsheet>${sheets.map(sheetXml).join('')}</office:spreadsheet></office:body></office:document>
`;
}
