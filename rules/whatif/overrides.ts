/**
 * 测算 (what-if): a parameter's value set by the budget side, by parameter id, on every date or from a
 * date on. Overrides are checked against the parameter's kind (a whole number or a decimal, as the
 * parameter is written) and unit (no negative value; a ratio at most 1; money to the fen), and become
 * one frozen set that an evaluation reads through `ctx.at` in place of the stored value. Nothing here
 * copies a rule: the same rules run with the set (see `EvaluateOptions.overrides`).
 */
import { parseIsoDate } from '../core/dates.ts';
import { Dec } from '../core/decimal.ts';
import type { Text } from '../core/text.ts';
import { baotouWageClasses, headcount, minimumWage, type WageClass } from '../parameters/inner-mongolia.ts';
import { baotouPlan } from '../parameters/plan.ts';
import { listParameters } from '../parameters/index.ts';
import { retirementReform, veteranCertificate } from '../parameters/national.ts';
import { parametersIn, SINCE_ALWAYS, valueOn, type Dated, type Parameter, type Unit } from '../parameters/types.ts';

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

/** A checked set of overrides, frozen: what an evaluation reads (see Context). */
export interface Overrides {
  /** The overrides as given (checked), in the order given. */
  readonly list: readonly Override[];
  /** One stand-in parameter per overridden id: its history is the override entries only (a date before the first keeps the stored value). */
  readonly byId: ReadonlyMap<string, Parameter>;
  /** Names this set in caches (equal sets, equal keys). */
  readonly key: string;
}

/** The source an overridden value names in steps and readings. */
export const WHATIF_SOURCE = Object.freeze({ document: '测算（假设值）', clause: 'what-if' });

/** The word a what-if answer is marked with, in each language. */
export const WHATIF_MARK: Text = Object.freeze({ zh: '测算', en: 'What-if' });

/**
 * Parameters no evaluation reads through `ctx.at`, so a what-if cannot change them: those a rule reads
 * once when the rules load (to word its texts and fix its counting weights), and the minimum-wage
 * classes no Baotou district is in.
 */
const unclassed = (Object.keys(minimumWage).map(Number) as WageClass[]).filter((c) => !Object.values(baotouWageClasses).includes(c)).map((c) => minimumWage[c]);
const readAtLoad = new Set(
  parametersIn({ headcount: { ...headcount, doubleWeight: undefined }, veteranCertificate, retirementReform, coefficient: baotouPlan.labourCoefficient.coefficient, ...unclassed }).map((p) => p.id),
);

const NUMERIC = /^\d+(\.\d+)?$/;

/** Whether a parameter's values are numbers (whole numbers or decimal texts): a what-if may set those. */
function isNumeric(parameter: Parameter): boolean {
  return parameter.history.some((h) => h.value !== null) && parameter.history.every((h) => h.value === null || typeof h.value === 'number' || NUMERIC.test(h.value));
}

/** The kind of value a parameter holds: `integer` (written as numbers) or `decimal` (written as decimal texts). */
export type ParameterKind = 'integer' | 'decimal';
export const kindOf = (parameter: Parameter): ParameterKind => (parameter.history.some((h) => typeof h.value === 'string') ? 'decimal' : 'integer');

export const isOverridable = (parameter: Parameter): boolean => isNumeric(parameter) && !readAtLoad.has(parameter.id);

let overridable: Map<string, Parameter> | undefined;
/** Every parameter a what-if may set, by id. */
export function overridableParameters(): ReadonlyMap<string, Parameter> {
  overridable ??= new Map(listParameters().filter(isOverridable).map((p) => [p.id, p]));
  return overridable;
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

const refuse = (code: OverrideError['code'], field: string, zh: string, en: string): OverridesReading => ({ ok: false, error: { code, field, message: { zh, en } } });

const name = (p: Parameter) => ({ zh: `“${p.description.zh}”（${p.id}）`, en: `${p.id} (${p.description.en})` });

/** Checks one value against the parameter's kind and unit: the value as held, or the refusal's words. */
function checkValue(parameter: Parameter, raw: unknown): { value: string | number } | { zh: string; en: string } {
  const n = name(parameter);
  const kind = kindOf(parameter);
  const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : typeof raw === 'string' ? raw.trim() : undefined;
  if (text === undefined || text === '') {
    return { zh: `${n.zh}的测算值应为数字`, en: `The what-if value of ${n.en} must be a number` };
  }
  if (/^-\s*\d/.test(text)) return { zh: `${n.zh}的测算值不能为负数：${text.slice(0, 40)}`, en: `The what-if value of ${n.en} cannot be negative: ${text.slice(0, 40)}` };
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

/** Reads and checks overrides; the first one wrong refuses them all, naming its parameter. */
export function readOverrides(inputs: readonly OverrideInput[]): OverridesReading {
  const params = overridableParameters();
  const list: Override[] = [];
  const entries = new Map<string, Dated<string | number>[]>();
  for (const input of inputs) {
    const id = typeof input?.parameter === 'string' ? input.parameter.trim() : '';
    const parameter = params.get(id);
    if (!parameter) {
      const known = listParameters().some((p) => p.id === id);
      const shown = id.slice(0, 80) || String(input?.parameter ?? '').slice(0, 80);
      return known
        ? refuse('unknown-parameter', id, `参数 ${shown} 不能测算（它不是数值，或只在规则载入时读取）`, `Parameter ${shown} cannot be set in a what-if (not a number, or read only when the rules load)`)
        : refuse('unknown-parameter', shown || 'parameter', `没有编号为“${shown}”的参数（见 GET /v1/parameters）`, `There is no parameter "${shown}" (see GET /v1/parameters)`);
    }
    const checked = checkValue(parameter, input.value);
    if (!('value' in checked)) return refuse('invalid-override', id, checked.zh, checked.en);
    let from: string | undefined;
    if (input.from !== undefined && input.from !== null && input.from !== '') {
      if (typeof input.from !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input.from) || !parseIsoDate(input.from)) {
        const shown = String(input.from).slice(0, 40);
        return refuse('invalid-override', id, `${name(parameter).zh}的起始日期“${shown}”不是有效日期（YYYY-MM-DD）`, `The start date of ${name(parameter).en}, "${shown}", is not a valid date (YYYY-MM-DD)`);
      }
      from = input.from;
    }
    const own = entries.get(id) ?? [];
    const start = from ?? SINCE_ALWAYS;
    if (own.some((e) => e.from === start)) {
      return refuse('invalid-override', id, `${name(parameter).zh}在同一日期有两个测算值`, `${name(parameter).en} is set twice from the same date`);
    }
    own.push(Object.freeze({ from: start, value: checked.value, source: WHATIF_SOURCE }));
    entries.set(id, own);
    list.push(from === undefined ? { parameter: id, value: checked.value } : { parameter: id, value: checked.value, from });
  }
  const byId = new Map<string, Parameter>();
  for (const [id, own] of entries) {
    const parameter = params.get(id)!;
    own.sort((a, b) => (a.from < b.from ? -1 : 1));
    byId.set(id, Object.freeze({ ...parameter, history: Object.freeze(own) as Dated<string | number>[] }));
  }
  const key = JSON.stringify(list.map((o) => [o.parameter, o.value, o.from ?? '']).sort());
  return { ok: true, overrides: Object.freeze({ list: Object.freeze(list), byId, key }) };
}

/** What an override replaced on a date: the stored entry (or none), and the override's entry. */
export function overriddenOn(overrides: Overrides, parameter: Parameter, date: string): Dated<string | number> | undefined {
  const own = overrides.byId.get(parameter.id);
  return own && valueOn(own, date);
}

/** One override as an answer lists it: with the parameter's value in force on `date` (its `from`, else the date given). */
export function echoOverrides(overrides: Overrides, date: string): { parameter: string; value: string | number; from?: string; current: string | number | null }[] {
  const params = overridableParameters();
  return overrides.list.map((o) => ({ ...o, current: valueOn(params.get(o.parameter)!, o.from ?? date)?.value ?? null }));
}
