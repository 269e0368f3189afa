/**
 * The quick readings of common cells (plain integers, integer lists, ISO dates, choice and yes/no texts, plain
 * certificate numbers) give what the general readings give, and refuse what they refuse, with the same field.
 */
import { describe, expect, it } from 'vitest';
import { coerceObject, toDecimal } from '../../rules/core/coerce.ts';
import { addDays, addMonths, periodLastDay } from '../../rules/core/dates.ts';
import type { InputSpec } from '../../rules/core/schema.ts';
import { parseCertificate } from '../../rules/helpers/cert-info/rule.ts';
import { text } from '../../rules/core/text.ts';

const spec = (s: Partial<InputSpec> & Pick<InputSpec, 'name' | 'type'>): InputSpec => ({ label: text(s.name, s.name), description: text('', ''), ...s });
const specs: InputSpec[] = [
  spec({ name: 'months', type: 'integer-list', min: 0, max: 36 }),
  spec({ name: 'count', type: 'integer', min: 1, max: 5000 }),
  spec({ name: 'day', type: 'date' }),
  spec({ name: 'ok', type: 'boolean' }),
  spec({
    name: 'kind',
    type: 'choice',
    choices: [
      { value: 'agency', label: text('机关', 'Agency'), aliases: ['行政机关'] },
      { value: 'enterprise', label: text('企业', 'Enterprise') },
    ],
  }),
];
const read = (raw: Record<string, unknown>) => {
  try {
    return coerceObject(raw, specs);
  } catch (error) {
    return (error as { body: unknown }).body;
  }
};

describe('quick readings of common cells', () => {
  it('reads an integer list the same however it is separated, and names the first item out of bounds', () => {
    const quick = read({ months: '14,12,7' });
    expect(quick).toEqual({ months: [14, 12, 7] });
    expect(read({ months: '14，12；７' })).toEqual(quick);
    expect(read({ months: ' 14 ; 12,,7 ' })).toEqual(quick);
    expect(read({ months: '-0,+3' })).toEqual({ months: [0, 3] });
    expect(read({ months: '3,37,40' })).toMatchObject({ code: 'out-of-range', field: 'months[1]' });
    expect(read({ months: '3,1.5' })).toMatchObject({ code: 'not-an-integer', field: 'months[1]' });
    expect(read({ months: ',;' })).toMatchObject({ code: 'invalid-list', field: 'months' });
  });

  it('reads plain integers and their bounds as the decimal path does', () => {
    expect(read({ count: '12' })).toEqual({ count: 12 });
    expect(read({ count: '１２' })).toEqual({ count: 12 });
    expect(read({ count: '12.0' })).toEqual({ count: 12 });
    expect(read({ count: '0' })).toMatchObject({ code: 'out-of-range', field: 'count' });
    expect(read({ count: '+5001' })).toMatchObject({ code: 'out-of-range', field: 'count' });
  });

  it('reads dates, yes/no words and choices as written or folded', () => {
    expect(read({ day: '2024-02-29', ok: 'TRUE', kind: 'Agency' })).toEqual({ day: '2024-02-29', ok: true, kind: 'agency' });
    expect(read({ day: ' ２０２４-02-29 ', ok: ' 是 ', kind: '行政机关' })).toEqual({ day: '2024-02-29', ok: true, kind: 'agency' });
    expect(read({ day: '2023-02-29' })).toMatchObject({ code: 'invalid-date', field: 'day' });
    expect(read({ ok: 'maybe' })).toMatchObject({ code: 'invalid-boolean', field: 'ok' });
    expect(read({ kind: 'ENTERPRISE' })).toEqual({ kind: 'enterprise' });
  });

  it('moves dates as the calendar does, across months, years and leap days', () => {
    const reference = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    for (const date of ['2024-03-01', '2024-01-01', '2023-12-31', '1900-03-01', '2200-12-31', '2024-02-29']) {
      for (const days of [-1, 1, -400, 400, -401, 401, 36_500, -36_500]) expect(addDays(date, days), `${date} ${days}`).toBe(reference(date, days));
    }
    expect(addMonths('1964-02-29', 61 * 12)).toBe('2025-02-28');
    expect(periodLastDay('2024-02-29', 36)).toBe('2027-02-28');
    expect(periodLastDay('2024-03-01', 36)).toBe('2027-02-28');
    expect(periodLastDay('2024-01-01', 12)).toBe('2024-12-31');
  });

  it('reads a plain certificate number as it reads a typed one, and counts characters outside the BMP as one', () => {
    const plain = parseCertificate('11010519491231002X42');
    expect(plain.valid).toBe(true);
    expect(parseCertificate(' 11010519491231002x42 ')).toEqual(plain);
    expect(parseCertificate('１１０１０５１９４９１２３１００２Ｘ４２')).toEqual(plain);
    // 20 code units, 19 characters: the emoji is the 14th character and the X the 17th (counted in code units: 14 and 15 only)
    const astral = parseCertificate('1101051949123😀02X42');
    expect(astral.problems.find((p) => p.code === 'invalid-characters')?.message.en).toMatch(/^character 14, 17 is not a digit/);
  });

  it('reads numbers and texts a column repeats as it reads them the first time, however they share its kept readings', () => {
    // more values than the readings kept (so numbers and texts share slots), each read in turn as a number and as texts
    const amounts = [spec({ name: 'amount', type: 'money', min: 0 })];
    const field = { code: 'amount', zh: 'amount' };
    const values: (number | string)[] = [];
    for (let i = 0; i < 400; i++) {
      const cents = (i * 7919) % 100_000;
      values.push(cents / 100, String(cents / 100), (cents / 100).toFixed(2), `${cents / 100} `);
    }
    values.push(0, -0, '0', '-0', 0.1, '0.10', 1e-7, '1e-7');
    for (let round = 0; round < 3; round++) {
      for (const value of values) {
        const fresh = toDecimal(value, field);
        const read = coerceObject({ amount: value }, amounts).amount as typeof fresh;
        expect([read.toFixed(), read.toFixed(2)], `${typeof value} ${String(value)}`).toEqual([fresh.toFixed(), fresh.toFixed(2)]);
      }
    }
    expect(() => coerceObject({ amount: -1 }, amounts)).toThrow();
    expect(() => coerceObject({ amount: '-1' }, amounts)).toThrow();
  });
});
