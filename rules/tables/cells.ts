/**
 * A table cell as clerks' spreadsheets hold it → the value a rule's input reads. Only forms that
 * cannot mean anything else are rewritten; anything else goes to the rule's own coercion as it is,
 * and is refused there with a clear message. Never a guess.
 *
 * - dates: `2024-06-30`, `2024/6/30`, `2024-6-30`, `2024.6.30`, `2024年6月30日`, with a time
 *   (`2024/6/30 0:00`: the day is kept), and Excel serial day numbers where the input is a date;
 * - amounts: `￥29,700.00`, `¥29700`, `29,700.00 元`, `29700元`, surrounding spaces.
 */
import { foldWidth } from '../core/coerce.ts';
import { excelSerialToIso } from '../core/dates.ts';
import type { InputSpec } from '../core/schema.ts';

/** Blank: nothing, or only spaces (including NBSP and the ideographic space). */
export const isBlankCell = (cell: unknown): boolean =>
  cell === undefined || cell === null || (typeof cell === 'string' && cell.replace(/[\s\u00a0\u3000]+/g, '') === '');

const pad = (n: string) => n.padStart(2, '0');
const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const SEPARATED = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日${TIME}$`);

/** A date written as clerks write it → `YYYY-MM-DD` (not checked for being a real day: the rule does that). */
export function dateText(text: string): string | undefined {
  // Full-width digits and separators are folded; look-alike digits (④, 𝟒) are not, and are refused by the rule.
  const t = foldWidth(text).trim();
  const m = SEPARATED.exec(t);
  if (m) return `${m[1]}-${pad(m[3])}-${pad(m[4])}`;
  const c = CHINESE.exec(t);
  if (c) return `${c[1]}-${pad(c[2])}-${pad(c[3])}`;
  return undefined;
}

/** An Excel serial day number as text: whole days, maybe a time of day as a fraction. */
const SERIAL = /^\d{1,6}(\.\d+)?$/;

const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;

/** An amount with a currency sign, a 元 suffix, thousands separators or spaces → a plain decimal string. */
export function amountText(text: string): string {
  // Full-width digits, comma and point are folded (as every number is read); look-alike digits are not.
  let t = foldWidth(text).replace(/[\s\u00a0]+/g, '');
  t = t.replace(/^([+-]?)[¥￥]/, '$1').replace(/元$/, '');
  const g = GROUPED.exec(t);
  if (g) t = `${g[1]}${g[2].replace(/,/g, '')}${g[3] ?? ''}`;
  return t;
}

const NUMERIC_TYPES = new Set(['integer', 'decimal', 'money']);

/** The value an input reads from a cell; undefined for a blank cell (the input's default applies). */
export function cellForInput(cell: unknown, spec: Pick<InputSpec, 'type'>): unknown {
  if (isBlankCell(cell)) return undefined;
  if (spec.type === 'date') {
    if (typeof cell === 'number') return excelSerialToIso(Math.floor(cell)) ?? cell;
    // A bare number where a date belongs can only be Excel's serial day number: a CSV cell, or a JSON
    // number (JSON bodies keep numbers as their written text, see worker/body/json.ts).
    if (typeof cell === 'string' && SERIAL.test(cell.trim())) return excelSerialToIso(Math.floor(Number(cell))) ?? cell.trim();
    if (typeof cell === 'string') return dateText(cell) ?? cell.trim();
    return cell;
  }
  if (NUMERIC_TYPES.has(spec.type) && typeof cell === 'string') return amountText(cell);
  return typeof cell === 'string' ? cell.trim() : cell;
}

/** The claimed amount's cell → what the batch compares (same amount forms). */
export const claimedCell = (cell: unknown): unknown => (isBlankCell(cell) ? undefined : typeof cell === 'string' ? amountText(cell) : cell);

/** The row id's cell → text (a number cell `7` is `"7"`). */
export const rowIdCell = (cell: unknown): string | undefined => (isBlankCell(cell) ? undefined : String(cell).trim());
