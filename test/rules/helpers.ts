import { expect } from 'vitest';
import type { Evaluation, Success } from '../../rules/index.ts';

/** Asserts a success and returns it typed. */
export function expectOk(evaluation: Evaluation): Success {
  if (!evaluation.ok) throw new Error(`expected ok, got ${JSON.stringify(evaluation.error)}`);
  return evaluation;
}

/** Asserts a refusal with this code (and field), with a message in both languages. */
export function expectError(evaluation: Evaluation, code: string, field?: string) {
  if (evaluation.ok) throw new Error(`expected error ${code}, got ${JSON.stringify(evaluation.result)}`);
  expect(evaluation.error.code).toBe(code);
  if (field !== undefined) expect(evaluation.error.field).toBe(field);
  expect(evaluation.error.message.zh.length).toBeGreaterThan(0);
  expect(evaluation.error.message.en.length).toBeGreaterThan(0);
  return evaluation.error;
}
