/**
 * 测算 (what-if): a parameter's value set by the budget side, by parameter id, on every date or from a
 * date on. Overrides are checked against the parameter's kind (a whole number or a decimal, as the
 * parameter is written) and unit (no negative value; a ratio at most 1; money to the fen), and make a
 * new frozen parameter set from the served one (pure: the baseline set plus the overrides). The same
 * rules run on it (`evaluateRule(rule, inputs, { parameters })`): nothing here copies a rule.
 */
import { parseIsoDate } from '../core/dates.ts';
import { Dec } from '../core/decimal.ts';
import type { Text } from '../core/text.ts';
import { parameterIn, servedParameters, type ParameterSet } from '../parameters/index.ts';
import { minimumWage, wageClassDistricts, type WageClass } from '../parameters/inner-mongolia.ts';
import { veteranCertificate } from '../parameters/national.ts';
import { deepFreeze, parametersIn, SINCE_ALWAYS, valueOn, type Dated, type Parameter, type Unit, type Value } from '../parameters/types.ts';

/** One override as a caller writes it: `value` a number or a decimal text; `from` YYYY-MM-DD (absent: every date). */
export interface OverrideInput {
  parameter: string;
  value: unknown;
  from?: unknown;
}

/** One override, checked: the value as the parameter holds it (a number, or a decimal text). */
export interface Override {
  parameter: string;
  value: string | number;
  from?: string;
}

/** A checked set of overrides and the parameter set they make, both frozen. */
export interface Overrides {
  /** The overrides as given (checked), in the order given. */
  readonly list: readonly Override[];
  /** The set they were applied to (the baseline). */
  readonly base: ParameterSet;
  /** The baseline set with the overrides: each overridden parameter's stored history up to its first override, then the overrides. */
  readonly parameters: ParameterSet;
}

/** The source an overridden value names in steps and readings. */
export const WHATIF_SOURCE = Object.freeze({ document: '测算（假设值）', clause: 'what-if' });

/** The word a what-if answer is marked with, in each language. */
export const WHATIF_MARK: Text = Object.freeze({ zh: '测算', en: 'What-if' });

const NUMERIC = /^\d+(\.\d+)?$/;

/**
 * Numbers no evaluation reads from a parameter set, so setting them would change nothing: the veteran
 * grades bound an input (fixed when the rules load), and a wage class no Baotou district is in.
 */
function neverRead(set: ParameterSet): Set<string> {
  const unclassed = (Object.keys(minimumWage).map(Number) as WageClass[]).filter((c) =>
    parameterIn(set, wageClassDistricts[c]).history.every((h) => !h.value || (h.value as readonly string[]).length === 0),
  );
  return new Set([...parametersIn(veteranCertificate), ...unclassed.map((c) => minimumWage[c])].map((p) => p.id));
}

/** Whether a parameter's values are numbers (whole numbers or decimal texts) that evaluations read: a what-if may set those. */
export function isOverridable(parameter: Parameter, set: ParameterSet = servedParameters): boolean {
  if (neverReadIn(set).has(parameter.id)) return false;
  const values = parameter.history.map((h) => h.value);
  return values.some((v) => v !== null) && values.every((v) => v === null || typeof v === 'number' || (typeof v === 'string' && NUMERIC.test(v)));
}

/** The kind of value a parameter holds: `integer` (written as numbers) or `decimal` (written as decimal texts). */
export type ParameterKind = 'integer' | 'decimal';
export const kindOf = (parameter: Parameter): ParameterKind => (parameter.history.some((h) => typeof h.value === 'string') ? 'decimal' : 'integer');

const neverReadCache = new WeakMap<ParameterSet, Set<string>>();
const neverReadIn = (set: ParameterSet) => {
  let ids = neverReadCache.get(set);
  if (!ids) neverReadCache.set(set, (ids = neverRead(set)));
  return ids;
};

/** Every parameter of a set a what-if may set, by id. */
export function overridableParameters(set: ParameterSet = servedParameters): ReadonlyMap<string, Parameter> {
  return new Map(set.parameters.filter((p) => isOverridable(p, set)).map((p) => [p.id, p]));
}

/** The largest value a unit takes in a what-if (a sanity bound, not policy). */
const MAX_BY_UNIT: Partial<Record<Unit, number>> = { ratio: 1, days: 36_600, months: 1_200, years: 100, 'class-hours': 100_000 };
const MAX_ANY = 1e12;
const MONEY_UNITS: readonly Unit[] = ['yuan', 'yuan/month', 'yuan/person'];

/** A refusal of an override: code, the parameter it names (the field) and words in both languages. */
export interface OverrideError {
  code: 'unknown-parameter' | 'invalid-override';
  field: string;
  message: Text;
}

export type OverridesReading = { ok: true; overrides: Overrides } | { ok: false; error: OverrideError };

const refuse = (code: OverrideError['code'], field: string, zh: string, en: string): OverridesReading => ({
  ok: false,
  error: { code, field, message: { zh, en } },
});

const name = (p: Parameter) => ({ zh: `“${p.description.zh}”（${p.id}）`, en: `${p.id} (${p.description.en})` });

/** Checks one value against the parameter's kind and unit: the value as held, or the refusal's words. */
function checkValue(parameter: Parameter, raw: unknown): { value: string | number } | { zh: string; en: string } {
  const n = name(parameter);
  const kind = kindOf(parameter);
  const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : typeof raw === 'string' ? raw.trim() : undefined;
  if (text === undefined || text === '') {
    return { zh: `${n.zh}的测算值应为数字`, en: `The what-if value of ${n.en} must be a number` };
  }
  if (/^-\s*\d/.test(text))
    return { zh: `${n.zh}的测算值不能为负数：${text.slice(0, 40)}`, en: `The what-if value of ${n.en} cannot be negative: ${text.slice(0, 40)}` };
  if (!NUMERIC.test(text) || text.length > 30) {
    return { zh: `${n.zh}的测算值“${text.slice(0, 40)}”不是数字`, en: `The what-if value of ${n.en}, "${text.slice(0, 40)}", is not a number` };
  }
  const value = new Dec(text);
  if (kind === 'integer' && !value.isInteger()) {
    return { zh: `${n.zh}应为整数，收到 ${text}`, en: `${n.en} takes whole numbers; got ${text}` };
  }
  if (MONEY_UNITS.includes(parameter.unit) && value.decimalPlaces() > 2) {
    return { zh: `${n.zh}是金额，最多两位小数，收到 ${text}`, en: `${n.en} is an amount of money, at most two decimals; got ${text}` };
  }
  const max = MAX_BY_UNIT[parameter.unit] ?? MAX_ANY;
  if (value.gt(max)) {
    return parameter.unit === 'ratio'
      ? { zh: `${n.zh}是比例，应在 0 至 1 之间，收到 ${text}`, en: `${n.en} is a ratio, between 0 and 1; got ${text}` }
      : { zh: `${n.zh}的测算值不应超过 ${max}，收到 ${text}`, en: `The what-if value of ${n.en} cannot exceed ${max}; got ${text}` };
  }
  return { value: kind === 'integer' ? value.toNumber() : value.toFixed() };
}

/** Reads and checks overrides against a set (the served one unless given); the first one wrong refuses them all, naming its parameter. */
export function readOverrides(inputs: readonly OverrideInput[], base: ParameterSet = servedParameters): OverridesReading {
  const list: Override[] = [];
  const entries = new Map<string, Override[]>();
  for (const input of inputs) {
    const id = typeof input?.parameter === 'string' ? input.parameter.trim() : '';
    const parameter = base.byId[id];
    const shown = id.slice(0, 80) || String(input?.parameter ?? '').slice(0, 80);
    if (!parameter) {
      return refuse(
        'unknown-parameter',
        shown || 'parameter',
        `没有编号为“${shown}”的参数（见 GET /v1/parameters）`,
        `There is no parameter "${shown}" (see GET /v1/parameters)`,
      );
    }
    if (!isOverridable(parameter, base)) {
      return refuse(
        'unknown-parameter',
        id,
        `参数 ${shown} 不能测算：它不是数值，或没有规则在计算时读取它`,
        `Parameter ${shown} cannot be set in a what-if: it is not a number, or no rule reads it when computing`,
      );
    }
    const checked = checkValue(parameter, input.value);
    if (!('value' in checked)) return refuse('invalid-override', id, checked.zh, checked.en);
    let from: string | undefined;
    if (input.from !== undefined && input.from !== null && input.from !== '') {
      if (typeof input.from !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input.from) || !parseIsoDate(input.from)) {
        const date = String(input.from).slice(0, 40);
        return refuse(
          'invalid-override',
          id,
          `${name(parameter).zh}的起始日期“${date}”不是有效日期（YYYY-MM-DD）`,
          `The start date of ${name(parameter).en}, "${date}", is not a valid date (YYYY-MM-DD)`,
        );
      }
      from = input.from;
    }
    const override: Override = from === undefined ? { parameter: id, value: checked.value } : { parameter: id, value: checked.value, from };
    const own = entries.get(id) ?? [];
    if (own.some((o) => (o.from ?? SINCE_ALWAYS) === (from ?? SINCE_ALWAYS))) {
      return refuse('invalid-override', id, `${name(parameter).zh}在同一日期有两个测算值`, `${name(parameter).en} is set twice from the same date`);
    }
    own.push(override);
    entries.set(id, own);
    list.push(override);
  }
  return { ok: true, overrides: deepFreeze({ list, base, parameters: withOverrides(base, entries) }) };
}

/** An entry as the set holds it: what a rule reads (id, unit and description beside the value). */
const entryOf = (parameter: Parameter, from: string, value: Value): Dated<Value> =>
  ({ from, value, source: WHATIF_SOURCE, id: parameter.id, unit: parameter.unit, description: parameter.description }) as Dated<Value>;

/** The baseline set with each overridden parameter's history: its stored entries before the first override, then the overrides. */
function withOverrides(base: ParameterSet, entries: ReadonlyMap<string, readonly Override[]>): ParameterSet {
  const parameters = base.parameters.map((p): Parameter => {
    const own = entries.get(p.id);
    if (!own) return p;
    const sorted = [...own].sort((a, b) => ((a.from ?? SINCE_ALWAYS) < (b.from ?? SINCE_ALWAYS) ? -1 : 1));
    const first = sorted[0].from ?? SINCE_ALWAYS;
    const history = [...p.history.filter((h) => h.from < first), ...sorted.map((o) => entryOf(p, o.from ?? SINCE_ALWAYS, o.value))];
    return { ...p, history };
  });
  const changeDates = [...new Set(parameters.flatMap((p) => p.history.map((h) => h.from)))].sort();
  return Object.freeze({
    ...base,
    parameters: deepFreeze(parameters),
    byId: deepFreeze(Object.fromEntries(parameters.map((p) => [p.id, p]))),
    changeDates: deepFreeze(changeDates),
  });
}

/** One override as an answer lists it: with the baseline's value in force on its `from`, else on `date`. */
export function echoOverrides(
  overrides: Overrides,
  date: string,
): { parameter: string; value: string | number; from?: string; current: string | number | null }[] {
  return overrides.list.map((o) => ({
    ...o,
    current: (valueOn(overrides.base.byId[o.parameter], o.from ?? date)?.value as string | number | null | undefined) ?? null,
  }));
}
