/**
 * The rules package holds no state: parameters are built once by a pure function and frozen, importing
 * the package changes nothing, and no module keeps a variable or a cache that later calls change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

const root = new URL('../../rules/', import.meta.url).pathname;

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill']);
/**
 * Collections whose changes are state. A WeakMap memo (a value derived from a definition object, kept
 * beside it) is not: it holds nothing its key does not determine, and cannot be listed or cleared.
 */
const COLLECTIONS = new Set(['Map', 'Set']);

/** Module-level state in one file: `let`/`var` at the top, and top-level collections or arrays that a function changes. */
function moduleState(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const collections = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      const name = d.name.getText(source);
      if (!isConst) found.push(`${name}: module-level let/var`);
      const init = d.initializer;
      if (init && ((ts.isNewExpression(init) && COLLECTIONS.has(init.expression.getText(source))) || ts.isArrayLiteralExpression(init))) collections.add(name);
    }
  }
  const visit = (node: ts.Node, inFunction: boolean): void => {
    const fn = inFunction || ts.isFunctionLike(node);
    if (fn && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const target = node.expression.expression.getText(source);
      if (collections.has(target) && MUTATORS.has(node.expression.name.text)) found.push(`${target}.${node.expression.name.text}(…) inside a function`);
    }
    ts.forEachChild(node, (child) => visit(child, fn));
  };
  visit(source, false);
  return found;
}

describe('no module-level mutable state in rules/', () => {
  const files = sources(root);

  it('finds the files it scans', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('has no module-level let/var, nor a module-level Map, Set or array that a function changes (a cache or a registry)', () => {
    const offences = files.flatMap((file) => moduleState(file).map((o) => `${relative(root, file)}: ${o}`));
    expect(offences).toEqual([]);
  });

  it('the scan sees what it forbids', () => {
    const probe = join(import.meta.dirname, 'fixtures', 'module-state-probe.ts.txt');
    expect(moduleState(probe)).toEqual(['version: module-level let/var', 'seen.push(…) inside a function', 'cache.set(…) inside a function']);
  });
});

describe('importing the rules package', () => {
  it('changes nothing: a fresh import in isolation, twice, gives equal frozen parameters and plans', async () => {
    vi.resetModules();
    const first = await import('../../rules/index.ts');
    const snapshot = JSON.stringify([first.servedParameters, first.listRules()]);
    vi.resetModules();
    const second = await import('../../rules/index.ts');
    expect(second).not.toBe(first);
    expect(JSON.stringify([second.servedParameters, second.listRules()])).toBe(snapshot);
    // Evaluating with another parameter set leaves the served one as it was.
    const { buildParameters, servedPlans, evaluate, servedParameters } = second;
    const other = buildParameters(servedPlans);
    expect(other).not.toBe(servedParameters);
    evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' }, { parameters: other });
    expect(JSON.stringify([servedParameters, second.listRules()])).toBe(snapshot);
  });

  it('gives frozen parameters, histories and plans', async () => {
    const { servedParameters } = await import('../../rules/index.ts');
    expect(Object.isFrozen(servedParameters)).toBe(true);
    expect(Object.isFrozen(servedParameters.plans)).toBe(true);
    for (const p of servedParameters.parameters) {
      expect(Object.isFrozen(p), p.id).toBe(true);
      expect(Object.isFrozen(p.history), p.id).toBe(true);
      for (const h of p.history) expect(Object.isFrozen(h) && Object.isFrozen(h.source), p.id).toBe(true);
    }
    for (const plan of servedParameters.plans) expect(Object.isFrozen(plan.values) && Object.isFrozen(plan.clauses), plan.id).toBe(true);
    expect(() => (servedParameters.parameters[0].history as unknown[]).push({})).toThrow();
  });
});
