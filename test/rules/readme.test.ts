import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { fillReadme } from '../../scripts/readme-tables.ts';

it('the README’s rule, interpretation and function tables match the registry (run `npm run docs`)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  expect(fillReadme(readme)).toBe(readme);
});
