import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { blocksIn, fillBlocks, generatedBlocks, generatedDocs } from '../../scripts/doc-tables.ts';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

it.each(generatedDocs)('%s: its rule, interpretation and function tables match the registry (run `npm run docs`)', (file) => {
  const text = read(file);
  expect(blocksIn(text).length, `${file} holds no generated block`).toBeGreaterThan(0);
  expect(fillBlocks(text)).toBe(text);
});

it('every generated block is in exactly one docs file, and none is left in the README', () => {
  const holders = Object.keys(generatedBlocks).map((name) => [name, generatedDocs.filter((file) => blocksIn(read(file)).includes(name))]);
  expect(Object.fromEntries(holders)).toEqual(Object.fromEntries(Object.keys(generatedBlocks).map((name) => [name, [expect.any(String)]])));
  expect(blocksIn(read('README.md'))).toEqual([]);
});
