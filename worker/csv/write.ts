/**
 * Writing CSV cells for a spreadsheet: every cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is prefixed with `'` so Excel and LibreOffice show it as text instead of running
 * it as a formula (OWASP "CSV injection"); cells with delimiters, quotes or line breaks are quoted.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = neutralise(typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated as Excel expects. */
export const csvLine = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;
