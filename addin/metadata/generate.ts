/**
 * Excel's custom-function metadata, generated from the registry: `functions.json` (English) and
 * `functions.zh-CN.json` (Chinese names and descriptions), wired into manifest.xml with a zh-CN override.
 * Ids are the rule ids in upper snake case and never change between languages (formulas store the id).
 */
import { listRules, type RuleMetadata, type Text } from '../../rules/index.ts';
import { optionalPositions, parameterTypeOf } from '../functions/cells.ts';
import { EXPLAIN_ID } from '../functions/register.ts';
import type { Lang } from '../functions/language.ts';

export interface FunctionParameter {
  name: string;
  description: string;
  type: 'number' | 'string' | 'boolean' | 'any';
  dimensionality?: 'scalar' | 'matrix';
  optional?: boolean;
  repeating?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: FunctionParameter[];
  result: { type?: 'number' | 'string' | 'boolean' | 'any'; dimensionality?: 'scalar' | 'matrix' };
}

export interface FunctionsFile {
  /** Lets a function return Excel data types: dates come back as formatted numbers that display as dates. */
  allowCustomDataForDataTypeAny: true;
  functions: FunctionMetadata[];
}

export const METADATA_FILES = { en: 'functions.json', zh: 'functions.zh-CN.json' } as const;

/** Excel's limit for descriptions shown in the formula bar's tooltip. */
export const DESCRIPTION_LIMIT = 128;

export const clip = (text: string, limit = DESCRIPTION_LIMIT) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

const VALID_NAME = /^\p{L}[\p{L}0-9._]*$/u;

/** A Chinese function name from the rule's Chinese title, where Excel's name rules allow it; else the ASCII name. */
export function chineseFunctionName(meta: RuleMetadata, taken: Set<string>): string {
  const candidate = meta.title.zh
    .normalize('NFKC')
    .replace(/[^\p{L}0-9._]/gu, '')
    .slice(0, 64);
  if (candidate.length >= 3 && VALID_NAME.test(candidate) && !taken.has(candidate.toUpperCase())) return candidate;
  return meta.functionName;
}

/**
 * A parameter's description with its unit, once: "月租金（元/月）"; where the description already ends in
 * brackets the unit joins them ("已预留数（可选，单位：个）"), never a second pair ("（元）（元/月）").
 */
export function withUnit(description: string, unit: string | undefined, lang: Lang): string {
  if (!unit || description.includes(unit)) return description;
  if (lang === 'zh') return description.endsWith('）') ? `${description.slice(0, -1)}，单位：${unit}）` : `${description}（${unit}）`;
  return `${description} (${unit})`;
}

/** A parameter's help: the input's description, with its unit once (see `withUnit`). */
export function parameterDescription(input: RuleMetadata['inputs'][number], lang: Lang): string {
  return withUnit(input.description[lang], input.unit?.[lang], lang);
}

/** A function's help: title, clause id, description. */
export function ruleDescription(meta: RuleMetadata, lang: Lang): string {
  const clause = lang === 'zh' ? `（条款 ${meta.clause.id}）` : ` (clause ${meta.clause.id})`;
  return `${meta.title[lang]}${clause}${lang === 'zh' ? '：' : ': '}${meta.description[lang]}`;
}

function ruleFunction(meta: RuleMetadata, lang: Lang, name: string): FunctionMetadata {
  // Positional parameters: once one is optional, all after it are optional to Excel too (the rule still
  // reports a missing required input itself, as #VALUE! with its message).
  const optionals = optionalPositions(meta.inputs);
  const parameters = meta.inputs.map((input, index): FunctionParameter => {
    const optional = optionals[index];
    const { type, dimensionality } = parameterTypeOf(input, optional);
    const parameter: FunctionParameter = {
      name: lang === 'zh' ? input.label.zh : input.name,
      description: clip(parameterDescription(input, lang)),
      type,
    };
    if (dimensionality) parameter.dimensionality = dimensionality;
    if (optional) parameter.optional = true;
    return parameter;
  });
  const primary = meta.outputs.find((o) => o.name === meta.primary);
  const result: FunctionMetadata['result'] =
    primary?.type === 'money' || primary?.type === 'integer' || primary?.type === 'decimal' || primary?.type === 'ratio'
      ? { type: 'number', dimensionality: 'scalar' }
      : primary?.type === 'boolean'
        ? { type: 'boolean', dimensionality: 'scalar' }
        : { dimensionality: 'scalar' };
  return { id: meta.functionName, name, description: clip(ruleDescription(meta, lang)), parameters, result };
}

export const explainText: Record<'description' | 'rule' | 'values', Text> = {
  description: {
    zh: '列出一项计算的完整说明：结果、条款及原文、政策有效期、步骤、所依据的解释、提示',
    en: 'Spills the full explanation of one answer: value, clause and its text, validity, steps, interpretations, hints',
  },
  rule: { zh: '规则函数名，如 "OVERQUOTA_REWARD"', en: 'The rule\'s function name, e.g. "OVERQUOTA_REWARD"' },
  values: { zh: '与该规则函数相同的参数', en: "The same arguments as the rule's function" },
};

function explainFunction(lang: Lang): FunctionMetadata {
  return {
    id: EXPLAIN_ID,
    name: lang === 'zh' ? '计算说明' : EXPLAIN_ID,
    description: clip(explainText.description[lang]),
    parameters: [
      { name: lang === 'zh' ? '规则' : 'rule', description: explainText.rule[lang], type: 'string' },
      {
        name: lang === 'zh' ? '参数' : 'values',
        description: explainText.values[lang],
        type: 'any',
        dimensionality: 'matrix',
        optional: true,
        repeating: true,
      },
    ],
    result: { dimensionality: 'matrix' },
  };
}

/** The metadata file for one language, from `listRules()`. */
export function functionsMetadata(lang: Lang, rules: readonly RuleMetadata[] = listRules()): FunctionsFile {
  const taken = new Set<string>([EXPLAIN_ID, '计算说明']);
  const functions = rules.map((meta) => {
    const name = lang === 'zh' ? chineseFunctionName(meta, taken) : meta.functionName;
    taken.add(name.toUpperCase());
    return ruleFunction(meta, lang, name);
  });
  functions.push(explainFunction(lang));
  return { allowCustomDataForDataTypeAny: true, functions };
}
