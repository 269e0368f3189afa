/**
 * `=BT.EXPLAIN("OVERQUOTA_REWARD", …the function's arguments)`: the whole explanation of one answer as
 * rows of [label, value] that spill below the cell — value, every output, clause id and text, policy and
 * validity, steps, interpretations relied on, warnings and hints. A refusal spills its code and message.
 */
import { messageIn, periodLabel, ROW_VERDICT_WORDS, type DatedAnswer, type Evaluation, type RuleMetadata } from '../../rules/index.ts';
import { basicValueOf, outputToCell } from './cells.ts';
import type { Lang } from './language.ts';

type Row = [string, string | number | boolean];

const L = {
  rule: { zh: '规则', en: 'Rule' },
  value: { zh: '结果', en: 'Value' },
  clause: { zh: '条款', en: 'Clause' },
  clauseText: { zh: '条款原文', en: 'Clause text' },
  policy: { zh: '政策文件', en: 'Policy' },
  validity: { zh: '有效期', en: 'Validity' },
  step: { zh: '步骤', en: 'Step' },
  interpretation: { zh: '解释', en: 'Interpretation' },
  warning: { zh: '提示', en: 'Warning' },
  hint: { zh: '建议', en: 'Hint' },
  source: { zh: '依据', en: 'Source' },
  version: { zh: '规则版本', en: 'Ruleset version' },
  error: { zh: '错误', en: 'Error' },
  message: { zh: '说明', en: 'Message' },
  field: { zh: '输入项', en: 'Input' },
  verdict: { zh: '结论', en: 'Verdict' },
  notEligible: ROW_VERDICT_WORDS.ineligible,
  cannotCompute: ROW_VERDICT_WORDS.invalid,
  condition: { zh: '不符合的条件', en: 'Condition not met' },
  dependsOnDate: { zh: '结果取决于所涉日期', en: 'Depends on the date' },
} as const;

/** One row per period when the answer depends on a date not given: "2024-12-01 之前 | 29700". */
function periodRows(meta: RuleMetadata, byDate: readonly DatedAnswer[], lang: Lang): Row[] {
  const spec = meta.outputs.find((o) => o.name === meta.primary);
  const rows: Row[] = [[L.dependsOnDate[lang], spec?.label[lang] ?? meta.primary]];
  byDate.forEach((d, i) => {
    rows.push([periodLabel(byDate, i)[lang], d.eligible ? (basicValueOf(outputToCell(d.result[meta.primary], spec, lang)) ?? '') : L.notEligible[lang]]);
  });
  return rows;
}

export function explanationRows(meta: RuleMetadata, evaluation: Evaluation, lang: Lang): Row[] {
  const rows: Row[] = [[L.rule[lang], `${meta.functionName} — ${meta.title[lang]}`]];
  if (!evaluation.ok) {
    if (evaluation.byDate?.length) rows.push(...periodRows(meta, evaluation.byDate, lang));
    rows.push([L.verdict[lang], L.cannotCompute[lang]], [L.error[lang], evaluation.error.code], [L.message[lang], messageIn('excel', evaluation.error)[lang]]);
    if (evaluation.error.field) {
      const input = meta.inputs.find((i) => i.name === evaluation.error.field);
      rows.push([L.field[lang], input && lang === 'zh' ? input.label.zh : evaluation.error.field]);
    }
    rows.push([L.version[lang], evaluation.rulesetVersion]);
    return rows;
  }
  const display = (name: string): string | number | boolean => {
    const spec = meta.outputs.find((o) => o.name === name);
    const value = evaluation.result[name];
    if (spec?.type === 'date' && typeof value === 'string') return value;
    return basicValueOf(outputToCell(value, spec, lang)) ?? '';
  };
  if (evaluation.byDate?.length) rows.push(...periodRows(meta, evaluation.byDate, lang));
  if (!evaluation.eligible) {
    // First the verdict and the conditions in words: a 0 below is not an answer to read on its own.
    rows.push([L.verdict[lang], L.notEligible[lang]]);
    for (const c of evaluation.failedConditions) rows.push([L.condition[lang], c.message[lang]]);
  }
  rows.push([L.value[lang], display(meta.primary)]);
  for (const output of meta.outputs) {
    if (output.name === meta.primary || evaluation.result[output.name] === undefined) continue;
    const unit = output.unit ? `（${output.unit[lang]}）` : '';
    rows.push([`${output.label[lang]}${unit}`, display(output.name)]);
  }
  rows.push(
    [L.clause[lang], `${evaluation.clause.id} ${evaluation.clause.heading[lang]}`],
    [L.clauseText[lang], evaluation.clause.text],
    [L.policy[lang], `${evaluation.policy.id} ${evaluation.policy.title[lang]}`],
    [L.validity[lang], `${evaluation.policy.validFrom} – ${evaluation.policy.validTo}`],
  );
  evaluation.steps.forEach((step, i) => rows.push([`${L.step[lang]} ${i + 1}`, step[lang]]));
  for (const item of evaluation.interpretations) rows.push([`${L.interpretation[lang]} ${item.id}`, item.reading[lang]]);
  for (const warning of evaluation.warnings) rows.push([L.warning[lang], warning[lang]]);
  for (const hint of evaluation.hints) rows.push([L.hint[lang], hint[lang]]);
  for (const source of evaluation.sources) rows.push([L.source[lang], source]);
  rows.push([L.version[lang], evaluation.rulesetVersion]);
  return rows;
}
