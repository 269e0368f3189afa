/**
 * The README's generated tables, made from the registry so they cannot drift: `npm run docs` writes
 * them between their markers and a test fails when the README differs.
 */
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

/** Marker name → generator. Other parts (the add-in's function table) add theirs here. */
export const generatedBlocks: Record<string, () => string> = {
  rules: rulesTable,
  interpretations: interpretationsTable,
};

/** Replaces every `<!-- name:start -->…<!-- name:end -->` block with its generated content. */
export function fillReadme(readme: string): string {
  let out = readme;
  for (const [name, generate] of Object.entries(generatedBlocks)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} block`);
    out = `${out.slice(0, from + start.length)}\n${generate()}\n${out.slice(to)}`;
  }
  return out;
}
