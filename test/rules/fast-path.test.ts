/**
 * The exact fast path (`amountOf`) must equal `evaluate()`'s primary output wherever it answers,
 * and must defer (undefined) wherever `evaluate()` refuses. Random inputs come from the registry specs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountOf, evaluate, fastRuleIds, fastTable, listRules, type RuleMetadata } from '../../rules/index.ts';
import { validInputsFor } from '../support/arbitraries.ts';

const RUNS = 10_000;
const FAST_TYPES = new Set(['integer', 'decimal', 'money', 'choice', 'boolean']);

const BOOLEAN_TEXT = new Map<unknown, boolean>([['TRUE', true], ['FALSE', false], [1, true], [0, false]]);

/**
 * The same inputs as the fast path's callers hold them: without dates and districts, booleans as
 * booleans, numbers sometimes as JS numbers, and open-ended integers (a year) often near their example.
 */
const fastReadable = (meta: RuleMetadata) =>
  fc.tuple(validInputsFor(meta), fc.boolean(), fc.integer({ min: -12, max: 12 }), fc.integer({ min: 0, max: 3 })).map(([inputs, asNumbers, delta, far]) => {
    const out: Record<string, unknown> = {};
    for (const spec of meta.inputs) {
      if (!(spec.name in inputs) || !FAST_TYPES.has(spec.type)) continue;
      let value = inputs[spec.name];
      if (spec.type === 'boolean' && BOOLEAN_TEXT.has(value)) value = BOOLEAN_TEXT.get(value);
      if (spec.type === 'integer' && spec.max === undefined && typeof spec.example === 'number' && far > 0) value = spec.example + delta;
      out[spec.name] = asNumbers && typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    }
    return out;
  });

/** The same inputs as one row of a table: the names as columns, the values as cells, in that order. */
function asTableRow(id: string, inputs: Record<string, unknown>): string | undefined {
  const columns = Object.keys(inputs);
  const table = fastTable(id, columns);
  return table?.amount(columns.map((c) => inputs[c]));
}

const metas = listRules().filter((m) => fastRuleIds.includes(m.id));

describe('fast path', () => {
  it('covers the rules the benchmarks measure', () => {
    expect(metas.map((m) => m.id).sort()).toEqual(['blind-massage-insurance-subsidy', 'overquota-reward', 'rent-subsidy']);
  });

  it('answers a known case like evaluate()', () => {
    expect(amountOf('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 })).toBe('29700.00');
  });

  it('defers on what it does not read exactly', () => {
    expect(amountOf('no-such-rule', {})).toBeUndefined();
    expect(amountOf('min-wage', { district: '昆都仑区', date: '2024-01-01' })).toBeUndefined();
    expect(amountOf('overquota-reward', { totalStaff: 400, disabledCounted: 9, district: '昆都仑区', date: '2024-01-01' })).toBeUndefined();
    expect(amountOf('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: '1,980' })).toBeUndefined();
    expect(amountOf('overquota-reward', { totalStaff: 400, disabledCounted: 0.1 + 0.2, monthlyMinWage: 1980 })).toBeUndefined();
    expect(amountOf('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, bogus: 1 })).toBeUndefined();
    expect(amountOf('overquota-reward', { totalStaff: 400, disabledCounted: 801, monthlyMinWage: 1980 })).toBeUndefined();
    expect(amountOf('levy-due', { totalStaff: 4e12, disabledCounted: 1, averageWage: 9e8, year: 2024 })).toBeUndefined();
    expect(amountOf('overquota-reward', null)).toBeUndefined();
  });

  it('reads a table by column position: defaults for blank cells, deferring on what it cannot read', () => {
    const table = fastTable('overquota-reward', ['totalStaff', 'disabledCounted', 'monthlyMinWage', 'unitKind'])!;
    expect(table.amount([400, 9, 1980, 'enterprise'])).toBe('29700.00');
    expect(table.cents([400, 9, 1980, 'enterprise'])).toBe(2_970_000);
    expect(table.amount(['400', '9.0', '1980.00', ''])).toBe('29700.00'); // blank unitKind: its default
    expect(table.amount([400, 9, 1980, 'fiscal-funded'])).toBe('0.00');
    expect(table.amount(['', 9, 1980, 'enterprise'])).toBeUndefined(); // totalStaff is required
    expect(table.amount([0, 9, 1980, 'enterprise'])).toBeUndefined(); // below its minimum
    expect(table.amount([400, 9, 0, 'enterprise'])).toBeUndefined(); // the wage must be above 0
    expect(table.amount([400.5, 9, 1980, 'enterprise'])).toBeUndefined(); // not a whole number of staff
    expect(table.amount([400, 9, 1980, '企业'])).toBeUndefined(); // an alias: evaluate() reads it
    expect(table.amount([400, 9, 1980, 'enterprise', 'extra'])).toBeUndefined(); // a cell under no column
    expect(table.amount([400, 9, 1980, 'enterprise', ''])).toBe('29700.00');
    expect(table.amount([400, 9, ''])).toBeUndefined(); // no wage: looked up by district and date in evaluate()
    expect(fastTable('overquota-reward', ['totalStaff', 'bogus'])).toBeUndefined();
    expect(fastTable('overquota-reward', ['totalStaff', 'totalStaff'])).toBeUndefined();
    expect(fastTable('overquota-reward', ['disabledCounted', 'monthlyMinWage'])).toBeUndefined(); // no totalStaff column
    expect(fastTable('min-wage', ['district'])).toBeUndefined();
  });

  describe.each(metas.map((m) => [m.id, m] as const))('%s', (id, meta) => {
    it(`equals evaluate()'s ${meta.primary} on ${RUNS} spec-generated inputs, and defers where evaluate() refuses`, () => {
      let answered = 0;
      fc.assert(
        fc.property(validInputsFor(meta), (inputs) => {
          const fast = amountOf(id, inputs);
          const full = evaluate(id, inputs);
          expect(asTableRow(id, inputs)).toBe(fast);
          if (!full.ok) expect(fast).toBeUndefined();
          if (fast === undefined) return;
          answered++;
          expect(full.ok && full.result[meta.primary]).toBe(fast);
        }),
        { numRuns: RUNS },
      );
      expect(answered).toBeGreaterThan(0);
    });

    it(`equals evaluate()'s ${meta.primary} on ≥ ${RUNS} accepted inputs it reads (numbers and numeric strings)`, () => {
      let answered = 0;
      let accepted = 0;
      fc.assert(
        fc.property(fastReadable(meta), (inputs) => {
          const fast = amountOf(id, inputs);
          const full = evaluate(id, inputs);
          expect(asTableRow(id, inputs)).toBe(fast);
          if (!full.ok) {
            expect(fast).toBeUndefined();
            return;
          }
          accepted++;
          if (fast === undefined) return;
          answered++;
          expect(full.result[meta.primary]).toBe(fast);
        }),
        { numRuns: RUNS * 2.5 },
      );
      // the comparison must be real: ≥ RUNS inputs answered by evaluate(), and the fast path answering all of those
      expect(accepted).toBeGreaterThanOrEqual(RUNS);
      expect(answered).toBe(accepted);
    });
  });
});
