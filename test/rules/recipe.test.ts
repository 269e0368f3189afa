/**
 * Proves the "Adding a rule" recipe (docs/developers/adding-a-rule.md): on a copy of this repository (the working tree, with
 * node_modules linked), it follows the recipe's steps literally with a probe rule, then runs the rules
 * tests and the type check in the copy. If the recipe misses a step (a catalogue row, a hard-coded count,
 * a table of cases …), this fails. The Worker, add-in and page tests are not run in the copy: they derive
 * from the registry, which the rules tests and the type check cover.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copyWorkingTree, root, run } from '../support/tree-copy.ts';
const recipe = readFileSync(join(root, 'docs', 'developers', 'adding-a-rule.md'), 'utf8');

const id = 'probe-stall-gap';

/** Step 2: the rule module, as the recipe describes it. */
const ruleModule = `/**
 * Rule \`${id}\`, clause m4: a probe for the recipe (stalls not yet reserved).
 */
import { fail } from '../../core/errors.ts';
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';

export const probeStallGap = defineRule({
  id: '${id}',
  clause: clauses.m4,
  kind: 'clause',
  title: text('探针：未预留摊位数', 'Probe: stalls not reserved'),
  description: text('摊位总数减去已预留摊位数', 'Total stalls less those reserved'),
  inputs: [
    { name: 'totalStalls', type: 'integer', required: true, min: 1, label: text('摊位总数', 'Total stalls'), description: text('摊位总数', 'Total stalls'), example: 20 },
    { name: 'reservedStalls', type: 'integer', required: true, min: 0, label: text('已预留摊位数', 'Reserved stalls'), description: text('已预留摊位数', 'Reserved stalls'), example: 2 },
  ],
  outputs: [{ name: 'gap', type: 'integer', label: text('未预留摊位数', 'Stalls not reserved') }],
  primary: 'gap',
  compute(input, ctx) {
    if (input.reservedStalls > input.totalStalls) {
      fail('inconsistent-input', '已预留摊位数多于摊位总数', 'more stalls reserved than there are', 'reservedStalls');
    }
    const gap = input.totalStalls - input.reservedStalls;
    ctx.step(() => [\`\${input.totalStalls} − \${input.reservedStalls} = \${gap}\`, \`\${input.totalStalls} − \${input.reservedStalls} = \${gap}\`]);
    return { gap };
  },
});
`;

/** Step 5: its table of cases, beside it. */
const casesModule = `import { inForce as date, type RuleCases } from '../../core/cases.ts';

export default {
  rule: '${id}',
  cases: [
    { name: '20 stalls, 2 reserved: 18', input: { totalStalls: 20, reservedStalls: 2, date }, output: { gap: 18 }, steps: ['20 − 2 = 18'], warnings: [] },
    { name: 'all reserved: 0', input: { totalStalls: 5, reservedStalls: 5, date }, output: { gap: 0 } },
    { name: 'more reserved than there are', input: { totalStalls: 5, reservedStalls: 6, date }, error: { code: 'inconsistent-input', field: 'reservedStalls' } },
    { name: 'a missing input is refused', input: { totalStalls: 20 }, error: { code: 'missing-input', field: 'reservedStalls' } },
  ],
} satisfies RuleCases;
`;

/** Step 6: a property the table cannot say. */
const testModule = `import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectOk } from './helpers.ts';

describe('${id} (m4)', () => {
  it('never answers more stalls than there are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (total, reserved) => {
        fc.pre(reserved <= total);
        const r = expectOk(evaluate('${id}', { totalStalls: total, reservedStalls: reserved, date: '2024-06-30' }));
        expect(r.result.gap).toBeLessThanOrEqual(total);
      }),
    );
  });
});
`;

it('names every step it follows', () => {
  for (const words of [
    'rules/parameters/',
    'rules/clauses/<id>/rule.ts',
    'ctx.step(() => [zh, en])',
    'rules/registry.ts',
    'spec/RULES.md',
    'rules/clauses/<id>/cases.ts',
    'test/rules/<id>.test.ts',
    'npm run docs',
  ]) {
    expect(recipe, words).toContain(words);
  }
});

it('followed literally on a copy with a probe rule, the rules tests and the type check pass', { timeout: 900_000 }, () => {
  const copy = copyWorkingTree('recipe-');
  try {
    // the copy must not run this test again, nor the other test that copies the tree
    rmSync(join(copy, 'test', 'rules', 'recipe.test.ts'));
    rmSync(join(copy, 'test', 'rules', 'plan-folder.test.ts'));
    const write = (path: string, text: string) => writeFileSync(join(copy, path), text);

    // 1. Numbers: the probe needs none.
    // 2. The rule.
    mkdirSync(join(copy, 'rules', 'clauses', id));
    write(`rules/clauses/${id}/rule.ts`, ruleModule);
    // 3. Register it: one import and one entry.
    const registryPath = join(copy, 'rules', 'registry.ts');
    let registry = readFileSync(registryPath, 'utf8');
    const lastImport = registry.lastIndexOf('\nimport ');
    const afterImports = registry.indexOf('\n', lastImport + 1) + 1;
    registry = `${registry.slice(0, afterImports)}import { probeStallGap } from './clauses/${id}/rule.ts';\n${registry.slice(afterImports)}`;
    registry = registry.replace(/\n\];\n/, '\n  probeStallGap,\n];\n');
    writeFileSync(registryPath, registry);
    // 4. Catalogue it: the registry's list ends with the helpers, so its row ends the helpers table.
    const cataloguePath = join(copy, 'spec', 'RULES.md');
    const catalogue = readFileSync(cataloguePath, 'utf8');
    const tableEnd = catalogue.lastIndexOf('\n\n', catalogue.indexOf('## Interpretations'));
    writeFileSync(
      cataloguePath,
      `${catalogue.slice(0, tableEnd)}\n| \`${id}\` | probe for the recipe (clause m4) | \`totalStalls\`, \`reservedStalls\` | \`gap\` |${catalogue.slice(tableEnd)}`,
    );
    // 5. Its table of cases.  6. What a table cannot say (a property).
    write(`rules/clauses/${id}/cases.ts`, casesModule);
    write(`test/rules/${id}.test.ts`, testModule);
    // 7. npm run docs.
    const docs = run(copy, 'npm', ['run', 'docs']);
    expect(docs.status, docs.output).toBe(0);
    expect(readFileSync(join(copy, 'docs', 'developers', 'rules.md'), 'utf8')).toContain(`\`${id}\``);
    expect(readFileSync(join(copy, 'docs', 'rules', `${id}.md`), 'utf8')).toContain(id);

    const types = run(copy, 'tsc', ['--noEmit', '-p', 'tsconfig.json']);
    expect(types.status, types.output).toBe(0);
    const tests = run(copy, 'vitest', ['run', '--project', 'rules']);
    expect(tests.status, tests.output).toBe(0);
    expect(tests.output).toContain(`${id}.test.ts`);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
