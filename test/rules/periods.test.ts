import { describe, expect, it } from 'vitest';
import { periodLastDay, withinPeriod } from '../../rules/core/dates.ts';
import { listInterpretations } from '../../rules/index.ts';

/** 《民法典》第二百零一条、第二百零二条: one helper counts every period of months or years. */
describe('periodLastDay (民法典 第二百零二条)', () => {
  it('ends on the day before the corresponding day when the first day has one', () => {
    expect(periodLastDay('2024-03-01', 36)).toBe('2027-02-28');
    expect(periodLastDay('2024-01-01', 36)).toBe('2026-12-31');
    expect(periodLastDay('2023-11-15', 12)).toBe('2024-11-14');
  });

  it('a period from 29 February ends on the month’s last day, not the 27th', () => {
    expect(periodLastDay('2024-02-29', 36)).toBe('2027-02-28');
    expect(periodLastDay('2024-02-29', 48)).toBe('2028-02-28');
    expect(periodLastDay('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('a month from the 31st ends on the 30th of the next month, or on its last day', () => {
    expect(periodLastDay('2024-03-31', 1)).toBe('2024-04-30');
    expect(periodLastDay('2024-01-31', 1)).toBe('2024-02-29');
    expect(periodLastDay('2023-01-31', 1)).toBe('2023-02-28');
    expect(periodLastDay('2024-03-01', 1)).toBe('2024-03-31');
  });

  it('withinPeriod includes both ends and nothing outside', () => {
    expect(withinPeriod('2024-02-29', 12, '2024-02-29')).toBe(true);
    expect(withinPeriod('2024-02-29', 12, '2025-02-28')).toBe(true);
    expect(withinPeriod('2024-02-29', 12, '2025-03-01')).toBe(false);
    expect(withinPeriod('2024-02-29', 12, '2024-02-28')).toBe(false);
  });

  it('is recorded as an interpretation with its legal basis', () => {
    const i = listInterpretations().find((x) => x.id === 'period-end');
    expect(i?.basis?.zh).toContain('民法典');
    expect(i?.basis?.zh).toContain('第二百零二条');
  });
});
