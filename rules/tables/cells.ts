/**
 * A table cell as clerks' spreadsheets hold it → the value a rule's input reads. Only forms that
 * cannot mean anything else are rewritten; anything else goes to the rule's own coercion as it is,
 * and is refused there with a clear message. Never a guess.
 *
 * - dates: `2024-06-30`, `2024/6/30`, `2024-6-30`, `2024.6.30`, `2024年6月30日`, with a time
 *   (`2024/6/30 0:00`: the day is kept), and Excel serial day numbers where the input is a date;
 * - amounts: `￥29,700.00`, `¥29700`, `29,700.00 元`, `29700元`, surrounding spaces; in 万元 (`1.98万`,
 *   money only, shifted exactly: 19800.00);
 * - numbers followed by the input's own unit (`500人`, `1980元/月`, `12个月`, `40课时`);
 * - eight-digit dates (`20240630`);
 * - districts with the city or region in front (`包头市昆都仑区`, `内蒙古自治区包头市青山区`) or without
 *   their suffix (`昆都仑`, `土右`, `达茂`), derived from the district list;
 * - yes/no written as a done/not-done word (`已办理`/`未办理`, `已参保`/`未参保`).
 */
import { foldWidth } from '../core/coerce.ts';
import { excelSerialToIso } from '../core/dates.ts';
import type { InputSpec } from '../core/schema.ts';
import { districts } from '../parameters/districts.ts';

/** A UTF-16 unit that is surely no space: printable ASCII or a CJK ideograph (what most cells begin with). */
export const surelyNotSpace = (c: number): boolean => (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);

/** Blank: nothing, or only spaces (including NBSP and the ideographic space, which `\s` holds). */
export const isBlankCell = (cell: unknown): boolean =>
  cell === undefined || cell === null || (typeof cell === 'string' && !surelyNotSpace(cell.charCodeAt(0)) && !NOT_SPACE.test(cell));
const NOT_SPACE = /\S/;

const pad = (n: string) => n.padStart(2, '0');
const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const SEPARATED = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日${TIME}$`);

/** A date written as clerks write it → `YYYY-MM-DD` (not checked for being a real day: the rule does that). */
export function dateText(text: string): string | undefined {
  if (isIsoDay(text)) return text; // already YYYY-MM-DD: what SEPARATED would give back
  // Full-width digits and separators are folded; look-alike digits (④, 𝟒) are not, and are refused by the rule.
  const t = foldWidth(text).trim();
  const m = SEPARATED.exec(t);
  if (m) return `${m[1]}-${pad(m[3])}-${pad(m[4])}`;
  const c = CHINESE.exec(t);
  if (c) return `${c[1]}-${pad(c[2])}-${pad(c[3])}`;
  const e = EIGHT_DIGITS.exec(t);
  if (e) return `${e[1]}-${e[2]}-${e[3]}`;
  return undefined;
}

/** `YYYY-MM-DD` (`^\d{4}-\d{2}-\d{2}$`), read character by character: the date cell most tables hold. */
function isIsoDay(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** `20240630`: a year from 1900 to 2999, a month 01–12 and a day 01–31 (the rule checks the day exists). */
const EIGHT_DIGITS = /^((?:19|2\d)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

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

/** `1.98万` → `19800` by moving the decimal point four places (exact: no multiplication in binary). */
const WAN = /^([+-]?)(\d+)(?:\.(\d+))?万元?$/;
function wanText(t: string): string | undefined {
  const m = WAN.exec(t);
  if (!m) return undefined;
  const fraction = (m[3] ?? '').padEnd(4, '0');
  const whole = `${m[2]}${fraction.slice(0, 4)}`.replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(4);
  return `${m[1]}${whole}${rest ? `.${rest}` : ''}`;
}

/** A number with the input's own unit after it (`500人`, `12个月`, `1980元/月`): the unit dropped. */
function withoutUnit(text: string, spec: Pick<InputSpec, 'unit'>): string {
  const unit = spec.unit?.zh;
  if (!unit) return text;
  const t = text.replace(/[\s\u00a0\u3000]+$/, '');
  return t.endsWith(unit) && /\d$/.test(foldWidth(t.slice(0, -unit.length)).trim()) ? t.slice(0, -unit.length) : text;
}

/**
 * Plain ASCII decimal text (`29700.00`, `-12`: `^-?\d+(\.\d+)?$`): no sign, separator, unit or 万 for the
 * rewrites below to drop. Read character by character: most number cells are plain.
 */
function isPlainNumber(text: string): boolean {
  let at = text.charCodeAt(0) === 45 ? 1 : 0;
  const whole = at;
  while (at < text.length && isDigit(text.charCodeAt(at))) at++;
  if (at === whole) return false;
  if (at === text.length) return true;
  if (text.charCodeAt(at) !== 46) return false;
  const fraction = ++at;
  while (at < text.length && isDigit(text.charCodeAt(at))) at++;
  return at === text.length && at > fraction;
}
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether a plain number (which ends in a digit) can end with a unit's words: only when they end in a digit, or are none. No unit does. */
const mayEndPlainNumber = (unit: string): boolean => unit.length === 0 || isDigit(unit.charCodeAt(unit.length - 1));

/** A number cell as clerks write it → plain decimal text (amountText, the unit, 万 for money). */
export function numberText(text: string, spec: Pick<InputSpec, 'type' | 'unit'>): string {
  // the common cell reads as itself (unless the unit is digits it ends with: no unit is, but then the long way)
  if (isPlainNumber(text) && !(spec.unit && mayEndPlainNumber(spec.unit.zh) && text.endsWith(spec.unit.zh))) return text;
  const plain = amountText(withoutUnit(text, spec));
  return spec.type === 'money' ? (wanText(plain) ?? plain) : plain;
}

/** District names as clerks write them → the listed full name: the city or region in front dropped, a missing suffix added. */
const PREFIX = /^(内蒙古自治区|内蒙古)?(包头市|包头)?/;
const SUFFIX = /(联合旗|矿区|区|旗|县)$/;
const DISTRICT_BY_STEM = new Map<string, string>();
for (const d of districts) for (const name of [d.zh, d.short]) DISTRICT_BY_STEM.set(name.replace(SUFFIX, ''), d.zh);
const LISTED = new Set(districts.flatMap((d) => [d.zh, d.short]));

/** The listed names that normalising leaves as they are: such a cell is its own reading. */
const LISTED_AS_WRITTEN = new Set([...LISTED].filter((name) => name.normalize('NFKC').replace(/\s+/g, '') === name));

export function districtText(text: string): string {
  if (LISTED_AS_WRITTEN.has(text)) return text;
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (LISTED.has(t)) return t;
  const bare = t.replace(PREFIX, '');
  if (LISTED.has(bare)) return bare;
  return DISTRICT_BY_STEM.get(bare) ?? DISTRICT_BY_STEM.get(bare.replace(SUFFIX, '')) ?? text.trim();
}

/** Yes/no as a done/not-done word: 已办理 → 是, 未参保 → 否. */
const DONE = /^(已|未)(办理|参保|缴纳|缴费|签订|取得|登记|发放|享受|申领|认定|安置|就业|残疾人证)$/;
const YI = 0x5df2; // 已
const WEI = 0x672a; // 未
export function yesNoText(text: string): string {
  // A cell that begins with a character NFKC leaves as it is (surelyNotSpace), other than 已 and 未, is no such word (true, 是, 1).
  const c = text.charCodeAt(0);
  if (surelyNotSpace(c) && c !== YI && c !== WEI) return text.trim();
  const m = DONE.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  return m ? (m[1] === '已' ? '是' : '否') : text.trim();
}

/** How a cell is read for one kind of input: undefined for a blank cell (the input's default applies). */
export type CellReader = (cell: unknown, spec: Pick<InputSpec, 'type' | 'unit'>) => unknown;

const trimmed = (cell: unknown) => (typeof cell === 'string' ? cell.trim() : cell);

/** A date cell that is not blank: the date it writes (see the file's comment), else the cell as given (trimmed) for the rule to refuse. */
function filledDateCell(cell: unknown): unknown {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 19_000_101 && cell <= 29_991_231) return dateText(String(cell)) ?? cell;
  if (typeof cell === 'number') return excelSerialToIso(Math.floor(cell)) ?? cell;
  if (typeof cell !== 'string') return cell;
  if (isIsoDay(cell)) return cell; // the common cell: no serial number, and dateText gives it back
  // A bare number where a date belongs can only be Excel's serial day number: a CSV cell, or a JSON
  // number (JSON bodies keep numbers as their written text, see worker/body/json.ts).
  if (SERIAL.test(cell.trim())) return excelSerialToIso(Math.floor(Number(cell))) ?? cell.trim();
  return dateText(cell) ?? cell.trim();
}

/** How a cell that is not blank is read for one input, its spec bound: chosen once per column (filledReaderOf). */
export type FilledCellReader = (cell: unknown) => unknown;

const filledDistrictCell: FilledCellReader = (cell) => (typeof cell === 'string' ? districtText(cell) : cell);
const filledYesNoCell: FilledCellReader = (cell) => (typeof cell === 'string' ? yesNoText(cell) : cell);
const numberReaderOf =
  (spec: Pick<InputSpec, 'type' | 'unit'>): FilledCellReader =>
  (cell) =>
    typeof cell === 'string' ? numberText(cell, spec) : cell;

/**
 * A column's reader that gives back its reading of the cell before when the cell is the same: a date, a district
 * or a yes/no is often the same row after row, and reads the same (each of these readers depends on the cell
 * alone). The reading given back is then the same string for every such row, so what looks it up next (the
 * totals by district, the rule's tables) finds it hashed already.
 */
function sameAsBefore(read: FilledCellReader): FilledCellReader {
  let before: unknown;
  let reading: unknown;
  let read1 = false;
  return (cell) => {
    if (read1 && cell === before) return reading;
    reading = read(cell);
    before = cell;
    read1 = true;
    return reading;
  };
}

/** The reader of an input's cells that are not blank, by its type, with its spec bound (made once per column, for a table read row after row). */
export function filledReaderOf(spec: Pick<InputSpec, 'type' | 'unit'>): FilledCellReader {
  switch (spec.type) {
    case 'date':
      return sameAsBefore(filledDateCell);
    case 'integer':
    case 'decimal':
    case 'money':
      return numberReaderOf(spec);
    case 'district':
      return sameAsBefore(filledDistrictCell);
    case 'boolean':
      return sameAsBefore(filledYesNoCell);
    default:
      return trimmed;
  }
}

const dateCell: CellReader = (cell) => (isBlankCell(cell) ? undefined : filledDateCell(cell));
const numberCell: CellReader = (cell, spec) => (isBlankCell(cell) ? undefined : typeof cell === 'string' ? numberText(cell, spec) : cell);
const districtCell: CellReader = (cell) => (isBlankCell(cell) ? undefined : filledDistrictCell(cell));
const yesNoCell: CellReader = (cell) => (isBlankCell(cell) ? undefined : filledYesNoCell(cell));
const otherCell: CellReader = (cell) => (isBlankCell(cell) ? undefined : trimmed(cell));

const READERS: Partial<Record<InputSpec['type'], CellReader>> = {
  date: dateCell,
  integer: numberCell,
  decimal: numberCell,
  money: numberCell,
  district: districtCell,
  boolean: yesNoCell,
};

/** The reader for an input's cells, chosen by its type (once per column, by a table read row after row). */
export const cellReaderOf = (spec: Pick<InputSpec, 'type'>): CellReader => READERS[spec.type] ?? otherCell;

/** The value an input reads from a cell; undefined for a blank cell (the input's default applies). */
export const cellForInput = (cell: unknown, spec: Pick<InputSpec, 'type' | 'unit'>): unknown => cellReaderOf(spec)(cell, spec);

/** The claimed amount's cell → what the batch compares (same amount forms). */
export const claimedCell = (cell: unknown): unknown => (isBlankCell(cell) ? undefined : filledClaimedCell(cell));
/** The claimed amount's cell that is not blank. */
export const filledClaimedCell: FilledCellReader = (cell) => (typeof cell === 'string' ? numberText(cell, CLAIMED_SPEC) : cell);
const CLAIMED_SPEC = { type: 'money', unit: { zh: '元', en: 'yuan' } } as const;

/** The row id's cell → text (a number cell `7` is `"7"`). */
export const rowIdCell = (cell: unknown): string | undefined => (isBlankCell(cell) ? undefined : String(cell).trim());
