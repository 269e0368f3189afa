/**
 * The generated tables of the docs (rules, interpretations, functions), made from the registry so they
 * cannot drift: `npm run docs` writes them between their markers in the files of `generatedDocs`, and a
 * test fails when a file differs.
 */
import { functionsTable } from '../addin/docs.ts';
import { listInterpretations, listRules } from '../rules/index.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function rulesTable(): string {
  const rows = listRules().map((r) => {
    const inputs = r.inputs
      .filter((i) => i.name !== 'date' && i.name !== 'applyOutsideValidity')
      .map((i) => (i.required ? `\`${i.name}\`` : `\`${i.name}\`?`))
      .join(', ');
    return `| \`${r.id}\` | ${r.kind === 'helper' ? `helper (${r.clause.id})` : r.clause.id} | ${cell(r.title.zh)} — ${cell(r.title.en)} | ${inputs} | \`${r.primary}\` |`;
  });
  return [
    '| rule id | clause | what | inputs (`?` optional; every rule also takes `date`, `applyOutsideValidity`) | cell value |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function interpretationsTable(): string {
  const rows = listInterpretations().map((i) => `| \`${i.id}\` | ${cell(i.quote)} | ${cell(i.reading.en)} | ${cell(i.alternative.en)} | ${i.chosenIn} |`);
  return ['| id | text | reading used | alternative | chosen in |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** Marker name → generator. */
export const generatedBlocks: Record<string, () => string> = {
  rules: rulesTable,
  interpretations: interpretationsTable,
  functions: () => functionsTable(),
};

/** The docs files that hold generated blocks, from the repository's root. */
export const generatedDocs = ['docs/developers/rules.md', 'docs/clerks/excel-and-wps.md'];

const blockStart = (name: string) => `<!-- ${name}:start -->`;
const blockEnd = (name: string) => `<!-- ${name}:end -->`;

/** Replaces one `<!-- name:start -->…<!-- name:end -->` block with `content`. */
export function replaceBlock(text: string, name: string, content: string): string {
  const from = text.indexOf(blockStart(name));
  const to = text.indexOf(blockEnd(name));
  if (from < 0 || to < from) throw new Error(`no ${blockStart(name)} … ${blockEnd(name)} block`);
  return `${text.slice(0, from + blockStart(name).length)}\n${content}\n${text.slice(to)}`;
}

/** The names of the generated blocks a text holds. */
export const blocksIn = (text: string) => Object.keys(generatedBlocks).filter((name) => text.includes(blockStart(name)));

/** Replaces every generated block the text holds with its generated content. */
export function fillBlocks(text: string): string {
  let out = text;
  for (const name of blocksIn(text)) out = replaceBlock(out, name, generatedBlocks[name]());
  return out;
}
