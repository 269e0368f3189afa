import { Dec, money } from './decimal.ts';
import type { OutputSpec, OutputType } from './schema.ts';

/**
 * The one place results are rounded and printed: money → "29700.00" (0.01, half up), decimals → exact
 * plain strings, ratios → 4 decimals, counts → numbers. Rules return exact values; this formats them.
 */
export function formatOutputs(raw: Record<string, unknown>, outputs: readonly OutputSpec[]): Record<string, unknown> {
  return new OutputFormats(outputs).format(raw);
}

/** How one output's value is printed, by its type: as it is, or as money, a decimal, a ratio or a count (a code, so one `switch` prints every value: no call through a table of functions). */
const AS_IS = 0;
const MONEY = 1;
const DECIMAL = 2;
const RATIO = 3;
const INTEGER = 4;
type Format = typeof AS_IS | typeof MONEY | typeof DECIMAL | typeof RATIO | typeof INTEGER;
const FORMATS: Readonly<Record<OutputType, Format>> = {
  money: MONEY,
  decimal: DECIMAL,
  ratio: RATIO,
  integer: INTEGER,
  boolean: AS_IS,
  date: AS_IS,
  text: AS_IS,
  conditions: AS_IS,
  records: AS_IS,
};
const formatOf = (type: OutputType): Format => FORMATS[type] ?? AS_IS;

/** `value` printed as `format` says. */
function printed(format: Format, value: unknown): unknown {
  switch (format) {
    case MONEY:
      return money(value as Dec);
    case DECIMAL:
      return (value as Dec).toSignificantDigits(30).toFixed();
    case RATIO:
      return (value as Dec).toFixed(4);
    case INTEGER:
      return value instanceof Dec ? value.toNumber() : value;
    default:
      return value;
  }
}

/** The most outputs a result copied for printing by `Object.assign` has (see `formatInOrder`). */
const ASSIGNED_WHOLE = 4;

/**
 * How a list of outputs is printed, made once per list (a rule's outputs never change; see RuleFacts): each
 * output's name and its format, chosen by its type, so a row's values are printed without looking at their specs.
 */
export class OutputFormats {
  private readonly names: readonly string[];
  private readonly formats: readonly Format[];

  constructor(outputs: readonly OutputSpec[]) {
    this.names = outputs.map((spec) => spec.name);
    this.formats = outputs.map((spec) => formatOf(spec.type));
  }

  /** The outputs' values in `raw`, in order, each printed by its type; an output without a value is left out. */
  format(raw: Record<string, unknown>): Record<string, unknown> {
    const shared = this.sharedRaw;
    if (shared !== undefined && raw === shared) return this.sharedShown!;
    // every 64th result is asked whether it is frozen: then the rule shares it between cases, and it is printed once
    if ((++this.printed & 63) === 0 && Object.isFrozen(raw)) {
      const shown = Object.freeze(this.formatInOrder(raw) ?? this.formatByName(raw));
      this.sharedRaw = raw;
      this.sharedShown = shown;
      return shown;
    }
    return this.formatInOrder(raw) ?? this.formatByName(raw);
  }

  /**
   * A result the rule shares between cases (frozen: rent-subsidy's nothing for a case outside it), printed once and
   * shared in turn by every case it answers: the one found last. Asking each result whether it is frozen would cost
   * every case about as much as a few of its stores (measured: +1.3 % of an overquota-reward row), so only every
   * 64th is asked, and a result a rule shares with many cases is found among the first few hundred.
   */
  private printed = 0;
  private sharedRaw: object | undefined = undefined;
  private sharedShown: Record<string, unknown> | undefined = undefined;

  /**
   * The common result, outputs in their order (some may be left out), each with a value: copied whole (the copy
   * takes the result's shape at once, where adding the names one by one to an empty object costs a lookup each), then
   * each value printed over its copy. Undefined for any other result (a name that is no output or out of order, a
   * value left undefined), which formatByName prints.
   *
   * A result of at most `ASSIGNED_WHOLE` outputs is copied by `Object.assign` onto an empty object, a larger one by a
   * spread: this site sees every rule's result (a Worker serves them all), and there V8's spread copies fast only while
   * it has seen few shapes (about 100 ns a result after, `Object.assign` some 35), while `Object.assign` copies in one
   * block only what an empty object holds in itself (four properties; a larger result costs it as much as the spread).
   * The names are outputs' (never `__proto__`), so both copy the same.
   */
  private formatInOrder(raw: Record<string, unknown>): Record<string, unknown> | undefined {
    const { names, formats } = this;
    const out: Record<string, unknown> = names.length <= ASSIGNED_WHOLE ? Object.assign({}, raw) : { ...raw };
    let i = 0;
    for (const name in raw) {
      const value = raw[name];
      while (i < names.length && names[i] !== name) i++;
      if (i === names.length || value === undefined) return undefined;
      // a value printed as it is (a yes/no, a date, a text) is already in the copy, as is a count given as a number
      // (asked by its type: comparing the printed value with the value, a text with a decimal, is V8's generic equality)
      const format = formats[i++];
      if (format === AS_IS || (format === INTEGER && typeof value === 'number')) continue;
      out[name] = printed(format, value);
    }
    return out;
  }

  private formatByName(raw: Record<string, unknown>): Record<string, unknown> {
    const { names, formats } = this;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const value = raw[names[i]];
      if (value !== undefined) out[names[i]] = printed(formats[i], value);
    }
    return out;
  }
}
