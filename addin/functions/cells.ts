/**
 * Excel cell values ↔ rule inputs and outputs. Excel hands a custom function numbers (dates are
 * serial day numbers), strings, booleans, null for an omitted argument, "" for an empty cell and
 * 2-D arrays for ranges; the rules package takes JSON-like values with ISO dates.
 */
import { excelSerialToIso, inputForHeader, isoToExcelSerial, type InputSpec, type OutputSpec } from '../../rules/index.ts';
import type { Lang } from './language.ts';

export type Cell = string | number | boolean | null | undefined | FormattedNumber;

/** Excel's data type for a number shown with a format: how a function returns a date that displays as a date. */
export interface FormattedNumber {
  type: 'FormattedNumber';
  basicValue: number;
  numberFormat: string;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
/** The number format of amounts written beside a table: two decimals, still numbers a clerk can sum. */
export const MONEY_FORMAT = '0.00';

export const isBlankCell = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A data-type cell value (e.g. a date returned by another BT function) → its plain value. */
const plainOf = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'basicValue' in value ? (value as { basicValue: unknown }).basicValue : value;

/**
 * Which positional parameters a spreadsheet may leave out: once one input is optional, every later one is
 * too (hosts require optional parameters last; the rule still refuses a missing required input itself).
 */
export function optionalPositions(specs: readonly InputSpec[]): boolean[] {
  const first = specs.findIndex((s) => !s.required);
  return specs.map((_, index) => first !== -1 && index >= first);
}

/** How a parameter is declared to Excel: numbers as numbers, ranges as matrices, the rest as `any`. */
export function parameterTypeOf(spec: InputSpec, optional: boolean): { type: 'number' | 'string' | 'boolean' | 'any'; dimensionality?: 'matrix' } {
  if (spec.type === 'integer-list' || spec.type === 'records') return { type: 'any', dimensionality: 'matrix' };
  // Optional numbers stay `any`: Excel turns an empty referenced cell into 0 for a `number` parameter.
  if ((spec.type === 'integer' || spec.type === 'decimal' || spec.type === 'money') && !optional) return { type: 'number' };
  if (spec.type === 'district' || spec.type === 'text') return { type: 'string' };
  // dates: a serial number or "YYYY-MM-DD" text; booleans: TRUE/FALSE, 1/0 or 是/否; choices: a code, a digit or the Chinese name.
  return { type: 'any' };
}

/** One Excel argument → the raw input the rules package takes; undefined when the cell is blank. */
export function cellToInput(value: unknown, spec: InputSpec): unknown {
  if (Array.isArray(value)) {
    if (spec.type === 'integer-list') {
      const items = (value as unknown[])
        .flat(2)
        .map(plainOf)
        .filter((v) => !isBlankCell(v));
      return items.length ? items : undefined;
    }
    if (spec.type === 'records') return matrixToRecords(value as unknown[][], spec.fields ?? []);
    const cells = (value as unknown[]).flat(2);
    if (cells.length === 1) return cellToInput(cells[0], spec);
    return value;
  }
  const plain = plainOf(value);
  if (isBlankCell(plain)) return undefined;
  // A date-time serial (e.g. from NOW()) counts as its day.
  if (spec.type === 'date' && typeof plain === 'number') return excelSerialToIso(Math.floor(plain)) ?? plain;
  if (spec.type === 'records' && typeof plain !== 'object') return [plain];
  return plain;
}

/** A range whose first row names the fields → records; blank cells are left out, blank rows skipped. */
export function matrixToRecords(matrix: unknown[][], fields: readonly InputSpec[]): Record<string, unknown>[] | undefined {
  if (matrix.length === 0) return undefined;
  const [header, ...rows] = matrix;
  const columns = header.map((h) => inputForHeader(h, fields));
  const records: Record<string, unknown>[] = [];
  for (const row of rows) {
    if (row.every((c) => isBlankCell(plainOf(c)))) continue;
    const record: Record<string, unknown> = {};
    row.forEach((cell, i) => {
      const spec = columns[i];
      const name = spec?.name ?? String(header[i]);
      const value = spec ? cellToInput(cell, spec) : plainOf(cell);
      if (!isBlankCell(value)) record[name] = value;
    });
    records.push(record);
  }
  return records.length ? records : undefined;
}

/** Positional Excel arguments (in `inputsOf(rule)` order) → the rule's input object. */
export function argumentsToInputs(args: readonly unknown[], specs: readonly InputSpec[]): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  specs.forEach((spec, i) => {
    const value = cellToInput(args[i], spec);
    if (value !== undefined) inputs[spec.name] = value;
  });
  return inputs;
}

/**
 * A rule's output → what a cell shows. Money, decimals and ratios become numbers (Excel cells are
 * doubles; the rules package has already rounded where RULES.md says), dates become serials shown as
 * dates, failed conditions their messages, records their count.
 */
export function outputToCell(value: unknown, spec: OutputSpec | undefined, lang: Lang): Cell {
  if (value === undefined || value === null) return '';
  switch (spec?.type) {
    case 'money':
    case 'decimal':
    case 'ratio':
      return Number(value);
    case 'date':
      return typeof value === 'string' ? { type: 'FormattedNumber', basicValue: isoToExcelSerial(value), numberFormat: DATE_FORMAT } : String(value);
    case 'conditions':
      return Array.isArray(value)
        ? value.map((c: { message: { zh: string; en: string } }) => c.message[lang]).join(lang === 'zh' ? '；' : '; ')
        : String(value);
    case 'records':
      return Array.isArray(value) ? value.length : String(value);
    default:
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
      return JSON.stringify(value);
  }
}

/** The plain value of a cell (a formatted number's number). */
export const basicValueOf = (cell: Cell): string | number | boolean | null | undefined => (cell !== null && typeof cell === 'object' ? cell.basicValue : cell);
