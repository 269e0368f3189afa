/** What a clerk's spreadsheet cell holds for a rule input's value: dates as serials, booleans as TRUE/FALSE, numbers as doubles, lists and records as ranges (matrices). Shared by the Excel and WPS equality tests. */
import { isoToExcelSerial, type InputSpec } from '../../rules/index.ts';

const TRUE_VALUES = new Set<unknown>([true, 'TRUE', 'true', 1, '1']);

export function excelValue(value: unknown, spec: InputSpec): unknown {
  if (value === undefined) return null;
  switch (spec.type) {
    case 'date':
      return typeof value === 'string' ? isoToExcelSerial(value) : value;
    case 'boolean':
      return TRUE_VALUES.has(value);
    case 'integer':
    case 'decimal':
    case 'money':
      return typeof value === 'string' ? Number(value) : value;
    case 'integer-list':
      return (value as unknown[]).map((v) => [v]);
    case 'records': {
      const fields = spec.fields!;
      const rows = (value as Record<string, unknown>[]).map((record) => fields.map((f) => (record[f.name] === undefined ? '' : excelValue(record[f.name], f))));
      return [fields.map((f) => f.name), ...rows];
    }
    default:
      return value;
  }
}
