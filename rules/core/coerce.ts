/**
 * Turns raw inputs (JSON values, query strings, CSV cells, Excel cell values) into typed values,
 * or throws a RuleError naming the field with a zh/en message. Never guesses.
 */
import { isDigitCode } from './characters.ts';
import { Dec } from './decimal.ts';
import { isIsoDate, parseIsoDate } from './dates.ts';
import { resolveDistrict } from './districts.ts';
import { fail } from './errors.ts';
import type { Choice, InputSpec } from './schema.ts';

/** A number as written: ASCII digits, grouping commas in threes, a decimal point, an exponent (after full-width folding). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/**
 * A plain decimal text that needs none of the checks below, `-?\d{1,15}(\.\d{1,20})?` (at most 15 whole
 * digits and `MAX_DECIMAL_PLACES` places), read by character codes: the common cell, "29700.00" or "-12".
 */
function isPlainDecimal(text: string): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const whole = i;
  while (i < n && isDigitCode(text.charCodeAt(i))) i++;
  if (i === whole || i - whole > 15) return false;
  if (i === n) return true;
  if (text.charCodeAt(i) !== 0x2e) return false;
  const places = ++i;
  while (i < n && isDigitCode(text.charCodeAt(i))) i++;
  return i === n && i > places && i - places <= MAX_DECIMAL_PLACES;
}

/**
 * The whole number a plain integer text `[+-]?\d{1,15}` or a JS number holds exactly (−0 as 0), read by
 * character codes; undefined for anything else (bigger numbers, decimals, full-width digits: the decimal path).
 */
function plainInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && Math.abs(value) < 10 ** LIMIT_EXPONENT ? value + 0 : undefined;
  if (typeof value !== 'string') return undefined;
  const n = value.length;
  const sign = value.charCodeAt(0);
  let i = sign === 0x2d || sign === 0x2b ? 1 : 0;
  if (n === i || n - i > 15) return undefined;
  let whole = 0;
  for (; i < n; i++) {
    const d = value.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return undefined;
    whole = whole * 10 + d;
  }
  return sign === 0x2d ? 0 - whole : whole;
}
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

/** An object of name: value (not null, not a list): what inputs, rows and bodies must be. */
export const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && isBlankText(value));
/** A text of nothing but spaces; one that starts with a printable ASCII character is not (most cells: no trimming). */
function isBlankText(text: string): boolean {
  const first = text.charCodeAt(0);
  return !(first > 0x20 && first < 0x7f) && text.trim() === '';
}

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
    if (isPlainDecimal(value)) return new Dec(value);
    if (NUMBER.test(value)) return exactDecimal(value, field);
    let t = foldWidth(value).trim();
    if (GROUPED.test(t)) t = t.replace(/,/g, '');
    if (NUMBER.test(t)) return exactDecimal(t, field);
  }
  fail('invalid-number', `${field.zh} 应为数字，收到 ${describe(value)}`, `${field.code} must be a number, got ${describe(value)}`, field.code);
}

/**
 * The decimals a spec read lately, by the number or short text each was read from (a batch's column repeats its
 * values: a wage, a rate): a Dec never changes, so rows share it (its printed forms made once), and a value read
 * again needs neither reading nor its bounds checked. Short texts only (at most `MAX_READ_TEXT` characters): V8 copies
 * those when cut from a longer text, so none keeps a request's body alive.
 */
class ReadDecimals {
  /**
   * The numbers and the texts read, apart (each slot holds one or the other), so each is compared with its own kind:
   * one list of both made V8 compare through its generic strict equality (about 3 % of an overquota-reward row's time,
   * sampled by perf). A slot's number is NaN and its text `UNREAD` until something is read there (neither equals anything read).
   */
  private readonly numbers = new Float64Array(READ_SLOTS).fill(Number.NaN);
  private readonly texts: string[] = new Array<string>(READ_SLOTS).fill(UNREAD);
  private readonly decimals: (Dec | undefined)[] = new Array<Dec | undefined>(READ_SLOTS).fill(undefined);

  /** The decimal `value` reads as under `spec` (checked against its bounds), or a refusal naming `field`. */
  read(value: unknown, spec: InputSpec, bounds: DecimalBounds, field: Field): Dec {
    if (typeof value === 'number') {
      const slot = numberSlot(value);
      if (this.numbers[slot] === value) return this.decimals[slot]!;
      const d = readDecimal(value, spec, bounds, field);
      this.numbers[slot] = value;
      this.texts[slot] = UNREAD;
      this.decimals[slot] = d;
      return d;
    }
    if (typeof value !== 'string' || value.length > MAX_READ_TEXT) return readDecimal(value, spec, bounds, field);
    const slot = textSlot(value);
    if (this.texts[slot] === value) return this.decimals[slot]!;
    const d = readDecimal(value, spec, bounds, field);
    this.texts[slot] = value;
    this.numbers[slot] = Number.NaN;
    this.decimals[slot] = d;
    return d;
  }
}
/** The longest text `ReadDecimals` keeps, and a text longer than any it keeps (so equal to none). */
const MAX_READ_TEXT = 12;
const UNREAD = '\u0000'.repeat(MAX_READ_TEXT + 1);

/** `value` as a decimal, checked against `spec`'s bounds. */
function readDecimal(value: unknown, spec: InputSpec, bounds: DecimalBounds, field: Field): Dec {
  const d = toDecimal(value, field);
  checkBounds(d, spec, bounds, field);
  return d;
}
const SLOT_BITS = 7;
const READ_SLOTS = 1 << SLOT_BITS;
/**
 * A value's slot: the top bits of its hundredths (a number) or of its characters, each mixed in (a text), times an
 * odd constant (Fibonacci hashing), so values a column repeats, often whole or differing in one digit ("1980.00",
 * "2140.00"), spread over the slots rather than share a few.
 */
const numberSlot = (value: number): number => Math.imul((value * 100) | 0, 0x9e3779b1) >>> (32 - SLOT_BITS);
function textSlot(text: string): number {
  let h = text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x9e3779b1);
  return Math.imul(h ^ (h >>> 16), 0x9e3779b1) >>> (32 - SLOT_BITS);
}

/** A spec's bounds as decimals. */
interface DecimalBounds {
  min?: Dec;
  max?: Dec;
  minExclusive: boolean;
}
const decimalBoundsOf = (spec: InputSpec): DecimalBounds => ({
  min: spec.min === undefined ? undefined : new Dec(spec.min),
  max: spec.max === undefined ? undefined : new Dec(spec.max),
  minExclusive: Boolean(spec.minExclusive),
});

function tooSmall(field: Field, spec: InputSpec, min: string, got: string): never {
  const op = spec.minExclusive ? '>' : '≥';
  fail('out-of-range', `${field.zh} 应 ${op} ${min}，收到 ${got}`, `${field.code} must be ${op} ${min}, got ${got}`, field.code);
}

function tooLarge(field: Field, max: string, got: string): never {
  fail('out-of-range', `${field.zh} 应 ≤ ${max}，收到 ${got}`, `${field.code} must be ≤ ${max}, got ${got}`, field.code);
}

function checkBounds(value: Dec, spec: InputSpec, bounds: DecimalBounds, field: Field): void {
  if (!value.isZero() && value.e >= LIMIT_EXPONENT) fail('out-of-range', `${field.zh} 数值过大`, `${field.code} is too large`, field.code);
  const { min, max } = bounds;
  if (min !== undefined && (bounds.minExclusive ? value.lte(min) : value.lt(min))) tooSmall(field, spec, min.toFixed(), value.toFixed());
  if (max !== undefined && value.gt(max)) tooLarge(field, max.toFixed(), value.toFixed());
}

/** An integer spec's bounds as numbers (integer specs have number bounds) and as decimals (for the decimal path). */
interface IntegerBounds {
  min?: number;
  max?: number;
  minExclusive: boolean;
  decimal: DecimalBounds;
}
const integerBoundsOf = (spec: InputSpec): IntegerBounds => ({
  min: spec.min === undefined ? undefined : Number(spec.min),
  max: spec.max === undefined ? undefined : Number(spec.max),
  minExclusive: spec.minExclusive === true,
  decimal: decimalBoundsOf(spec),
});

const withinIntegerBounds = (n: number, { min, max, minExclusive }: IntegerBounds): boolean =>
  !(min !== undefined && (minExclusive ? n <= min : n < min)) && !(max !== undefined && n > max);

/** Bounds of a whole number already held exactly in a JS number. */
function checkIntegerBounds(n: number, spec: InputSpec, bounds: IntegerBounds, field: Field): void {
  const { min, max } = bounds;
  if (min !== undefined && (bounds.minExclusive ? n <= min : n < min)) tooSmall(field, spec, String(min), String(n));
  if (max !== undefined && n > max) tooLarge(field, String(max), String(n));
}

function toInteger(value: unknown, spec: InputSpec, bounds: IntegerBounds, field: Field): number {
  // The common case, a plain whole number, needs no decimal at all.
  const n = plainInteger(value);
  if (n !== undefined) {
    checkIntegerBounds(n, spec, bounds, field);
    return n;
  }
  const d = toDecimal(value, field);
  if (!d.isInteger())
    fail('not-an-integer', `${field.zh} 应为整数，收到 ${d.toFixed()}`, `${field.code} must be a whole number, got ${d.toFixed()}`, field.code);
  checkBounds(d, spec, bounds.decimal, field);
  return d.toNumber();
}

/** The yes/no a text or value says, if it says one. */
function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value === 'string') {
    const t = foldWidth(value).trim().toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
  }
  return undefined;
}

/** The texts cells hold most (each word as listed, in capitals, capitalised), with what they say: read without folding. */
const BOOLEAN_TEXTS = new Map<string, boolean>(
  [...BOOLEAN_WORDS.true, ...BOOLEAN_WORDS.false]
    .flatMap((word) => [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)])
    .map((text) => [text, booleanOf(text)!]),
);

export function toBoolean(value: unknown, field: Field): boolean {
  const known = typeof value === 'string' ? BOOLEAN_TEXTS.get(value) : undefined;
  if (known !== undefined) return known;
  const read = booleanOf(value);
  if (read !== undefined) return read;
  fail(
    'invalid-boolean',
    `${field.zh} 应为“是”或“否”（也可填 1 或 0），收到 ${describe(value)}`,
    `${field.code} must be TRUE/FALSE (or 1/0), got ${describe(value)}`,
    field.code,
  );
}

export function toDate(value: unknown, field: Field): string {
  if (typeof value === 'string') {
    // the common cell is already a strict YYYY-MM-DD (the table reader writes dates so)
    if (isIsoDate(value)) return value;
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

/** The choice a text or number names (its value, English label in any case, Chinese label or an alias), if any. */
function choiceOf(value: unknown, choices: readonly Choice[]): string | undefined {
  const t = typeof value === 'number' ? String(value) : typeof value === 'string' ? foldWidth(value).trim() : undefined;
  if (t === undefined) return undefined;
  const lower = t.toLowerCase();
  for (const choice of choices) {
    if (
      choice.value === lower ||
      foldWidth(choice.label.zh) === t ||
      choice.label.en.toLowerCase() === lower ||
      choice.aliases?.some((alias) => foldWidth(alias) === t)
    ) {
      return choice.value;
    }
  }
  return undefined;
}

/** The texts a choice is most often written as (value, labels, aliases), with the choice each names: looked up, not searched. */
function choiceTexts(choices: readonly Choice[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const choice of choices) {
    for (const text of [choice.value, choice.label.en, choice.label.en.toLowerCase(), choice.label.zh, ...(choice.aliases ?? [])]) {
      const named = choiceOf(text, choices);
      if (named !== undefined) texts.set(text, named);
    }
  }
  return texts;
}

function toChoice(value: unknown, spec: InputSpec, texts: ReadonlyMap<string, string>, field: Field): string {
  const named = (typeof value === 'string' ? texts.get(value) : undefined) ?? choiceOf(value, spec.choices!);
  if (named !== undefined) return named;
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

/**
 * The common list cell, ASCII whole numbers within bounds separated by commas, semicolons and spaces ("14,12,7"),
 * read in one pass; undefined for anything else, which the general path reads (and refuses) item by item.
 */
function plainIntegerList(text: string, bounds: IntegerBounds): number[] | undefined {
  const items: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x3b || c === 0x20 || c === 0x09) {
      i++;
      continue;
    }
    const negative = c === 0x2d;
    const start = c === 0x2d || c === 0x2b ? i + 1 : i;
    let whole = 0;
    let end = start;
    for (; end < n; end++) {
      const d = text.charCodeAt(end) - 0x30;
      if (d < 0 || d > 9) break;
      whole = whole * 10 + d;
    }
    const next = text.charCodeAt(end);
    if (end === start || end - start > 15 || !(end === n || next === 0x2c || next === 0x3b || next === 0x20 || next === 0x09)) return undefined;
    const item = negative ? 0 - whole : whole;
    if (!withinIntegerBounds(item, bounds) || items.length === MAX_LIST_ITEMS) return undefined;
    items.push(item);
    i = end;
  }
  return items.length > 0 ? items : undefined;
}

function toIntegerList(value: unknown, spec: InputSpec, bounds: IntegerBounds, field: Field): number[] {
  if (typeof value === 'string') {
    const plain = plainIntegerList(value, bounds);
    if (plain) return plain;
  }
  let items: unknown[];
  if (Array.isArray(value)) items = value.length > MAX_LIST_ITEMS ? tooMany(field) : value.flat(2).filter((v) => !isBlank(v));
  else if (typeof value === 'string') items = value.split(/[,;，；\s]+/).filter((v) => v !== '');
  else if (typeof value === 'number') items = [value];
  else fail('invalid-list', `${field.zh} 应为数字列表，如 "12,14,6"`, `${field.code} must be a list of numbers, e.g. "12,14,6"`, field.code);
  if (items.length > MAX_LIST_ITEMS) tooMany(field);
  if (items.length === 0)
    fail('invalid-list', `${field.zh} 应为非空的数字列表，如 "12,14,6"`, `${field.code} must be a non-empty list of numbers, e.g. "12,14,6"`, field.code);
  return items.map((item, i) => {
    // an item's field is named only when the item needs more than a plain reading
    const n = plainInteger(item);
    if (n !== undefined && withinIntegerBounds(n, bounds)) return n;
    return toInteger(item, spec, bounds, { code: `${field.code}[${i}]`, zh: `${field.zh}第 ${i + 1} 项` });
  });
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

/**
 * One spec as coercion uses it, made once per spec: its type, and what reading its values needs, made then too
 * (bounds as numbers and decimals, a choice's texts).
 */
interface SpecReading {
  spec: InputSpec;
  name: string;
  type: InputSpec['type'];
  /** The spec takes one value: a list or an object is refused before reading. */
  single: boolean;
  /** What an absent (blank) value is: the spec's default, a refusal (required), or nothing. */
  defaulted: boolean;
  required: boolean;
  integerBounds: IntegerBounds | undefined;
  decimalBounds: DecimalBounds | undefined;
  /** A decimal or money spec's values read lately. */
  decimals: ReadDecimals | undefined;
  choiceTexts: ReadonlyMap<string, string> | undefined;
}
const readings = new WeakMap<InputSpec, SpecReading>();
function readingOf(spec: InputSpec): SpecReading {
  let reading = readings.get(spec);
  if (!reading) {
    const { type } = spec;
    reading = {
      spec,
      name: spec.name,
      type,
      single: type !== 'integer-list' && type !== 'records',
      defaulted: spec.default !== undefined,
      required: Boolean(spec.required),
      integerBounds: type === 'integer' || type === 'integer-list' ? integerBoundsOf(spec) : undefined,
      decimalBounds: type === 'decimal' || type === 'money' ? decimalBoundsOf(spec) : undefined,
      decimals: type === 'decimal' || type === 'money' ? new ReadDecimals() : undefined,
      choiceTexts: type === 'choice' ? choiceTexts(spec.choices!) : undefined,
    };
    readings.set(spec, reading);
  }
  return reading;
}

/** Reads one present (non-blank) value of a spec by its type (the common types first), or throws naming `field`. */
function read(value: unknown, reading: SpecReading, field: Field): unknown {
  const { spec } = reading;
  switch (reading.type) {
    case 'integer':
      return toInteger(value, spec, reading.integerBounds!, field);
    case 'money':
    case 'decimal':
      return reading.decimals!.read(value, spec, reading.decimalBounds!, field);
    case 'boolean':
      return toBoolean(value, field);
    case 'date':
      return toDate(value, field);
    case 'choice':
      return toChoice(value, spec, reading.choiceTexts!, field);
    case 'text':
      if (typeof value !== 'string' && typeof value !== 'number') fail('invalid-choice', `${field.zh} 应为文本`, `${field.code} must be text`, field.code);
      return String(value).trim();
    case 'district':
      if (typeof value !== 'string') fail('unknown-district', `${field.zh} 应为旗县区名称`, `${field.code} must be a district name`, field.code);
      return resolveDistrict(value, field.code);
    case 'integer-list':
      return toIntegerList(value, spec, reading.integerBounds!, field);
    case 'records':
      return toRecords(value, spec, field);
  }
}

function wrongShape(value: object, spec: InputSpec, field: Field): never {
  const what = Array.isArray(value) ? { zh: '列表', en: 'a list' } : { zh: '对象', en: 'an object' };
  fail(
    SHAPE_CODE[spec.type as keyof typeof SHAPE_CODE],
    `${field.zh} 应为单个值，收到${what.zh}`,
    `${field.code} must be a single value, got ${what.en}`,
    field.code,
  );
}

/** Coerces one present (non-blank) value according to its spec. */
function coerceValue(value: unknown, reading: SpecReading, field: Field): unknown {
  if (reading.single && typeof value === 'object' && value !== null) wrongShape(value, reading.spec, field);
  return read(value, reading, field);
}

/** What coercing against a list of specs reads on every call, made once per list: its names, its specs' readings, its top-level fields and its coerced defaults. */
export interface SpecList {
  /** Each name's slot in `values` (the first spec's index of that name). */
  slots: Map<string, number>;
  /** Each spec's slot. */
  slotOf: number[];
  readings: SpecReading[];
  /** Each spec's field when the list is the top level (named by the input alone). */
  fields: Field[];
  /** Each spec's default, coerced once when it can be shared (see `defaultOf`). */
  defaults: ({ value: unknown } | undefined)[];
  /** How many slots the values coerced against the list have (one per spec). */
  size: number;
  /** The keys of the objects last coerced, in their order, and each one's slot (`NO_SLOT`: no input's): looked up by name only when a key differs. */
  keysSeen: string[];
  slotsSeen: number[];
}
const NO_SLOT = -1;
const MAX_KEYS_SEEN = 64;
const specLists = new WeakMap<readonly InputSpec[], SpecList>();
function listOf(specs: readonly InputSpec[]): SpecList {
  let list = specLists.get(specs);
  if (!list) {
    const slots = new Map<string, number>();
    specs.forEach((spec, i) => slots.has(spec.name) || slots.set(spec.name, i));
    list = {
      slots,
      slotOf: specs.map((spec) => slots.get(spec.name)!),
      readings: specs.map(readingOf),
      fields: specs.map((spec) => Object.freeze({ code: spec.name, zh: spec.label.zh })),
      defaults: specs.map(() => undefined),
      size: specs.length,
      keysSeen: [],
      slotsSeen: [],
    };
    specLists.set(specs, list);
  }
  return list;
}

/** A list of specs as coercion reads it (`inputListOf`): what a caller that coerces many objects against one list holds, so the list is looked up once. */
export interface InputList {
  readonly specs: readonly InputSpec[];
  readonly list: SpecList;
}

/** The list `specs` as coercion reads it, to hold and pass to `coerceInputs` (a rule's facts hold their inputs' one). */
export function inputListOf(specs: readonly InputSpec[]): InputList {
  return { specs, list: listOf(specs) };
}

/** `coerceObject` of a top-level object (the inputs of one evaluation) against a list held by the caller (`inputListOf`). */
export function coerceInputs(raw: unknown, inputs: InputList): Record<string, unknown> {
  return coerceIn(raw, inputs.specs, inputs.list, '', '', undefined);
}

/** Refuses a name that is no input (nor passed over). */
function unknownInput(key: string, specs: readonly InputSpec[], prefix: string, prefixZh: string): never {
  const names = specs.map((s) => s.name).join(', ');
  const labels = specs.map((s) => s.label.zh).join('、');
  const field = prefix ? `${prefix}.${key}` : key;
  fail('unknown-input', `${prefixZh}未知输入项“${key}”。可填：${labels}`, `Unknown input "${key}". Accepted: ${names}`, field);
}

/**
 * Coerces a whole input object against a list of specs: unknown names, missing required inputs and
 * bad values are errors naming the field. Absent optional inputs take their default or stay undefined.
 * Names in `passOver` are neither inputs nor unknown (a batch row's own rowId and claimed, which no input is named).
 */
export function coerceObject(raw: unknown, specs: readonly InputSpec[], prefix = '', prefixZh = '', passOver?: ReadonlySet<string>): Record<string, unknown> {
  return coerceIn(raw, specs, listOf(specs), prefix, prefixZh, passOver);
}

/** `coerceObject` against `specs` read as `list`. */
function coerceIn(
  raw: unknown,
  specs: readonly InputSpec[],
  list: SpecList,
  prefix: string,
  prefixZh: string,
  passOver: ReadonlySet<string> | undefined,
): Record<string, unknown> {
  if (!isRecord(raw)) {
    fail('invalid-list', `${prefixZh || '输入'} 应为“名称: 值”对象`, `${prefix || 'inputs'} must be an object of name: value`, prefix || 'inputs');
  }
  const slots = new SlotValues(list.size);
  readInto(raw, list, passOver, slots);
  if (slots.unknown !== undefined) unknownInput(slots.unknown, specs, prefix, prefixZh);
  return coerceSlots(slots.values, list, prefix, prefixZh);
}

/**
 * A row's inputs by slot (`slotIn`), as a batch reads them before coercing: from an object (`readSlots`) or from a
 * table's cells. A batch holds one and reads row after row into it (`clear` between rows).
 */
export class SlotValues {
  readonly values: unknown[];
  /** The row has an own key (`named`), and one whose value is not blank (`filled`): a row that names keys but fills none is a blank row. */
  named = false;
  filled = false;
  /** The first own key, in the order of `for…in`, that is no input (nor passed over): refused when the row is coerced, before any value. */
  unknown: string | undefined = undefined;

  constructor(size: number) {
    // pushed, not Array.from({ length }, …): that reads an array-like through the generic path, about a tenth of a quick evaluate()
    const values: unknown[] = [];
    for (let i = 0; i < size; i++) values.push(undefined);
    this.values = values;
  }

  clear(): void {
    const { values } = this;
    for (let i = 0; i < values.length; i++) values[i] = undefined;
    this.named = false;
    this.filled = false;
    this.unknown = undefined;
  }
}

/** An object's values into the slots of `inputs` (cleared first), with whether it names and fills any own key and its first unknown key. */
export function readSlots(source: object, inputs: InputList, passOver: ReadonlySet<string> | undefined, into: SlotValues): void {
  into.clear();
  readInto(source as Record<string, unknown>, inputs.list, passOver, into);
}

/**
 * An object's values in the slots of `list`'s inputs (inherited names too, as `source[name]` reads them), read in one
 * pass with what `SlotValues` tells of its own keys.
 */
function readInto(source: Record<string, unknown>, list: SpecList, passOver: ReadonlySet<string> | undefined, into: SlotValues): void {
  const { keysSeen, slotsSeen } = list;
  const { values } = into;
  let k = 0;
  for (const key in source) {
    // the rows of a batch name their keys in one order: the k-th key's slot is the one the last object's k-th key had
    let slot = slotsSeen[k];
    if (keysSeen[k] !== key) {
      slot = list.slots.get(key) ?? NO_SLOT;
      // only an input's name is kept (no other key an object sends stays in memory), and only so many
      if (slot !== NO_SLOT && k < MAX_KEYS_SEEN) {
        keysSeen[k] = key;
        slotsSeen[k] = slot;
      }
    }
    k++;
    const value = source[key];
    if (slot !== NO_SLOT) values[slot] = value;
    else if (into.unknown === undefined && !passOver?.has(key) && Object.hasOwn(source, key)) into.unknown = key;
    // whether an own key is named, and filled: asked of a key only until the answer is yes
    if (into.filled) continue;
    if (!isBlank(value)) {
      if (Object.hasOwn(source, key)) into.named = into.filled = true;
    } else if (!into.named && Object.hasOwn(source, key)) into.named = true;
  }
}

/** Each input's value, from its slot in `values` (blank: its default, or missing), coerced by its spec, in the list's order. */
function coerceSlots(values: readonly unknown[], list: SpecList, prefix: string, prefixZh: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const top = !prefix && !prefixZh;
  const { readings } = list;
  for (let i = 0; i < readings.length; i++) {
    const reading = readings[i];
    const { spec, name } = reading;
    const value = values[list.slotOf[i]];
    const blank = isBlank(value);
    if (blank && !reading.defaulted && !reading.required) continue;
    const field: Field = top ? list.fields[i] : { code: prefix ? `${prefix}.${name}` : name, zh: prefixZh ? `${prefixZh}的“${spec.label.zh}”` : spec.label.zh };
    if (blank) {
      if (reading.defaulted) out[name] = top ? defaultOf(list, i, field) : coerceValue(spec.default, reading, field);
      else fail('missing-input', `缺少必填项：${field.zh}`, `Missing required input ${field.code} (${spec.label.en})`, field.code);
      continue;
    }
    out[name] = coerceValue(value, reading, field);
  }
  return out;
}

/**
 * The top-level inputs of one evaluation read by slot (`SlotValues`): what `coerceInputs` gives for the object they were
 * read from, its unknown key refused the same way.
 */
export function coerceInputSlots(slots: SlotValues, inputs: InputList): Record<string, unknown> {
  if (slots.unknown !== undefined) unknownInput(slots.unknown, inputs.specs, '', '');
  return coerceSlots(slots.values, inputs.list, '', '');
}

/** The slot of the input `name` in the values `coerceInputSlots` reads (−1: no input of `inputs` is so named). */
export function slotIn(inputs: InputList, name: string): number {
  return inputs.list.slots.get(name) ?? NO_SLOT;
}

/** Slot values for the inputs of `inputs`, none read yet. */
export const slotValuesFor = (inputs: InputList): SlotValues => new SlotValues(inputs.list.size);

/**
 * A spec's default, coerced once: defaults are constant, and what they coerce to (numbers, texts,
 * booleans, immutable decimals) can be shared. A list default is made afresh each time (a rule could change it).
 */
function defaultOf(list: SpecList, at: number, field: Field): unknown {
  const kept = list.defaults[at];
  if (kept) return kept.value;
  const reading = list.readings[at];
  const value = coerceValue(reading.spec.default, reading, field);
  if (value === null || typeof value !== 'object' || value instanceof Dec) list.defaults[at] = { value };
  return value;
}
