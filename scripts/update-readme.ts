// `npm run docs`: rewrites the README's generated tables from the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { fillReadme } from './readme-tables.ts';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, fillReadme(readFileSync(path, 'utf8')));
console.log('README tables updated');
