/**
 * Reads raw inputs for the fast path, against the rule's own input specs: plain numbers or plain
 * numeric strings, canonical choice values, booleans. Anything it does not read exactly as
 * `coerce.ts` would (dates, districts, text, aliases, grouping, bad or missing values) gives
 * undefined, and the caller uses `evaluate()`, which answers or explains the error.
 */
import { isBlank } from '../core/coerce.ts';
import type { InputSpec } from '../core/schema.ts';
import { compare, scaledOf, type Fraction } from './exact.ts';

export type FastValue = number | Fraction | string | boolean | undefined;
export type FastInputs = Record<string, FastValue>;

interface Reader {
  name: string;
  required: boolean;
  read(value: unknown): FastValue | null;
  fallback: FastValue;
}

const INTEGER = /^\d{1,15}$/;

function readerOf(spec: InputSpec): Reader | undefined {
  const min = spec.min === undefined ? undefined : scaledOf(String(spec.min));
  const max = spec.max === undefined ? undefined : scaledOf(String(spec.max));
  const inBounds = (v: Fraction) =>
    (min === undefined || (spec.minExclusive ? compare(v, min) > 0 : compare(v, min) >= 0)) && (max === undefined || compare(v, max) <= 0);
  let read: (value: unknown) => FastValue | null;
  switch (spec.type) {
    case 'integer':
      read = (value) => {
        const n = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(n) || n > 1e15 || n < -1e15) return null;
        return inBounds({ n, d: 1 }) ? n : null;
      };
      break;
    case 'decimal':
    case 'money':
      read = (value) => {
        const v = scaledOf(value);
        return v !== undefined && inBounds(v) ? v : null;
      };
      break;
    case 'choice': {
      const values = new Set(spec.choices!.map((c) => c.value));
      read = (value) => (typeof value === 'string' && values.has(value) ? value : null);
      break;
    }
    case 'boolean':
      read = (value) => (typeof value === 'boolean' ? value : null);
      break;
    default:
      return undefined;
  }
  const fallback = spec.default === undefined ? undefined : read(spec.default);
  if (fallback === null) return undefined;
  return { name: spec.name, required: spec.required === true, read, fallback };
}

/** A reader for one rule's inputs: the typed values, or undefined when the fast path must defer. */
export function inputReader(specs: readonly InputSpec[]): (raw: unknown) => FastInputs | undefined {
  const readers = new Map<string, Reader>();
  for (const spec of specs) {
    const reader = readerOf(spec);
    if (reader) readers.set(spec.name, reader);
  }
  const all = [...readers.values()];
  const unreadable = new Set(specs.filter((s) => !readers.has(s.name)).map((s) => s.name));
  return (raw) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
    const source = raw as Record<string, unknown>;
    for (const key in source) {
      if (!Object.hasOwn(source, key)) continue;
      if (!readers.has(key)) {
        // an unknown name is an error, an input of another kind is the decimal path's job — unless blank
        if (unreadable.has(key) && isBlank(source[key])) continue;
        return undefined;
      }
    }
    const out: FastInputs = {};
    for (const reader of all) {
      const value = source[reader.name];
      if (isBlank(value)) {
        if (reader.fallback === undefined && reader.required) return undefined;
        out[reader.name] = reader.fallback;
        continue;
      }
      const typed = reader.read(value);
      if (typed === null) return undefined;
      out[reader.name] = typed;
    }
    return out;
  };
}
