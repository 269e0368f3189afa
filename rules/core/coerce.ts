/**
 * Turns raw inputs (JSON values, query strings, CSV cells, Excel cell values) into typed values,
 * or throws a RuleError naming the field with a zh/en message. Never guesses.
 */
import { Dec } from './decimal.ts';
import { parseIsoDate } from './dates.ts';
import { resolveDistrict } from './districts.ts';
import { fail } from './errors.ts';
import type { InputSpec } from './schema.ts';

/** A number as written: ASCII digits, grouping commas in threes, a decimal point, an exponent (after full-width folding). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** A whole number a JS number holds exactly; bigger ones take the decimal path (and its size check). */
const PLAIN_INTEGER = /^[+-]?\d{1,15}$/;
/** A plain decimal text that needs none of the checks below: at most 15 whole digits and `MAX_DECIMAL_PLACES` places. */
const PLAIN_DECIMAL = /^-?\d{1,15}(\.\d{1,20})?$/;
/** Magnitudes of 10^15 and more are typing errors, not claims (decimal.js's `e` is the exponent). */
const LIMIT_EXPONENT = 15;
/** More decimal places than this are not a claim either (and 1e-400 must not quietly become 0). */
export const MAX_DECIMAL_PLACES = 20;
/** Longer number texts are refused before any parsing. */
const MAX_NUMBER_TEXT = 64;

/**
 * Full-width ASCII forms (Ｕ+FF01–FF5E: `１２，０００．５`) and the ideographic space, as Chinese input
 * methods type them, folded to ASCII. Nothing else is folded: `④`, `¹`, `𝟒` stay what they are (and are refused).
 */
export const foldWidth = (text: string): string =>
  FULL_WIDTH.test(text) ? text.replace(FULL_WIDTH_ALL, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))) : text;
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const FULL_WIDTH_ALL = new RegExp(FULL_WIDTH.source, 'g');

/** The words a yes/no input accepts (any case, full-width forms folded); OpenAPI documents this same list. */
export const BOOLEAN_WORDS = {
  true: ['true', '1', 'yes', 'y', '是', '有', '√'],
  false: ['false', '0', 'no', 'n', '否', '无', '×'],
} as const;
const TRUE = new Set<string>(BOOLEAN_WORDS.true);
const FALSE = new Set<string>(BOOLEAN_WORDS.false);

export const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A field as messages name it: its code (for `error.field` and English) and its Chinese label. */
export interface Field {
  code: string;
  zh: string;
}

/** A value as shown in a message: never stringified whole (a deeply nested list would overflow the stack). */
const describe = (value: unknown) => {
  if (Array.isArray(value)) return '[…]';
  if (value !== null && typeof value === 'object') return '{…}';
  const shown = typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : String(value);
  return shown;
};

/** The exponent of a number text such as `4e2`; absurd exponents are refused before decimal.js sees them. */
const EXPONENT = /[eE]([+-]?\d+)$/;
const MAX_EXPONENT_WRITTEN = 400;

/** The number as written, exactly, or a refusal: too many decimal places, an absurd exponent, not finite. */
function exactDecimal(text: string, field: Field): Dec {
  const exponent = EXPONENT.exec(text);
  const d = exponent && Math.abs(Number(exponent[1])) > MAX_EXPONENT_WRITTEN ? undefined : new Dec(text);
  if (d === undefined || !d.isFinite()) {
    if (exponent && Number(exponent[1]) > 0) fail('out-of-range', `${field.zh} 数值过大`, `${field.code} is too large`, field.code);
    tooPrecise(field, text);
  }
  if (d.decimalPlaces() > MAX_DECIMAL_PLACES) tooPrecise(field, text);
  return d;
}

function tooPrecise(field: Field, text: string): never {
  fail(
    'invalid-number',
    `${field.zh} 小数位过多（最多 ${MAX_DECIMAL_PLACES} 位），无法按所写精确计算：${describe(text)}`,
    `${field.code} has more than ${MAX_DECIMAL_PLACES} decimal places and cannot be computed exactly as written: ${describe(text)}`,
    field.code,
  );
}

/**
 * A number from any source, read one way: JS numbers, and texts of ASCII or full-width digits with
 * optional grouping commas, decimal point and exponent (`4e2`), exactly as written. Look-alike digits
 * (`④⓪⓪`, `¹²`, `𝟒𝟎𝟎`), lists, objects, and numbers not computable exactly as written are refused.
 */
export function toDecimal(value: unknown, field: Field): Dec {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('invalid-number', `${field.zh} 不是有限的数字`, `${field.code} is not a finite number`, field.code);
    // the number as JS writes it (String(value), −0 as 0): its exponent is within ±324, so only the places need checking
    const d = new Dec(value + 0);
    if (d.decimalPlaces() > MAX_DECIMAL_PLACES) tooPrecise(field, String(value));
    return d;
  }
  if (typeof value === 'string' && value.length <= MAX_NUMBER_TEXT) {
    // the common cell, "29700.00" or "-12": finite, no exponent, few places, so exact as it stands
    if (PLAIN_DECIMAL.test(value)) return new Dec(value);
    if (NUMBER.test(value)) return exactDecimal(value, field);
    let t = foldWidth(value).trim();
    if (GROUPED.test(t)) t = t.replace(/,/g, '');
    if (NUMBER.test(t)) return exactDecimal(t, field);
  }
  fail('invalid-number', `${field.zh} 应为数字，收到 ${describe(value)}`, `${field.code} must be a number, got ${describe(value)}`, field.code);
}

/** A spec's bounds as decimals, made once per spec. */
const boundsCache = new WeakMap<InputSpec, { min?: Dec; max?: Dec }>();
function boundsOf(spec: InputSpec): { min?: Dec; max?: Dec } {
  let bounds = boundsCache.get(spec);
  if (!bounds) {
    bounds = { min: spec.min === undefined ? undefined : new Dec(spec.min), max: spec.max === undefined ? undefined : new Dec(spec.max) };
    boundsCache.set(spec, bounds);
  }
  return bounds;
}

function tooSmall(field: Field, spec: InputSpec, min: string, got: string): never {
  const op = spec.minExclusive ? '>' : '≥';
  fail('out-of-range', `${field.zh} 应 ${op} ${min}，收到 ${got}`, `${field.code} must be ${op} ${min}, got ${got}`, field.code);
}

function tooLarge(field: Field, max: string, got: string): never {
  fail('out-of-range', `${field.zh} 应 ≤ ${max}，收到 ${got}`, `${field.code} must be ≤ ${max}, got ${got}`, field.code);
}

function checkBounds(value: Dec, spec: InputSpec, field: Field): void {
  if (!value.isZero() && value.e >= LIMIT_EXPONENT) fail('out-of-range', `${field.zh} 数值过大`, `${field.code} is too large`, field.code);
  const { min, max } = boundsOf(spec);
  if (min !== undefined && (spec.minExclusive ? value.lte(min) : value.lt(min))) tooSmall(field, spec, min.toFixed(), value.toFixed());
  if (max !== undefined && value.gt(max)) tooLarge(field, max.toFixed(), value.toFixed());
}

/** Bounds of a whole number already held exactly in a JS number (integer specs have number bounds). */
function checkIntegerBounds(n: number, spec: InputSpec, field: Field): void {
  const min = spec.min === undefined ? undefined : Number(spec.min);
  const max = spec.max === undefined ? undefined : Number(spec.max);
  if (min !== undefined && (spec.minExclusive ? n <= min : n < min)) tooSmall(field, spec, String(min), String(n));
  if (max !== undefined && n > max) tooLarge(field, String(max), String(n));
}

function toInteger(value: unknown, spec: InputSpec, field: Field): number {
  // The common case, a plain whole number, needs no decimal at all.
  let n: number | undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) < 10 ** LIMIT_EXPONENT) n = value;
  else if (typeof value === 'string' && PLAIN_INTEGER.test(value)) n = Number(value);
  if (n !== undefined) {
    checkIntegerBounds(n + 0, spec, field);
    return n + 0;
  }
  const d = toDecimal(value, field);
  if (!d.isInteger())
    fail('not-an-integer', `${field.zh} 应为整数，收到 ${d.toFixed()}`, `${field.code} must be a whole number, got ${d.toFixed()}`, field.code);
  checkBounds(d, spec, field);
  return d.toNumber();
}

export function toBoolean(value: unknown, field: Field): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value === 'string') {
    const t = foldWidth(value).trim().toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
  }
  fail(
    'invalid-boolean',
    `${field.zh} 应为“是”或“否”（也可填 1 或 0），收到 ${describe(value)}`,
    `${field.code} must be TRUE/FALSE (or 1/0), got ${describe(value)}`,
    field.code,
  );
}

export function toDate(value: unknown, field: Field): string {
  if (typeof value === 'string') {
    const t = foldWidth(value).trim();
    if (parseIsoDate(t)) return t;
  }
  fail(
    'invalid-date',
    `${field.zh} 应为存在的日期 YYYY-MM-DD，收到 ${describe(value)}`,
    `${field.code} must be a real date as YYYY-MM-DD, got ${describe(value)}`,
    field.code,
  );
}

function toChoice(value: unknown, spec: InputSpec, field: Field): string {
  const t = typeof value === 'number' ? String(value) : typeof value === 'string' ? foldWidth(value).trim() : undefined;
  if (t !== undefined) {
    const lower = t.toLowerCase();
    for (const choice of spec.choices!) {
      if (
        choice.value === lower ||
        foldWidth(choice.label.zh) === t ||
        choice.label.en.toLowerCase() === lower ||
        choice.aliases?.some((alias) => foldWidth(alias) === t)
      ) {
        return choice.value;
      }
    }
  }
  const accepted = spec.choices!.map((c) => `${c.value} (${c.label.en})`).join(', ');
  const acceptedZh = spec.choices!.map((c) => c.label.zh).join('、');
  fail(
    'invalid-choice',
    `${field.zh} 应为以下之一：${acceptedZh}；收到 ${describe(value)}`,
    `${field.code} must be one of: ${accepted}; got ${describe(value)}`,
    field.code,
  );
}

const MAX_LIST_ITEMS = 100_000;
const tooMany = (field: Field): never => fail('out-of-range', `${field.zh} 项数过多`, `${field.code} has too many items`, field.code);

function toIntegerList(value: unknown, spec: InputSpec, field: Field): number[] {
  let items: unknown[];
  if (Array.isArray(value)) items = value.length > MAX_LIST_ITEMS ? tooMany(field) : value.flat(2).filter((v) => !isBlank(v));
  else if (typeof value === 'string') items = value.split(/[,;，；\s]+/).filter((v) => v !== '');
  else if (typeof value === 'number') items = [value];
  else fail('invalid-list', `${field.zh} 应为数字列表，如 "12,14,6"`, `${field.code} must be a list of numbers, e.g. "12,14,6"`, field.code);
  if (items.length > MAX_LIST_ITEMS) tooMany(field);
  if (items.length === 0)
    fail('invalid-list', `${field.zh} 应为非空的数字列表，如 "12,14,6"`, `${field.code} must be a non-empty list of numbers, e.g. "12,14,6"`, field.code);
  return items.map((item, i) => toInteger(item, spec, { code: `${field.code}[${i}]`, zh: `${field.zh}第 ${i + 1} 项` }));
}

function toRecords(value: unknown, spec: InputSpec, field: Field): Record<string, unknown>[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail('invalid-list', `${field.zh} 应为非空的记录列表`, `${field.code} must be a non-empty list of records`, field.code);
  }
  if (value.length > 100_000) fail('out-of-range', `${field.zh} 记录过多`, `${field.code} has too many records`, field.code);
  return value.map((record, i) => coerceObject(record, spec.fields!, `${field.code}[${i}]`, `${field.zh}第 ${i + 1} 条`));
}

/** The error code for a value of the wrong shape (a list or an object where one value belongs). */
const SHAPE_CODE = {
  integer: 'invalid-number',
  decimal: 'invalid-number',
  money: 'invalid-number',
  boolean: 'invalid-boolean',
  date: 'invalid-date',
  district: 'unknown-district',
  choice: 'invalid-choice',
  text: 'invalid-choice',
} as const;

/** Coerces one present (non-blank) value according to its spec. */
function coerceValue(value: unknown, spec: InputSpec, field: Field): unknown {
  if (typeof value === 'object' && value !== null && spec.type !== 'integer-list' && spec.type !== 'records') {
    const what = Array.isArray(value) ? { zh: '列表', en: 'a list' } : { zh: '对象', en: 'an object' };
    fail(SHAPE_CODE[spec.type], `${field.zh} 应为单个值，收到${what.zh}`, `${field.code} must be a single value, got ${what.en}`, field.code);
  }
  switch (spec.type) {
    case 'integer':
      return toInteger(value, spec, field);
    case 'decimal':
    case 'money': {
      const d = toDecimal(value, field);
      checkBounds(d, spec, field);
      return d;
    }
    case 'boolean':
      return toBoolean(value, field);
    case 'date':
      return toDate(value, field);
    case 'district':
      if (typeof value !== 'string') fail('unknown-district', `${field.zh} 应为旗县区名称`, `${field.code} must be a district name`, field.code);
      return resolveDistrict(value, field.code);
    case 'choice':
      return toChoice(value, spec, field);
    case 'text':
      if (typeof value !== 'string' && typeof value !== 'number') fail('invalid-choice', `${field.zh} 应为文本`, `${field.code} must be text`, field.code);
      return String(value).trim();
    case 'integer-list':
      return toIntegerList(value, spec, field);
    case 'records':
      return toRecords(value, spec, field);
  }
}

/** What coercing against a list of specs reads on every call, made once per list: its names, its top-level fields and its coerced defaults. */
interface SpecList {
  names: Set<string>;
  /** Each spec's field when the list is the top level (named by the input alone). */
  fields: Field[];
  /** Each spec's default, coerced once when it can be shared (see `defaultOf`). */
  defaults: ({ value: unknown } | undefined)[];
}
const specLists = new WeakMap<readonly InputSpec[], SpecList>();
function listOf(specs: readonly InputSpec[]): SpecList {
  let list = specLists.get(specs);
  if (!list) {
    list = {
      names: new Set(specs.map((s) => s.name)),
      fields: specs.map((spec) => Object.freeze({ code: spec.name, zh: spec.label.zh })),
      defaults: specs.map(() => undefined),
    };
    specLists.set(specs, list);
  }
  return list;
}

/**
 * Coerces a whole input object against a list of specs: unknown names, missing required inputs and
 * bad values are errors naming the field. Absent optional inputs take their default or stay undefined.
 * Names in `passOver` are neither inputs nor unknown (a batch row's own rowId and claimed, which no input is named).
 */
export function coerceObject(raw: unknown, specs: readonly InputSpec[], prefix = '', prefixZh = '', passOver?: ReadonlySet<string>): Record<string, unknown> {
  const where = prefix || 'inputs';
  const whereZh = prefixZh || '输入';
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    fail('invalid-list', `${whereZh} 应为“名称: 值”对象`, `${where} must be an object of name: value`, prefix || 'inputs');
  }
  const source = raw as Record<string, unknown>;
  const list = listOf(specs);
  for (const key in source) {
    if (!Object.hasOwn(source, key)) continue;
    if (!list.names.has(key) && !passOver?.has(key)) {
      const names = specs.map((s) => s.name).join(', ');
      const labels = specs.map((s) => s.label.zh).join('、');
      const field = prefix ? `${prefix}.${key}` : key;
      fail('unknown-input', `${prefixZh}未知输入项“${key}”。可填：${labels}`, `Unknown input "${key}". Accepted: ${names}`, field);
    }
  }
  const out: Record<string, unknown> = {};
  const top = !prefix && !prefixZh;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const field: Field = top
      ? list.fields[i]
      : { code: prefix ? `${prefix}.${spec.name}` : spec.name, zh: prefixZh ? `${prefixZh}的“${spec.label.zh}”` : spec.label.zh };
    const value = source[spec.name];
    if (isBlank(value)) {
      if (spec.default !== undefined) out[spec.name] = top ? defaultOf(list, i, spec, field) : coerceValue(spec.default, spec, field);
      else if (spec.required) fail('missing-input', `缺少必填项：${field.zh}`, `Missing required input ${field.code} (${spec.label.en})`, field.code);
      continue;
    }
    out[spec.name] = coerceValue(value, spec, field);
  }
  return out;
}

/**
 * A spec's default, coerced once: defaults are constant, and what they coerce to (numbers, texts,
 * booleans, immutable decimals) can be shared. A list default is made afresh each time (a rule could change it).
 */
function defaultOf(list: SpecList, at: number, spec: InputSpec, field: Field): unknown {
  const kept = list.defaults[at];
  if (kept) return kept.value;
  const value = coerceValue(spec.default, spec, field);
  if (value === null || typeof value !== 'object' || value instanceof Dec) list.defaults[at] = { value };
  return value;
}
