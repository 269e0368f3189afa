/**
 * The table readers' lists start in the kind of elements V8 gives them once written (tables/object-list.ts for lists of
 * typed arrays; the shared strings' recent texts made full), so code optimised for them is not deoptimised at each new
 * list's first write. Asked of V8 itself, in a child Node with its natives syntax (`%HasObjectElements`), against a
 * plain `[]`, which starts with small integers' kind.
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

  it('a new shared-strings table’s recent texts are of that kind from the start', () => {
    const module = fileURLToPath(new URL('../../rules/tables/shared-strings.ts', import.meta.url));
    const limits = fileURLToPath(new URL('../../rules/tables/workbook-limits.ts', import.meta.url));
    const script = `const { SharedStrings } = await import(${JSON.stringify(module)});
const { DEFAULT_WORKBOOK_LIMITS } = await import(${JSON.stringify(limits)});
const table = new SharedStrings(DEFAULT_WORKBOOK_LIMITS);
console.log(JSON.stringify([%HasObjectElements(table.recentText), %HasSmiElements(table.recentText)]));`;
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([true, false]);
  });
});
