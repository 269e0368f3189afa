/** The made-up certificate numbers of the tests (cert-info's own cases are its table, rules/helpers/cert-info/cases.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCharacter, fakeArea, fakeCert, sequenceEndingInX } from './fake-cert.ts';

const root = new URL('../../', import.meta.url);
/** The project's own files, where a made-up number could be written (not dependencies, builds or local data). */
const folders = ['rules', 'test', 'page', 'addin', 'worker', 'scripts', 'docs', 'spec', 'selfhost'];
const textFile = /\.(ts|mts|js|mjs|json|html|css|md|txt|xml|toml|csv|fods|sql|ya?ml|sh)$/;
/** The published example of GB 11643 itself, which names no one but the standard. */
const standardExample = '11010519491231002';
/** Shaped like an identity number: area, a birth date of the 19th to 21st century, sequence, check character. */
const identityShaped = /\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]/g;

describe('test helper fake-cert', () => {
  it("computes the check character of GB 11643's own example 11010519491231002X", () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
  });

  it('makes the numbers cert-info’s table of cases writes out: 15029619650115001X42 and one whose ID ends in X', () => {
    expect(fakeCert()).toBe('15029619650115001X42');
    expect(fakeCert({ sequence: sequenceEndingInX() })[17]).toBe('X');
  });

  it('every identity-shaped number written in the project has the unassigned area code (or is the standard’s example)', () => {
    const found: string[] = [];
    for (const folder of folders) {
      for (const name of readdirSync(new URL(folder, root), { recursive: true, encoding: 'utf8' })) {
        if (!textFile.test(name) || name.split('/').includes('node_modules')) continue;
        const text = readFileSync(new URL(`${folder}/${name}`, root), 'utf8');
        for (const [number] of text.matchAll(identityShaped)) found.push(`${folder}/${name}: ${number}`);
      }
    }
    expect(found.length).toBeGreaterThan(0);
    const other = found.filter((f) => {
      const number = f.slice(f.lastIndexOf(' ') + 1);
      return !number.startsWith(fakeArea) && !number.startsWith(standardExample);
    });
    expect(other).toEqual([]);
  });
});
