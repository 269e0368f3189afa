/**
 * tables/object-list.ts: the table readers' lists of typed arrays start in V8's kind of elements for objects, so code
 * optimised for them is not deoptimised at each new list's first push. Asked of V8 itself, in a child Node with its
 * natives syntax (`%HasObjectElements`), against a plain `[]`, which starts with small integers' kind.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { objectList } from '../../rules/tables/object-list.ts';

describe('objectList', () => {
  it('is an empty list that takes what is pushed', () => {
    const list = objectList<Uint8Array>();
    expect(list).toEqual([]);
    list.push(new Uint8Array(2));
    expect(list).toEqual([new Uint8Array(2)]);
  });

  it('holds objects’ kind of elements from the start, where [] holds small integers’', () => {
    const module = fileURLToPath(new URL('../../rules/tables/object-list.ts', import.meta.url));
    const script = `const { objectList } = await import(${JSON.stringify(module)});
const made = objectList();
console.log(JSON.stringify([%HasObjectElements(made), %HasSmiElements(made), %HasSmiElements([]), made.length]));`;
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([true, false, true, 0]);
  });
});
