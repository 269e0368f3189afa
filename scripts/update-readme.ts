// `npm run docs`: rewrites the README's generated tables and docs/rules/<id>.md from the registry.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fillReadme } from './readme-tables.ts';
import { ruleDocs } from './rule-docs.ts';

const root = new URL('../', import.meta.url);
const path = new URL('README.md', root);
writeFileSync(path, fillReadme(readFileSync(path, 'utf8')));
console.log('README tables updated');

const pages = await ruleDocs();
mkdirSync(new URL('docs/rules/', root), { recursive: true });
for (const file of readdirSync(new URL('docs/rules/', root))) if (!pages.has(`docs/rules/${file}`)) rmSync(new URL(`docs/rules/${file}`, root));
for (const [file, text] of pages) writeFileSync(new URL(file, root), text);
console.log(`docs/rules: ${pages.size} pages`);
