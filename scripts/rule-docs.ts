/**
 * `docs/rules/<id>.md`, one page per rule, made from the registry so there is no second copy to drift:
 * the clause in the plan's words, the inputs and outputs, the parameters the rule reads (found by running
 * its table of cases against a parameter set that notes each lookup) with their sources and dates, the
 * interpretations its cases rely on, and the table of cases itself. `npm run docs` writes them; a test
 * fails when the committed pages differ.
 */
import type { RuleCases, Said } from '../rules/core/cases.ts';
import { valueMembers } from '../rules/parameters/labels.ts';
import type { Unit, Value } from '../rules/parameters/types.ts';
import { evaluate, interpretations, listRules, servedParameters, type InterpretationId, type ParameterSet, type RuleMetadata } from '../rules/index.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const json = (v: unknown) => `\`${cell(JSON.stringify(v))}\``;

export const folderOf = (rule: { id: string; kind: string }) => `rules/${rule.kind === 'helper' ? 'helpers' : 'clauses'}/${rule.id}`;

async function casesOf(rule: RuleMetadata): Promise<RuleCases> {
  return ((await import(new URL(`../${folderOf(rule)}/cases.ts`, import.meta.url).href)) as { default: RuleCases }).default;
}

/** Runs every case of the table against a set that notes the parameters looked up, and the interpretations relied on. */
function traced(table: RuleCases): { parameters: string[]; relied: InterpretationId[] } {
  const seen = new Set<string>();
  const byId = new Proxy(servedParameters.byId, {
    get(target, id) {
      if (typeof id === 'string' && id in target) seen.add(id);
      return Reflect.get(target, id);
    },
  });
  const parameters: ParameterSet = { ...servedParameters, byId };
  const relied = new Set<InterpretationId>();
  for (const c of table.cases) {
    const r = evaluate(table.rule, c.input, { parameters });
    if (r.ok) for (const i of r.interpretations) relied.add(i.id as InterpretationId);
  }
  const order = servedParameters.parameters.map((p) => p.id);
  return { parameters: [...seen].sort((a, b) => order.indexOf(a) - order.indexOf(b)), relied: [...relied].sort() };
}

/** A history entry's value: lapsed, an empty list, or each member (districts and categories by name, not id). */
const valueText = (unit: Unit, v: Value | null) =>
  v === null
    ? '—（不再适用 / lapsed）'
    : Array.isArray(v) && v.length === 0
      ? '（无 / none）'
      : valueMembers(unit, v)
          .map((m) => m.zh)
          .join('、');

function parameterRows(ids: string[]): string[] {
  if (ids.length === 0) return ['（无 / none）'];
  const rows = ['| parameter | what | from | value | source |', '|---|---|---|---|---|'];
  for (const id of ids) {
    const p = servedParameters.byId[id];
    p.history.forEach((h, i) => {
      const source = `${h.source.document}${h.source.clause ? ` ${h.source.clause}` : ''}`;
      const what = i === 0 ? `${cell(p.description.zh)} — ${cell(p.description.en)} (${p.unit})` : '';
      rows.push(
        `| ${i === 0 ? `\`${id}\`` : ''} | ${what} | ${h.from === '0000-01-01' ? '—' : h.from} | ${cell(valueText(p.unit, h.value))} | ${cell(source)} |`,
      );
    });
  }
  return rows;
}

/** Words a case names, as printed: the English in quotes, the Chinese marked zh. */
const said = (s: Said) => (typeof s === 'string' ? `“${cell(s)}”` : `zh “${cell(s.zh)}”${s.en === undefined ? '' : ` / “${cell(s.en)}”`}`);
const codes = (list: readonly string[]) => (list.length ? list.map((f) => `\`${f}\``).join(', ') : 'none');

function caseRows(table: RuleCases): string[] {
  const rows = ['| case | input | expected |', '|---|---|---|'];
  for (const c of table.cases) {
    const texts = (label: string, list: readonly Said[] | undefined) =>
      list === undefined ? [] : list.length === 0 ? [`${label}s: none`] : list.map((s) => `${label} ${said(s)}`);
    const byDate = c.byDate === undefined ? [] : c.byDate.length === 0 ? ['no figures by date'] : c.byDate.map((d) => `${d.from} – ${d.to}: ${json(d.output)}`);
    const expected = c.error
      ? [
          `refused: \`${c.error.code}\`${c.error.field ? ` (${c.error.field})` : ''}`,
          c.error.says === undefined ? '' : `saying ${said(c.error.says)}`,
          ...byDate,
        ]
      : [
          json(c.output),
          c.eligible === undefined ? '' : `eligible: ${c.eligible}`,
          c.failed ? `failed: ${codes(c.failed)}` : '',
          c.interpretations ? `relies on ${codes(c.interpretations)}` : '',
          ...texts('step', c.steps),
          ...texts('warning', c.warnings),
          ...texts('hint', c.hints),
          ...byDate,
          c.clause === undefined ? '' : `clause ${c.clause}`,
          ...(c.sources ?? []).map((s) => `source ${cell(s)}`),
          c.exact?.length ? `exactly (nothing else): ${c.exact.join(', ')}` : '',
        ];
    rows.push(`| ${cell(c.name)} | ${json(c.input)} | ${expected.filter(Boolean).join('<br>')} |`);
  }
  return rows;
}

/** The page of one rule. */
export async function ruleDoc(rule: RuleMetadata): Promise<string> {
  const table = await casesOf(rule);
  const { parameters, relied } = traced(table);
  const io = (
    specs: readonly { name: string; label: { zh: string; en: string }; type: string; required?: boolean; unit?: { zh: string } }[],
    optional = true,
  ) => [
    '| name | label | type |',
    '|---|---|---|',
    ...specs.map(
      (s) =>
        `| \`${s.name}\`${s.required || !optional ? '' : '?'} | ${cell(s.label.zh)} — ${cell(s.label.en)} | ${s.type}${s.unit ? ` (${cell(s.unit.zh)})` : ''} |`,
    ),
  ];
  return [
    `<!-- Generated by \`npm run docs\` from the registry (${folderOf(rule)}/): do not edit. -->`,
    `# ${rule.title.zh} — ${rule.title.en} (\`${rule.id}\`)`,
    '',
    `${rule.kind === 'helper' ? `Helper rule for clause ${rule.clause.id}` : `Clause ${rule.clause.id}`} of ${rule.policy.id}《${rule.policy.title.zh}》 (valid ${rule.policy.validFrom} – ${rule.policy.validTo}). Excel/WPS: \`${rule.functionName}\`; primary output \`${rule.primary}\`.`,
    '',
    `${rule.description.zh}`,
    '',
    `${rule.description.en}`,
    '',
    `## The clause: ${rule.clause.heading.zh}`,
    '',
    `> ${rule.clause.text}`,
    '',
    ...(rule.sources.length ? ['Other sources: ' + rule.sources.join('；'), ''] : []),
    '## Inputs',
    '',
    ...io(rule.inputs),
    '',
    '## Outputs',
    '',
    ...io(rule.outputs, false),
    '',
    '## Parameters read, with their sources and dates',
    '',
    ...parameterRows(parameters),
    '',
    '## Interpretations its cases rely on',
    '',
    ...(relied.length
      ? relied.map((id) => `- \`${id}\` — “${interpretations[id].quote}”: ${interpretations[id].reading.zh} / ${interpretations[id].reading.en}`)
      : ['（无 / none）']),
    '',
    '## Table of cases',
    '',
    ...caseRows(table),
    '',
  ].join('\n');
}

/** Every rule's page, by path from the repository root. */
export async function ruleDocs(): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const rule of listRules()) pages.set(`docs/rules/${rule.id}.md`, await ruleDoc(rule));
  return pages;
}
