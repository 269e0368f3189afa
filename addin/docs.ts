/**
 * The table of every Excel function with its arguments in docs/clerks/excel-and-wps.md (written by
 * `npm run docs`, checked by test/rules/doc-tables.test.ts) and the add-in's help page, generated from the registry so they never drift.
 */
import { listRules, type RuleMetadata } from '../rules/index.ts';
import { functionsMetadata } from './metadata/generate.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function argumentList(meta: RuleMetadata): string {
  const fn = functionsMetadata('en', [meta]).functions[0];
  return fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
}

export function functionsTable(rules: readonly RuleMetadata[] = listRules()): string {
  const lines = ['| Excel function | 中文名 | clause | arguments (in order; [optional]) | returns |', '|---|---|---|---|---|'];
  const zh = functionsMetadata('zh', rules).functions;
  rules.forEach((meta, i) => {
    const primary = meta.outputs.find((o) => o.name === meta.primary);
    const returns = primary ? `${primary.name} (${primary.type}) — ${primary.label.zh} / ${primary.label.en}` : meta.primary;
    lines.push(`| \`=BT.${meta.functionName}(…)\` | ${cell(zh[i].name)} | ${meta.clause.id} | ${cell(argumentList(meta))} | ${cell(returns)} |`);
  });
  lines.push(
    '| `=BT.EXPLAIN("RULE", …)` | 计算说明 | – | rule, then the same arguments as that rule\'s function | a spilled 2-column table: value, outputs, clause and its text, validity, steps, interpretations, warnings, hints |',
  );
  return lines.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The help page the manifest's SupportUrl points at. */
export function helpPage(rules: readonly RuleMetadata[] = listRules()): string {
  const rows = rules
    .map((meta) => {
      const args = meta.inputs
        .map(
          (i) =>
            `<li><code>${esc(i.name)}</code> ${esc(i.label.zh)} / ${esc(i.label.en)}${i.required ? '' : ' <em>(可选 optional)</em>'}: ${esc(i.description.zh)}</li>`,
        )
        .join('');
      return `<section><h2><code>=BT.${esc(meta.functionName)}</code> ${esc(meta.title.zh)}</h2><p>${esc(meta.title.en)} · clause ${esc(meta.clause.id)}</p><ol>${args}</ol></section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>BT.* 函数说明 · Function reference</title><link rel="stylesheet" href="taskpane.css"></head><body><main><h1>BT.* 函数说明 · Function reference</h1><p><code>=BT.EXPLAIN("OVERQUOTA_REWARD", …)</code> 列出计算说明 / spills the explanation.</p>${rows}</main></body></html>\n`;
}
