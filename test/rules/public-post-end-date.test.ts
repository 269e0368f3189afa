/** What public-post-end-date's table of cases cannot say: the basis of the reading it relies on for a period's last day, as data. */
import { describe, expect, it } from 'vitest';
import { listInterpretations } from '../../rules/index.ts';

describe('public-post-end-date (m1.2)', () => {
  it('counts a period’s last day as 民法典 第二百零二条 says (interpretation period-end, relied on in its table of cases)', () => {
    const reading = listInterpretations().find((i) => i.id === 'period-end');
    expect(reading?.basis?.zh).toContain('第二百零二条');
  });
});
