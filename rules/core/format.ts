import { Dec, money } from './decimal.ts';
import type { OutputSpec, OutputType } from './schema.ts';

/**
 * The one place results are rounded and printed: money → "29700.00" (0.01, half up), decimals → exact
 * plain strings, ratios → 4 decimals, counts → numbers. Rules return exact values; this formats them.
 */
export function formatOutputs(raw: Record<string, unknown>, outputs: readonly OutputSpec[]): Record<string, unknown> {
  return new OutputFormats(outputs).format(raw);
}

/** How one output's value is printed, by its type. */
type Format = (value: unknown) => unknown;
const asIs: Format = (value) => value;
const FORMATS: Readonly<Record<OutputType, Format>> = {
  money: (value) => money(value as Dec),
  decimal: (value) => (value as Dec).toSignificantDigits(30).toFixed(),
  ratio: (value) => (value as Dec).toFixed(4),
  integer: (value) => (value instanceof Dec ? value.toNumber() : value),
  boolean: asIs,
  date: asIs,
  text: asIs,
  conditions: asIs,
  records: asIs,
};
const formatOf = (type: OutputType): Format => FORMATS[type] ?? asIs;

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
    return this.formatInOrder(raw) ?? this.formatByName(raw);
  }

  /**
   * The common result, outputs in their order (some may be left out), each with a value: copied whole (the copy
   * takes the result's shape at once, where adding the names one by one to an empty object costs a lookup each), then
   * each value printed over its copy. Undefined for any other result (a name that is no output or out of order, a
   * value left undefined), which formatByName prints.
   */
  private formatInOrder(raw: Record<string, unknown>): Record<string, unknown> | undefined {
    const { names, formats } = this;
    const out = { ...raw };
    let i = 0;
    for (const name in raw) {
      const value = raw[name];
      while (i < names.length && names[i] !== name) i++;
      if (i === names.length || value === undefined) return undefined;
      // a value printed as it is (a count, a yes/no, a date, a text) is already in the copy
      const shown = formats[i++](value);
      if (shown !== value) out[name] = shown;
    }
    return out;
  }

  private formatByName(raw: Record<string, unknown>): Record<string, unknown> {
    const { names, formats } = this;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const value = raw[names[i]];
      if (value !== undefined) out[names[i]] = formats[i](value);
    }
    return out;
  }
}
