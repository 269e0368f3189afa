/**
 * The input and output types of a rule are derived from its declared specs (rules/core/schema.ts
 * `InputsOf` / `OutputsOf`): there is no second, hand-written description to drift. These assertions
 * are checked by the type check (`tsc`, part of `npm test`) and run as no-ops.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { Dec } from '../../rules/core/decimal.ts';
import type { District } from '../../rules/parameters/districts.ts';
import { overquotaReward } from '../../rules/clauses/overquota-reward/rule.ts';
import { tobaccoMinDistance } from '../../rules/clauses/tobacco-min-distance/rule.ts';
import { disabledHeadcount } from '../../rules/helpers/disabled-headcount/rule.ts';
import { defineRule } from '../../rules/core/rule.ts';
import { clauses } from '../../rules/plans/baotou-2023-43/clauses.ts';
import { text } from '../../rules/core/text.ts';

type Flat<T> = { [K in keyof T]: T[K] };
type InputOf<R extends { compute(input: never, ctx: never): unknown }> = Flat<Parameters<R['compute']>[0]>;
type OutputOf<R extends { compute(input: never, ctx: never): unknown }> = ReturnType<R['compute']>;

describe('types derived from the specs', () => {
  it('overquota-reward: required, defaulted and optional inputs, choices as their values', () => {
    expectTypeOf<InputOf<typeof overquotaReward>>().toEqualTypeOf<{
      totalStaff: number;
      disabledCounted: Dec;
      unitKind: 'enterprise' | 'fiscal-funded' | 'centralized-employment';
      applyOutsideValidity: boolean;
      monthlyMinWage?: Dec;
      district?: District;
      date?: string;
    }>();
    expectTypeOf<OutputOf<typeof overquotaReward>>().toEqualTypeOf<{
      amount: Dec;
      excessPersons: number | Dec;
      quotaPersons: Dec;
      monthlyMinWage?: Dec;
    }>();
  });

  it('tobacco-min-distance: disabledApplicant is required, so never undefined', () => {
    expectTypeOf<InputOf<typeof tobaccoMinDistance>['disabledApplicant']>().toEqualTypeOf<boolean>();
    expectTypeOf<InputOf<typeof tobaccoMinDistance>['district']>().toEqualTypeOf<District>();
  });

  it('records: the fields of each record are typed too', () => {
    type Row = InputOf<typeof disabledHeadcount>['rows'][number];
    expectTypeOf<Row['onEstablishment']>().toEqualTypeOf<boolean>();
    expectTypeOf<Row['certNumber']>().toEqualTypeOf<string | undefined>();
  });

  it('a compute that reads an undeclared input does not compile', () => {
    const probe = () =>
      defineRule({
        id: 'type-probe',
        clause: clauses['m3.2'],
        kind: 'clause',
        title: text('探针', 'Probe'),
        description: text('探针', 'Probe'),
        inputs: [{ name: 'n', type: 'integer', required: true, label: text('n', 'n'), description: text('n', 'n') }],
        outputs: [{ name: 'm', type: 'integer', label: text('m', 'm') }],
        primary: 'm',
        compute(input) {
          // @ts-expect-error `x` is not a declared input
          void input.x;
          expectTypeOf(input.n).toEqualTypeOf<number>();
          return { m: input.n };
        },
      });
    expectTypeOf(probe).toBeFunction();
  });

  it('a compute that leaves out a declared output (its primary one included) does not compile, unless the output is optional', () => {
    const probe = () =>
      defineRule({
        id: 'type-probe',
        clause: clauses['m3.2'],
        kind: 'clause',
        title: text('探针', 'Probe'),
        description: text('探针', 'Probe'),
        inputs: [{ name: 'n', type: 'integer', required: true, label: text('n', 'n'), description: text('n', 'n') }],
        outputs: [
          { name: 'm', type: 'integer', label: text('m', 'm') },
          { name: 'note', type: 'text', label: text('说明', 'Note'), optional: true },
        ],
        primary: 'm',
        // @ts-expect-error the primary output `m` is missing
        compute() {
          return {};
        },
      });
    expectTypeOf(probe).toBeFunction();
  });

  it('a compute that leaves out a declared output other than its primary one does not compile either; leaving out an optional one does', () => {
    const outputs = [
      { name: 'm', type: 'integer', label: text('m', 'm') },
      { name: 'k', type: 'money', label: text('k', 'k') },
      { name: 'note', type: 'text', label: text('说明', 'Note'), optional: true },
    ] as const;
    const probe = (withK: boolean) =>
      withK
        ? defineRule({
            id: 'type-probe',
            clause: clauses['m3.2'],
            kind: 'clause',
            title: text('探针', 'Probe'),
            description: text('探针', 'Probe'),
            inputs: [],
            outputs,
            primary: 'm',
            compute: () => ({ m: 1, k: new Dec(0) }),
          })
        : defineRule({
            id: 'type-probe',
            clause: clauses['m3.2'],
            kind: 'clause',
            title: text('探针', 'Probe'),
            description: text('探针', 'Probe'),
            inputs: [],
            outputs,
            primary: 'm',
            // @ts-expect-error the declared output `k` is missing
            compute: () => ({ m: 1 }),
          });
    expectTypeOf(probe).toBeFunction();
  });
});
