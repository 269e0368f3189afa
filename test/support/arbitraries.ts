/**
 * Random inputs generated from the registry's input specs (fast-check), shared by the rules'
 * property tests, the Worker's equality and fuzz tests and the add-in's equality test.
 * Valid inputs respect each spec (type, bounds, choices); they may still be refused by a rule's own
 * consistency checks or the validity window, which is part of what the tests compare.
 */
import fc from 'fast-check';
import type { InputSpec, RuleMetadata } from '../../rules/index.ts';
import { districts } from '../../rules/index.ts';

const DEFAULT_INT_MAX = 5_000;
const DEFAULT_DECIMAL_MAX = 1_000_000;

const districtNames = districts.flatMap((d) => [d.zh, d.short, d.en]);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO dates between two years, inclusive, every day possible. */
export const isoDate = (fromYear: number, toYear: number) =>
  fc
    .date({ min: new Date(Date.UTC(fromYear, 0, 1)), max: new Date(Date.UTC(toYear, 11, 31)), noInvalidDate: true })
    .map((d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);

/** Claim dates: mostly inside the plan's window (2023-04-22 – 2024-12-31), sometimes outside or on its edges. */
const claimDate = fc.oneof(
  { weight: 6, arbitrary: isoDate(2023, 2024).filter((d) => d >= '2023-04-22') },
  { weight: 2, arbitrary: fc.constantFrom('2023-04-22', '2024-12-31', '2023-04-21', '2025-01-01', '2024-11-30', '2024-12-01') },
  { weight: 1, arbitrary: isoDate(2019, 2027) },
);

const integerFor = (spec: InputSpec) => {
  if (spec.min === undefined && spec.max === undefined && typeof spec.example === 'number') {
    // an unbounded number (a year, say) is most useful near its example
    return fc.integer({ min: spec.example - 30, max: spec.example + 30 });
  }
  const min = spec.min === undefined ? 0 : Number(spec.min) + (spec.minExclusive ? 1 : 0);
  const max = spec.max === undefined ? Math.max(min + DEFAULT_INT_MAX, DEFAULT_INT_MAX) : Number(spec.max);
  const small = fc.integer({ min, max: Math.min(max, min + 60) });
  return fc.oneof({ weight: 3, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min, max }) });
};

const decimalFor = (spec: InputSpec) => {
  const min = spec.min === undefined ? 0 : Number(spec.min);
  const max = spec.max === undefined ? DEFAULT_DECIMAL_MAX : Number(spec.max);
  const cents = fc.integer({ min: Math.round(min * 100) + (spec.minExclusive ? 1 : 0), max: Math.round(max * 100) });
  const small = fc.integer({ min: Math.round(min * 100) + (spec.minExclusive ? 1 : 0), max: Math.round(Math.min(max, min + 60) * 100) });
  const asText = (c: number) => {
    const sign = c < 0 ? '-' : '';
    const a = Math.abs(c);
    return `${sign}${Math.floor(a / 100)}.${pad(a % 100)}`;
  };
  return fc.oneof(
    { weight: 2, arbitrary: small.map(asText) },
    { weight: 2, arbitrary: cents.map(asText) },
    { weight: 1, arbitrary: small.filter((c) => c % 100 === 0).map((c) => c / 100) },
  );
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A well-formed 残疾人证 number (fake area code 150299, real check character), computed independently of the rules package. */
export const certificateNumber = fc
  .tuple(isoDate(1940, 2020), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 }))
  .map(([birth, serial, category, grade]) => {
    const body = `150299${birth.replace(/-/g, '')}${String(serial).padStart(3, '0')}`;
    const sum = [...body].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0);
    return `${body}${CHECK[sum % 11]}${category}${grade}`;
  });

/** A value for one input spec. */
export function valueFor(spec: InputSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'integer':
      return integerFor(spec);
    case 'decimal':
    case 'money':
      return decimalFor(spec);
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('TRUE', 'FALSE', 1, 0));
    case 'date':
      return spec.name === 'date' ? claimDate : isoDate(1950, 2030);
    case 'district':
      return fc.constantFrom(...districtNames);
    case 'choice':
      return fc.constantFrom(...spec.choices!.map((c) => c.value));
    case 'text':
      if (spec.format === 'certificate-number')
        return fc.oneof({ weight: 4, arbitrary: certificateNumber }, { weight: 1, arbitrary: fc.string({ maxLength: 24 }) });
      return spec.example !== undefined
        ? fc.oneof(fc.constant(String(spec.example)), fc.string({ maxLength: 24 }))
        : fc.string({ minLength: 1, maxLength: 12 });
    case 'integer-list':
      return fc.array(integerFor(spec), { minLength: 1, maxLength: 8 });
    case 'records':
      return fc.array(recordFor(spec.fields!), { minLength: 1, maxLength: 6 });
  }
}

function recordFor(specs: readonly InputSpec[]): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const spec of specs) model[spec.name] = valueFor(spec);
  const requiredKeys = specs.filter((s) => s.required).map((s) => s.name);
  const exclusions = specs.filter((s) => s.excludes?.length);
  return fc.record(model, { requiredKeys }).map((record) => {
    for (const spec of exclusions) if (record[spec.name] !== undefined) for (const other of spec.excludes!) delete record[other];
    return record;
  });
}

/** Inputs a rule's spec accepts: required inputs always present, optional ones sometimes. */
export const validInputsFor = (meta: RuleMetadata): fc.Arbitrary<Record<string, unknown>> => recordFor(meta.inputs);

/** Anything at all: what a careless client or a broken spreadsheet might send. */
export const junkInputs: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.anything()),
  fc.dictionary(
    fc.constantFrom('totalStaff', 'disabledCounted', 'monthlyMinWage', 'district', 'date', 'persons', 'year'),
    fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)),
  ),
);
