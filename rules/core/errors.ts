import type { ControlRef } from './projection-words.ts';
import type { Text } from './text.ts';

/** Machine-readable error codes; each error also carries a zh/en message and, where it applies, the field. */
export type ErrorCode =
  | 'unknown-rule'
  | 'unknown-input'
  | 'missing-input'
  | 'invalid-number'
  | 'not-an-integer'
  | 'out-of-range'
  | 'invalid-boolean'
  | 'invalid-date'
  | 'invalid-choice'
  | 'invalid-list'
  | 'unknown-district'
  | 'inconsistent-input'
  | 'policy-not-in-force'
  | 'no-answer-in-text'
  | 'no-wage-table'
  | 'no-levy-rule-for-year'
  | 'no-parameter-value'
  | 'collection-date-needed'
  | 'registration-date-needed'
  | 'invalid-certificate'
  | 'internal-error';

export interface RuleErrorBody {
  code: ErrorCode;
  field?: string;
  message: Text;
  /** The control the message asks the clerk to set; each projection words it (`messageIn`). */
  control?: ControlRef;
}

/**
 * Thrown inside coercion and rule code; `evaluate` turns it into `{ ok: false, error }`. Never escapes the package.
 * A refusal of input is an answer, not a bug: it is made without a stack trace (capturing one costs more than
 * evaluating a row, and a batch may refuse many), so its `stack` names only the error.
 */
export class RuleError extends Error {
  readonly body: RuleErrorBody;
  constructor(code: ErrorCode, message: Text, field?: string, control?: ControlRef) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(`${code}${field ? ` (${field})` : ''}: ${message.en}`);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.body = field === undefined ? { code, message } : { code, field, message };
    if (control) this.body.control = control;
  }
}

export function fail(code: ErrorCode, zh: string, en: string, field?: string): never {
  throw new RuleError(code, { zh, en }, field);
}
