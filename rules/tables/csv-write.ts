/**
 * Writing CSV for a spreadsheet (issue 13, finding 5). A text cell that a spreadsheet would run as a
 * formula is prefixed with `'`: one starting with `=`, `+`, `-`, `@` or their full-width forms
 * `＝＋－＠`, also after leading spaces, NBSP or U+3000, or starting with a tab or CR (OWASP "CSV
 * injection"). Numbers stay numbers: a number, a money cell or a text that is a plain decimal
 * (`-9900.00`) is written as it is, so Excel can sum it. Cells with delimiters, quotes or line breaks are quoted.
 */
import { isMoney } from './answers.ts';

const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** A text cell, made safe to open in a spreadsheet. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (isMoney(value)) return value.money;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralise(typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated as Excel expects. */
export const csvLine = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;
