/**
 * The README's generated tables, made from the registry so they cannot drift: `npm run docs` writes
 * them between their markers and a test fails when the README differs.
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
  return ['| rule id | clause | what | inputs (`?` optional; every rule also takes `date`, `applyOutsideValidity`) | cell value |', '|---|---|---|---|---|', ...rows].join('\n');
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

/** Replaces one `<!-- name:start -->…<!-- name:end -->` block with `content`. */
export function replaceBlock(readme: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} block`);
  return `${readme.slice(0, from + start.length)}\n${content}\n${readme.slice(to)}`;
}

/** Replaces every `<!-- name:start -->…<!-- name:end -->` block with its generated content. */
export function fillReadme(readme: string): string {
  let out = readme;
  for (const [name, generate] of Object.entries(generatedBlocks)) out = replaceBlock(out, name, generate());
  return out;
}
