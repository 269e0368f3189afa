import type { InterpretationId } from '../interpretations.ts';
import { fail } from './errors.ts';
import type { FailedCondition } from './schema.ts';
import type { Text } from './text.ts';

/**
 * What a rule writes while it computes: the explanation steps, warnings, hints, the interpretations
 * it relied on and the conditions a case failed. One per evaluation; rules never build results themselves.
 */
export class Context {
  readonly steps: Text[] = [];
  readonly warnings: Text[] = [];
  readonly hints: Text[] = [];
  readonly relied = new Set<InterpretationId>();
  readonly failed: FailedCondition[] = [];

  /** The date the claim concerns, when the caller gave one. */
  readonly date: string | undefined;
  /** Cross-row state when the rule runs inside a batch (e.g. training sessions already seen). */
  readonly batch: unknown;

  constructor(date: string | undefined, batch: unknown = undefined) {
    this.date = date;
    this.batch = batch;
  }

  step(zh: string, en: string): void {
    this.steps.push({ zh, en });
  }

  warn(zh: string, en: string): void {
    this.warnings.push({ zh, en });
  }

  hint(zh: string, en: string): void {
    this.hints.push({ zh, en });
  }

  rely(id: InterpretationId): void {
    this.relied.add(id);
  }

  /** Records a failed condition (the case is not eligible) and explains it as a step. */
  condition(ok: boolean, code: string, zh: string, en: string): boolean {
    if (!ok) {
      this.failed.push({ code, message: { zh, en } });
      this.step(`不符合：${zh}`, `Not met: ${en}`);
    }
    return ok;
  }

  /** A required-together input is missing (e.g. a district without a date). */
  missing(field: string, zh: string, en: string): never {
    fail('missing-input', zh, en, field);
  }
}
