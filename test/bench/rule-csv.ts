/**
 * A CSV batch for any rule, generated from its declared input specs (the same metadata the Worker maps
 * columns from): one column per input a clerk would fill (required, or with an example), with seeded
 * random values around each input's example and inside its bounds. Cross-field checks (a birth date
 * after a start date …) can make some rows invalid: every row is still answered, and the bench reports
 * how many rows were ok. Rules whose input is a list of records (`disabled-headcount`) take no CSV.
 */
import { listRules, type InputSpec, type RuleMetadata } from '../../rules/index.ts';
import { random } from './rows.ts';

/** The rules a CSV batch can carry: no required list-of-records input. */
export const csvRules = (): RuleMetadata[] => listRules().filter((r) => !r.inputs.some((i) => i.type === 'records' && i.required));

/** A valid 残疾人证 number (GB 11643's example ID, 肢体 grade 2): the one text format with no example. */
const CERTIFICATE = '11010519491231002X42';

function columnsOf(rule: RuleMetadata): InputSpec[] {
  return rule.inputs.filter((i) => i.type !== 'records' && i.name !== 'applyOutsideValidity' && (i.required || i.example !== undefined));
}

function valueOf(spec: InputSpec, next: () => number, row: number): string {
  const example = spec.example;
  // an optional input's example is kept as it is (examples agree with each other: a list of months and its count);
  // so is a year, and a choice that has an example (a retirement category that fits the example birth date)
  if (example !== undefined && (!spec.required || spec.type === 'choice' || (spec.type === 'integer' && Number(example) >= 1000))) {
    return spec.type === 'integer-list' ? `"${String(example)}"` : String(example);
  }
  const min = spec.min === undefined ? 0 : Number(spec.min);
  switch (spec.type) {
    case 'integer': {
      const top = Math.max(min + 1, typeof example === 'number' ? example * 2 : min + 10);
      const max = spec.max === undefined ? top : Math.min(top, Number(spec.max));
      return String(min + Math.floor(next() * (max - min + 1)));
    }
    case 'decimal':
    case 'money': {
      const top = typeof example === 'number' ? example * 2 : 1000;
      const cents = Math.max(spec.minExclusive ? 1 : 0, Math.floor(next() * top * 100));
      return (min + cents / 100).toFixed(2);
    }
    case 'boolean':
      return typeof example === 'boolean' ? String(example) : next() < 0.5 ? 'true' : 'false';
    case 'choice':
      return spec.choices![Math.floor(next() * spec.choices!.length)].value;
    case 'text':
      return spec.format === 'certificate-number' ? CERTIFICATE : example !== undefined ? String(example) : `p${row % 1000}`;
    case 'integer-list':
      return example !== undefined ? `"${String(example)}"` : '"12,14,6"';
    default:
      // date, district: the example (a date inside the plan's window, a district with a table)
      return String(example ?? '');
  }
}

/** `count` data rows for `rule`, with a header of input names and a rowId column. */
export function csvForRule(rule: RuleMetadata, count: number, seed = 7): string {
  const next = random(seed);
  const columns = columnsOf(rule);
  const lines = [['rowId', ...columns.map((c) => c.name)].join(',')];
  for (let i = 0; i < count; i++) lines.push([String(i + 1), ...columns.map((c) => valueOf(c, next, i))].join(','));
  return `${lines.join('\n')}\n`;
}

/** The rules' bench CSVs as benchBatchByRule takes them: each rule's id and its CSV of any number of rows. */
export const csvBatchesFor = (rules: readonly RuleMetadata[]) => rules.map((rule) => ({ id: rule.id, csv: (count: number) => csvForRule(rule, count) }));
