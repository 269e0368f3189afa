/** The made-up certificate numbers of the tests (cert-info's own cases are its table, rules/helpers/cert-info/cases.ts). */
import { describe, expect, it } from 'vitest';
import { checkCharacter, fakeCert, sequenceEndingInX } from './fake-cert.ts';

describe('test helper fake-cert', () => {
  it("computes the check character of GB 11643's own example 11010519491231002X", () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
  });

  it('makes the numbers cert-info’s table of cases writes out: 15020219650115001X42 and one whose ID ends in X', () => {
    expect(fakeCert()).toBe('15020219650115001X42');
    expect(fakeCert({ sequence: sequenceEndingInX() })[17]).toBe('X');
  });
});
