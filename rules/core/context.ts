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

  /** The date the claim concerns, when the caller gave one (reading it is recorded: see `dateRead`). */
  get date(): string | undefined {
    this.dateRead = true;
    return this.claimDate;
  }
  private readonly claimDate: string | undefined;
  /** Whether the rule looked at the date: an answer that never did cannot depend on it. */
  dateRead = false;

  /** The date, read only to word a warning (the figures do not depend on it, so it is not recorded). */
  get dateForWarning(): string | undefined {
    return this.claimDate;
  }
  /** Cross-row state when the rule runs inside a batch (e.g. training sessions already seen). */
  readonly batch: unknown;
  /** False inside a batch, whose rows carry no explanation: the steps are then never rendered. */
  readonly explain: boolean;

  constructor(date: string | undefined, batch: unknown = undefined, explain = true) {
    this.claimDate = date;
    this.batch = batch;
    this.explain = explain;
  }

  /**
   * One step of the explanation, in Chinese and English. The texts are rendered at once (so they show
   * the values of this moment) and only when an explanation is wanted.
   */
  step(render: () => readonly [zh: string, en: string]): void {
    if (!this.explain) return;
    const [zh, en] = render();
    this.steps.push({ zh, en });
  }

  warn(zh: string, en: string): void {
    this.warnings.push({ zh, en });
  }

  /** A warning whose words never change (made once, shared by every evaluation that gives it). */
  warnFixed(text: Readonly<Text>): void {
    this.warnings.push(text);
  }

  /** A hint for the clerk (how far to the next step, how many metres short); rendered like a step. */
  hint(render: () => readonly [zh: string, en: string]): void {
    if (!this.explain) return;
    const [zh, en] = render();
    this.hints.push({ zh, en });
  }

  rely(id: InterpretationId): void {
    this.relied.add(id);
  }

  /** Records a failed condition (the case is not eligible) and explains it as a step. */
  condition(ok: boolean, code: string, zh: string, en: string): boolean {
    if (!ok) {
      this.failed.push({ code, message: { zh, en } });
      this.step(() => [`不符合：${zh}`, `Not met: ${en}`]);
    }
    return ok;
  }

  /** A required-together input is missing (e.g. a district without a date). */
  missing(field: string, zh: string, en: string): never {
    fail('missing-input', zh, en, field);
  }
}
