/**
 * Proves "Adding a plan" (docs/developers/adding-a-plan.md): on a copy of this repository (the working tree,
 * under git of its own, node_modules linked), it adds the made-up successor of the test fixtures as one new
 * folder under rules/plans/ and nothing else, runs an entry point (`npm run typecheck`, which writes the
 * served plans' list and type-checks the copy), and shows that the copy's rules serve the successor on its
 * dates, with its numbers, and that git sees the new folder as the only change.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildParameters, evaluate, servedPlans } from '../../rules/index.ts';
import { copyWorkingTree, root, run } from '../support/tree-copy.ts';
import madeUpSuccessor from './fixtures/successor-plan/plan.ts';

const recipe = readFileSync(join(root, 'docs', 'developers', 'adding-a-plan.md'), 'utf8');
const folder = 'made-up-successor';
const fixture = join(root, 'test', 'rules', 'fixtures', 'successor-plan');
const reward = { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 };

/** What the copy's served rules answer: its plans, and the over-quota reward on a date in each plan's window. */
const probe = `
import { evaluate, listPlans } from './rules/index.ts';
const reward = ${JSON.stringify(reward)};
console.log(JSON.stringify({
  plans: listPlans().map((p) => p.id),
  successor: evaluate('overquota-reward', { ...reward, date: '2025-08-01' }),
  earlier: evaluate('overquota-reward', { ...reward, date: '2024-06-30' }),
}));
`;

it('names the one step it follows', () => {
  for (const words of ['rules/plans/<id>/', 'export default', 'scripts/plan-index.mjs']) expect(recipe, words).toContain(words);
});

it('one new folder under rules/plans/ is served, and is the only change git sees', { timeout: 900_000 }, () => {
  const copy = copyWorkingTree('plan-folder-');
  try {
    const git = (...args: string[]) => run(copy, 'git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args]);
    expect(git('init', '-q').status).toBe(0);
    writeFileSync(join(copy, '.git', 'info', 'exclude'), '/node_modules\n'); // the link to this tree's node_modules
    expect(git('add', '-A').status).toBe(0);
    expect(git('commit', '-q', '-m', 'the tree as it is').status).toBe(0);
    expect(existsSync(join(copy, 'rules', 'plans', 'served.generated.ts'))).toBe(false);

    // The one step: the plan's folder (the fixture's files, their imports reaching rules/ from where they now are).
    mkdirSync(join(copy, 'rules', 'plans', folder));
    for (const file of readdirSync(fixture)) {
      const source = readFileSync(join(fixture, file), 'utf8').replaceAll(`'../../../../rules/`, `'../../`);
      writeFileSync(join(copy, 'rules', 'plans', folder, file), source);
    }

    const typecheck = run(copy, 'npm', ['run', 'typecheck']);
    expect(typecheck.status, typecheck.output).toBe(0);

    const served = run(copy, 'node', ['--input-type=module', '--eval', probe]);
    expect(served.status, served.output).toBe(0);
    const answers = JSON.parse(served.stdout);
    expect(answers.plans).toEqual(['包府办发〔2023〕43号', madeUpSuccessor.id]);
    // The same answers as this tree gives when handed the successor explicitly.
    const withSuccessor = buildParameters([...servedPlans, madeUpSuccessor]);
    const expected = (date: string) => JSON.parse(JSON.stringify(evaluate('overquota-reward', { ...reward, date }, { parameters: withSuccessor })));
    expect(answers.successor).toEqual(expected('2025-08-01'));
    expect(answers.successor.policy.id).toBe(madeUpSuccessor.id);
    expect(answers.successor.steps.map((s: { en: string }) => s.en).join('\n')).toContain(
      `× ${madeUpSuccessor.values.overquotaReward!.minimumWageMultiplier![0]} ×`,
    );
    expect(answers.earlier).toEqual(expected('2024-06-30'));
    expect(answers.earlier.policy.id).toBe('包府办发〔2023〕43号');

    const status = git('status', '--porcelain');
    expect(status.status).toBe(0);
    expect(status.stdout.trim().split('\n')).toEqual([`?? rules/plans/${folder}/`]);
    expect(git('status', '--porcelain', '--ignored').stdout).toContain('!! rules/plans/served.generated.ts');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
