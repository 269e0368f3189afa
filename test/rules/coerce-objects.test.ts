/**
 * Objects coerced (rules/core/coerce.ts `coerceObject`), object after object as a batch coerces them: the names in spec
 * order, defaults for the inputs left out, nothing for optional ones, the first refusal in spec order, and a list default
 * made afresh for each object.
 */
import { describe, expect, it } from 'vitest';
import { coerceObject } from '../../rules/core/coerce.ts';
import { Dec } from '../../rules/core/decimal.ts';
import type { InputSpec } from '../../rules/core/schema.ts';
import { text } from '../../rules/core/text.ts';

const spec = (s: Partial<InputSpec> & Pick<InputSpec, 'name' | 'type'>): InputSpec => ({ label: text(s.name, s.name), description: text('', ''), ...s });
const specs: InputSpec[] = [
  spec({ name: 'staff', type: 'integer', required: true, min: 1 }),
  spec({ name: 'wage', type: 'money', min: 0 }),
  spec({
    name: 'kind',
    type: 'choice',
    default: 'a',
    choices: [
      { value: 'a', label: text('甲', 'A') },
      { value: 'b', label: text('乙', 'B') },
    ],
  }),
  spec({ name: 'months', type: 'integer-list', default: [12] as never }),
  spec({ name: 'day', type: 'date' }),
  spec({ name: 'flag', type: 'boolean', default: false }),
];
const noListDefault = specs.filter((s) => s.name !== 'months');
const read = (raw: Record<string, unknown>, list = specs) => {
  try {
    return coerceObject(raw, list);
  } catch (error) {
    return (error as { body: { code: string; field: string } }).body;
  }
};

describe('objects coerced one after another', () => {
  it('gives each set of inputs its names in spec order, with the defaults of those left out', () => {
    for (let round = 0; round < 3; round++) {
      const full = read({ flag: '是', day: '2024-06-30', wage: '1980', staff: 400, kind: '乙' }, noListDefault);
      expect(Object.entries(full)).toEqual([
        ['staff', 400],
        ['wage', new Dec('1980')],
        ['kind', 'b'],
        ['day', '2024-06-30'],
        ['flag', true],
      ]);
      const few = read({ staff: '7', day: ' ' }, noListDefault);
      expect(Object.entries(few)).toEqual([
        ['staff', 7],
        ['kind', 'a'],
        ['flag', false],
      ]);
      expect(Object.keys(read({ wage: 3, staff: 2 }, noListDefault))).toEqual(['staff', 'wage', 'kind', 'flag']);
    }
  });

  it('refuses the first bad or missing input in spec order, whatever the others', () => {
    expect(read({ wage: 'x', kind: 'c' }, noListDefault)).toMatchObject({ code: 'missing-input', field: 'staff' });
    expect(read({ staff: 0, kind: 'c' }, noListDefault)).toMatchObject({ code: 'out-of-range', field: 'staff' });
    expect(read({ staff: 1, kind: 'c', day: 'x' }, noListDefault)).toMatchObject({ code: 'invalid-choice', field: 'kind' });
    // a good object after refusals is coerced whole
    expect(read({ staff: 1 }, noListDefault)).toEqual({ staff: 1, kind: 'a', flag: false });
  });

  it('makes a list default afresh for each object (a rule could change it)', () => {
    const first = read({ staff: 1 }) as { months: number[] };
    const second = read({ staff: 1 }) as { months: number[] };
    expect(Object.keys(first)).toEqual(['staff', 'kind', 'months', 'flag']);
    expect(first.months).toEqual([12]);
    expect(second.months).not.toBe(first.months);
  });
});
