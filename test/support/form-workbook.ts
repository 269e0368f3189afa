/**
 * Small office forms as flat ODS (one XML file) that LibreOffice turns into real `.xlsx`/`.xls`: several
 * sheets of text and number cells, a title merged across the columns, hidden rows. Enough for the page's
 * sheet choice and what it shows of a form.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert } from './libreoffice.ts';

export type FormCell = string | number | undefined;
export interface FormSheet {
  name: string;
  rows: FormCell[][];
  /** Merge the first row's first cell across this many columns (a title row). */
  titleSpan?: number;
  /** Rows (0-based, in `rows`) hidden in the sheet. */
  hiddenRows?: number[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellXml(cell: FormCell, span?: number): string {
  const spanned = span && span > 1 ? ` table:number-columns-spanned="${span}" table:number-rows-spanned="1"` : '';
  if (cell === undefined || cell === '') return `<table:table-cell${spanned}/>`;
  if (typeof cell === 'number')
    return `<table:table-cell office:value-type="float" office:value="${cell}"${spanned}><text:p>${cell}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string"${spanned}><text:p>${escape(cell)}</text:p></table:table-cell>`;
}

export function fodsOf(sheets: readonly FormSheet[]): string {
  const tables = sheets
    .map((sheet) => {
      const rows = sheet.rows
        .map((row, r) => {
          if (r === 0 && sheet.titleSpan) {
            return `<table:table-row>${cellXml(row[0], sheet.titleSpan)}${'<table:covered-table-cell/>'.repeat(sheet.titleSpan - 1)}</table:table-row>`;
          }
          const hidden = sheet.hiddenRows?.includes(r) ? ' table:visibility="collapse"' : '';
          return `<table:table-row${hidden}>${row.map((c) => cellXml(c)).join('')}</table:table-row>`;
        })
        .join('');
      return `<table:table table:name="${escape(sheet.name)}">${rows}</table:table>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document>`;
}

/** Writes the sheets as `<name>.fods` in `dir` and has LibreOffice save it as `.xlsx`; returns the workbook's path. */
export async function formWorkbook(dir: string, name: string, sheets: readonly FormSheet[]): Promise<string> {
  const fods = join(dir, `${name}.fods`);
  writeFileSync(fods, fodsOf(sheets));
  return convert(fods, 'xlsx', dir);
}
