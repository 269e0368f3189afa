// `npm run docs`: rewrites the generated tables in docs/ and docs/rules/<id>.md from the registry.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fillBlocks, generatedDocs } from './doc-tables.ts';
import { ruleDocs } from './rule-docs.ts';

const root = new URL('../', import.meta.url);
for (const file of generatedDocs) {
  const path = new URL(file, root);
  writeFileSync(path, fillBlocks(readFileSync(path, 'utf8')));
}
console.log(`generated tables updated: ${generatedDocs.join(', ')}`);

const pages = await ruleDocs();
mkdirSync(new URL('docs/rules/', root), { recursive: true });
for (const file of readdirSync(new URL('docs/rules/', root))) if (!pages.has(`docs/rules/${file}`)) rmSync(new URL(`docs/rules/${file}`, root));
for (const [file, text] of pages) writeFileSync(new URL(file, root), text);
console.log(`docs/rules: ${pages.size} pages`);
