import { Dec, money } from './decimal.ts';
import type { OutputSpec } from './schema.ts';

/**
 * The one place results are rounded and printed: money → "29700.00" (0.01, half up), decimals → exact
 * plain strings, ratios → 4 decimals, counts → numbers. Rules return exact values; this formats them.
 */
export function formatOutputs(raw: Record<string, unknown>, outputs: readonly OutputSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of outputs) {
    const value = raw[spec.name];
    if (value === undefined) continue;
    out[spec.name] = formatOne(value, spec);
  }
  return out;
}

function formatOne(value: unknown, spec: OutputSpec): unknown {
  switch (spec.type) {
    case 'money':
      return money(value as Dec);
    case 'decimal':
      return (value as Dec).toSignificantDigits(30).toFixed();
    case 'ratio':
      return (value as Dec).toFixed(4);
    case 'integer':
      return value instanceof Dec ? value.toNumber() : value;
    default:
      return value;
  }
}
