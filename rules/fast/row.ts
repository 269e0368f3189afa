/**
 * Reads raw inputs for the fast path, against the rule's own input specs, into reused slots (no
 * allocation per row): plain numbers or plain numeric strings, canonical choice values, booleans.
 * Anything it does not read exactly as `coerce.ts` would (dates, districts, text, aliases, grouping,
 * more than six decimals, bad or missing values) gives undefined, and the caller uses `evaluate()`,
 * which answers or explains the error.
 */
import type { InputSpec } from '../core/schema.ts';
import { compare, LIMIT, POWERS, SCALED_LIMIT } from './exact.ts';

/**
 * One row's inputs, slot i for input i of the rule: a number input is `n[i] / d[i]` exactly (an integer
 * has d = 1), a boolean is n = 1 or 0, a choice is `choice[i]`; an absent optional input has n = NaN.
 * The slots are reused for the next row: read what you need before reading another row.
 */
export interface Row {
  readonly n: Float64Array;
  readonly d: Float64Array;
  readonly choice: (string | undefined)[];
}

/** How a slot is read; `Other` inputs (dates, districts, text …) are left to `evaluate()`. */
const Kind = { Other: 0, Integer: 1, Scaled: 2, Choice: 3, Boolean: 4 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

const kindOf = (spec: InputSpec): Kind => {
  if (spec.excludes) return Kind.Other;
  switch (spec.type) {
    case 'integer':
      return Kind.Integer;
    case 'decimal':
    case 'money':
      return Kind.Scaled;
    case 'choice':
      return Kind.Choice;
    case 'boolean':
      return Kind.Boolean;
    default:
      return Kind.Other;
  }
};

const INTEGER = /^\d{1,15}$/;
const PLAIN = /^(\d{1,15})(?:\.(\d{1,6}))?$/;
const BLANK = /^\s*$/;

/**
 * A raw number or plain numeric string as an exact scaled integer in slot i. A number is read as its
 * shortest decimal form, as decimal.js reads it: 0.1 is 1/10.
 */
function readScaled(value: unknown, row: Row, i: number): boolean {
  if (typeof value === 'number') {
    if (!(value >= -LIMIT && value <= LIMIT)) return false;
    if (Math.floor(value) === value) {
      row.n[i] = value === 0 ? 0 : value;
      row.d[i] = 1;
      return true;
    }
    for (let k = 1; k < POWERS.length; k++) {
      const d = POWERS[k];
      const v = value * d;
      if (v > SCALED_LIMIT || v < -SCALED_LIMIT) return false;
      const n = Math.round(v);
      if (n / d === value) {
        row.n[i] = n === 0 ? 0 : n;
        row.d[i] = d;
        return true;
      }
    }
    return false;
  }
  if (typeof value !== 'string') return false;
  const m = PLAIN.exec(value);
  if (!m) return false;
  const digits = m[2];
  const n = digits === undefined ? Number(m[1]) : Number(m[1] + digits);
  if (n > SCALED_LIMIT) return false;
  row.n[i] = n;
  row.d[i] = digits === undefined ? 1 : POWERS[digits.length];
  return true;
}

function readInteger(value: unknown, row: Row, i: number): boolean {
  const n = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n > LIMIT || n < -LIMIT) return false;
  row.n[i] = n;
  row.d[i] = 1;
  return true;
}

const emptyRow = (size: number): Row => ({ n: new Float64Array(size), d: new Float64Array(size), choice: new Array(size).fill(undefined) });

export interface RowReader {
  /** Slot of each input, by name. */
  readonly at: Readonly<Record<string, number>>;
  /** An object's inputs (by name) in the reused slots, or undefined when the fast path must defer. */
  read(raw: unknown): Row | undefined;
  /**
   * A reader for the rows of a table whose cells are the inputs named by `columns`, in that order (a
   * sheet, a CSV): no names to look up per row. Undefined when a column names no input of the rule.
   */
  table(columns: readonly string[]): ((cells: readonly unknown[]) => Row | undefined) | undefined;
}

const isBlankValue = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && BLANK.test(value));

/** A reader for one rule's inputs (in the order of `specs`). */
export function rowReader(specs: readonly InputSpec[]): RowReader {
  const size = specs.length;
  const slotOf = new Map<string, number>(specs.map((s, i) => [s.name, i]));
  const at: Record<string, number> = Object.fromEntries(slotOf);
  const kinds: Kind[] = specs.map(kindOf);
  const required = specs.map((s) => s.required === true);
  const choices = specs.map((s) => new Set(s.choices?.map((c) => c.value)));
  // inclusive bounds (an exclusive minimum where the spec says so) as exact scaled integers; none: NaN
  const bounds = { minN: new Float64Array(size), minD: new Float64Array(size), maxN: new Float64Array(size), maxD: new Float64Array(size) };
  const minExclusive = specs.map((s) => s.minExclusive === true);
  const probe = emptyRow(1);
  const scaled = (b: number | string | undefined, name: string) => {
    if (b === undefined) return [NaN, 1];
    if (!readScaled(String(b), probe, 0)) throw new Error(`${name}: bound ${b} is not a plain decimal`);
    return [probe.n[0], probe.d[0]];
  };
  specs.forEach((s, i) => {
    [bounds.minN[i], bounds.minD[i]] = scaled(s.min, s.name);
    [bounds.maxN[i], bounds.maxD[i]] = scaled(s.max, s.name);
  });

  const row = emptyRow(size);
  const seen = new Uint32Array(size);
  let generation = 0;

  /** Reads one non-blank value into slot i: false when the fast path cannot hold it exactly. */
  function readSlot(value: unknown, i: number, row: Row): boolean {
    switch (kinds[i]) {
      case Kind.Integer:
        if (!readInteger(value, row, i)) return false;
        break;
      case Kind.Scaled:
        if (!readScaled(value, row, i)) return false;
        break;
      case Kind.Choice:
        if (typeof value !== 'string' || !choices[i].has(value)) return false;
        row.choice[i] = value;
        return true;
      case Kind.Boolean:
        if (typeof value !== 'boolean') return false;
        row.n[i] = value ? 1 : 0;
        row.d[i] = 1;
        return true;
      default:
        return false;
    }
    const n = row.n[i];
    const d = row.d[i];
    const minN = bounds.minN[i];
    if (minN === minN) {
      const c = compare(n, d, minN, bounds.minD[i]);
      if (minExclusive[i] ? c <= 0 : c < 0) return false;
    }
    const maxN = bounds.maxN[i];
    return maxN !== maxN || compare(n, d, maxN, bounds.maxD[i]) <= 0;
  }

  // defaults, read once and copied into a row that leaves the input empty
  const defaults = emptyRow(size);
  const hasDefault = specs.map((s, i) => {
    if (s.default === undefined) return false;
    if (readSlot(s.default, i, defaults)) return true;
    // a default the fast path cannot hold: a row leaving the input empty is the decimal path's
    kinds[i] = Kind.Other;
    return false;
  });
  const deferWhenEmpty = specs.map((s, i) => required[i] || (s.default !== undefined && !hasDefault[i]));

  /** Slot i of `target` as an empty input: its default, or NaN; false when the input must be given. */
  function leaveEmpty(target: Row, i: number): boolean {
    if (hasDefault[i]) {
      target.n[i] = defaults.n[i];
      target.d[i] = defaults.d[i];
      target.choice[i] = defaults.choice[i];
      return true;
    }
    if (deferWhenEmpty[i]) return false;
    target.n[i] = NaN;
    target.d[i] = 1;
    target.choice[i] = undefined;
    return true;
  }

  function read(raw: unknown): Row | undefined {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
    const source = raw as Record<string, unknown>;
    generation = (generation + 1) >>> 0 || 1;
    for (const key in source) {
      const value = source[key];
      const i = slotOf.get(key);
      // an unknown (or inherited) name is evaluate()'s to explain
      if (i === undefined || !Object.hasOwn(source, key)) return undefined;
      if (isBlankValue(value)) continue;
      if (!readSlot(value, i, row)) return undefined;
      seen[i] = generation;
    }
    return fill();
  }

  /** Defaults (or NaN) into the slots this row left empty; undefined when an empty one must be given. */
  function fill(): Row | undefined {
    for (let i = 0; i < size; i++) if (seen[i] !== generation && !leaveEmpty(row, i)) return undefined;
    return row;
  }

  function table(columns: readonly string[]) {
    const slots = columns.map((name) => slotOf.get(name) ?? -1);
    if (slots.includes(-1) || new Set(slots).size !== slots.length) return undefined;
    // the table's own slots: inputs without a column are empty on every row, so filled once here
    const own = emptyRow(size);
    for (let i = 0; i < size; i++) if (!slots.includes(i) && !leaveEmpty(own, i)) return undefined;
    // per column, what its hot path needs, in one object
    const plan = slots.map((i) => {
      const { min, max } = specs[i];
      const integral = (b: number | string | undefined) => b === undefined || Number.isSafeInteger(Number(b));
      return {
        slot: i,
        // a number for a number input with integral bounds (all the rules have) is read inline: comparing
        // the number itself with an integer is exact, as no double's shortest decimal lies across one
        inline: (kinds[i] === Kind.Integer || kinds[i] === Kind.Scaled) && integral(min) && integral(max),
        integer: kinds[i] === Kind.Integer,
        low: min === undefined ? -LIMIT : Math.max(Number(min), -LIMIT),
        high: max === undefined ? LIMIT : Math.min(Number(max), LIMIT),
        exclusive: minExclusive[i],
      };
    });
    const width = plan.length;
    return (cells: readonly unknown[]): Row | undefined => {
      for (let c = 0; c < width; c++) {
        const value = cells[c];
        const p = plan[c];
        const i = p.slot;
        if (typeof value === 'number' && p.inline) {
          if (!(p.exclusive ? value > p.low : value >= p.low) || !(value <= p.high)) return undefined;
          if (Math.floor(value) === value) {
            own.n[i] = value === 0 ? 0 : value;
            own.d[i] = 1;
          } else if (p.integer || !readScaled(value, own, i)) return undefined;
        } else if (isBlankValue(value)) {
          if (!leaveEmpty(own, i)) return undefined;
        } else if (!readSlot(value, i, own)) return undefined;
      }
      // a cell beyond the columns is not an input: evaluate() explains it
      for (let c = width; c < cells.length; c++) if (!isBlankValue(cells[c])) return undefined;
      return own;
    };
  }

  return { at, read, table };
}
