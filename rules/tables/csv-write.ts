/**
 * Writing CSV for a spreadsheet. A text cell that a spreadsheet could run as a formula is written quoted,
 * with a `'` in front (OWASP "CSV injection"), whatever separators the importing program splits on:
 * - its first visible character is a formula trigger (`=`, `+`, `-`, `@` or a look-alike: full-width,
 *   small, superscript or subscript forms, the minus sign U+2212, dashes), after any characters a
 *   spreadsheet drops or does not show: controls (NUL, tab, CR, U+001F …), format characters (soft hyphen,
 *   ZWSP, U+200C, U+2060, U+180E, RLO …), other default-ignorable characters and spaces; or it starts
 *   with a tab or CR;
 * - or it holds a tab or a semicolon followed by a trigger (a program that splits on them would start a
 *   new cell there; the quotes keep the cell whole, the `'` keeps it text).
 * Numbers stay numbers: a number, a money cell or a text that is a plain decimal (`-9900.00`) is written as
 * it is, so Excel can sum it. Cells with delimiters, quotes or line breaks are quoted.
 */
import { isMoney } from './answers.ts';

/** Characters a spreadsheet drops or does not show in front of a formula. */
const HIDDEN = '[\\p{Cc}\\p{Cf}\\p{Z}\\p{Default_Ignorable_Code_Point}\\s]';
/** `=`, `+`, `-`, `@` and the characters a spreadsheet may read as them (NFKC folds the full-width, small, super- and subscript forms). */
const TRIGGER =
  '[=+\\-@\\uff1d\\uff0b\\uff0d\\uff20\\ufe66\\ufe62\\ufe63\\ufe6b\\u207c\\u208c\\u207a\\u208a\\u207b\\u208b\\u2212\\u2010-\\u2015\\u2795\\u2796\\u2e3a\\u2e3b\\ufe58]';
const FORMULA_START = new RegExp(`^${HIDDEN}*${TRIGGER}|^[\\t\\r]`, 'u');
const SPLIT_THEN_TRIGGER = new RegExp(`[\\t;]${HIDDEN}*${TRIGGER}`, 'u');
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

/** Whether a spreadsheet could read the text as a formula, here or after a tab or semicolon. */
export const isFormulaLike = (value: string): boolean => !PLAIN_NUMBER.test(value) && (FORMULA_START.test(value) || SPLIT_THEN_TRIGGER.test(value));

/** A text cell, made safe to open in a spreadsheet (the `'` prefix; `csvCell` also quotes it). */
export function neutralise(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (isMoney(value)) return value.money;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const raw = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const formula = isFormulaLike(raw);
  const text = formula ? `'${raw}` : raw;
  return formula || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated as Excel expects. */
export const csvLine = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;
