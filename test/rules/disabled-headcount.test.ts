/** What disabled-headcount's table of cases cannot say: a certificate number is never echoed, in an answer or a refusal. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { fakeCert } from './fake-cert.ts';
import { expectError, expectOk } from './helpers.ts';

const rule = 'disabled-headcount';
const ok = { paidAtLeastMinWage: true, socialInsurance: true, contractMonths: 12 };

describe('disabled-headcount (helper for m3.2)', () => {
  it('takes category and grade from the certificate number and never echoes it', () => {
    const cert = fakeCert({ category: 6, grade: 4, sequence: '123' });
    const r = expectOk(evaluate(rule, { rows: [{ certNumber: cert, onEstablishment: true, paidAtLeastMinWage: true, socialInsurance: true }] }));
    expect(r.result.disabledCounted).toBe('2');
    const everything = JSON.stringify(r);
    expect(everything).not.toContain(cert);
    expect(everything).not.toContain(cert.slice(0, 18));
  });

  it('refuses a malformed certificate number without echoing it', () => {
    const error = expectError(evaluate(rule, { rows: [{ certNumber: fakeCert().slice(0, 17) + 'Y00', ...ok }] }), 'invalid-certificate', 'rows[0].certNumber');
    expect(error.message.en).not.toContain(fakeCert().slice(0, 17));
  });
});
