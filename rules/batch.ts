import { centsOf, formatCents } from './core/cents.ts';
import { Dec, money } from './core/decimal.ts';
import { isBlank, isRecord, readSlots, slotIn, slotValuesFor, toDecimal, type Field, type SlotValues } from './core/coerce.ts';
import { Context, ReadingsMemo } from './core/context.ts';
import { RuleError } from './core/errors.ts';
import type { RuleErrorBody } from './core/errors.ts';
import type { RuleDefinition } from './core/rule.ts';
import type { FailedCondition, OutputType } from './core/schema.ts';
import type { Text } from './core/text.ts';
import { currentPolicyRef, evaluateRow, factsOf, type EvaluateOptions, type PolicyRef, type RuleFacts } from './evaluate.ts';
import type { ParameterSet } from './parameters/index.ts';
import { findRule } from './registry.ts';
import { RULESET_VERSION } from './version.ts';
import { BATCH_COLUMN_LABELS } from './columns.ts';

/** The claimed amount of a batch row, as messages name it. */
const CLAIMED_FIELD: Field = { code: 'claimed', zh: BATCH_COLUMN_LABELS.claimed.zh };

export type RowStatus = 'ok' | 'mismatch' | 'invalid' | 'skipped';

export interface BatchRow {
  index: number;
  rowId?: string;
  status: RowStatus;
  result?: Record<string, unknown>;
  warnings?: Text[];
  /** Present (false) when the row's case fails a condition of the clause, with the conditions in words. */
  eligible?: false;
  failedConditions?: FailedCondition[];
  error?: RuleErrorBody;
  claimed?: string;
  difference?: string;
  /** Why a row was not evaluated (a blank row, a 合计 total row): status `skipped`. */
  reason?: Text;
  /** A table's row hidden in the sheet or by a filter: still answered, with a warning. */
  hidden?: true;
}

export interface BatchSummary {
  rows: number;
  ok: number;
  mismatch: number;
  invalid: number;
  /** Blank rows and total rows (合计/总计/小计) of a table: answered, not evaluated. */
  skipped: number;
}

export interface BatchOutcome {
  rule: string;
  rulesetVersion: string;
  clause?: { id: string; text: string };
  policy: PolicyRef;
  summary: BatchSummary;
  rows: BatchRow[];
}

/** Why a blank row is not evaluated: every projection's words for it. */
export const BLANK_ROW: Text = { zh: '空行，未计算', en: 'Blank row, not computed' };

/** Output types a claimed figure can be compared with. */
const AMOUNT_TYPES: ReadonlySet<OutputType> = new Set<OutputType>(['money', 'integer', 'decimal', 'ratio']);

/** A batch row's own columns beside the rule's inputs. */
const BATCH_OWN: ReadonlySet<string> = new Set(['rowId', 'claimed']);

/** A row id is echoed, not computed: longer ones are cut. */
const MAX_ROW_ID = 200;

/**
 * claimed − computed and both printed as money. Plain two-decimal amounts (nearly every row) are
 * compared as whole cents; anything else goes through exact decimals. Both give the same strings.
 */
function compareClaim(claimed: string, computed: string | number): { claimed: string; difference: string; equal: boolean } {
  const c = centsOf(claimed);
  const k = centsOf(String(computed));
  if (c !== undefined && k !== undefined) return { claimed: formatCents(c), difference: formatCents(c - k), equal: c === k };
  const difference = new Dec(claimed).minus(new Dec(computed));
  return { claimed: money(new Dec(claimed)), difference: money(difference), equal: difference.isZero() };
}

/**
 * Evaluates rows one at a time, in order, keeping only the running summary: the Worker streams
 * a CSV through `add`, the add-in and `evaluateBatch` pass arrays. Every row gets exactly one answer.
 */
export class BatchEvaluator {
  readonly summary: BatchSummary = { rows: 0, ok: 0, mismatch: 0, invalid: 0, skipped: 0 };
  readonly rule: RuleDefinition;
  /** What every row reads of the rule, made once per rule. */
  private readonly facts: RuleFacts;
  private readonly state: unknown;
  /** The parameter set every row is read against (the served one unless given). */
  private readonly parameters: ParameterSet | undefined;
  /** How every row is evaluated: the batch's state, no explanation, its parameter set and the readings kept across rows (a batch's rows share few dates). */
  private readonly evaluation: EvaluateOptions;
  /** The row `add` reads its object's values into, row after row (the evaluation keeps nothing of them). */
  private readonly slots: SlotValues;

  /** Whether the rule's primary output is an amount or a count, so a claimed figure can be compared with it. */
  private readonly claimable: boolean;

  constructor(rule: RuleDefinition, options: { parameters?: ParameterSet } = {}) {
    this.rule = rule;
    this.facts = factsOf(rule);
    this.claimable = AMOUNT_TYPES.has(rule.outputs.find((o) => o.name === rule.primary)?.type as OutputType);
    this.state = rule.batchState?.();
    this.parameters = options.parameters;
    // A row's own rowId and claimed stand beside the inputs: the rule passes them over (so no input may take their names).
    const clash = rule.inputs.find((i) => BATCH_OWN.has(i.name));
    if (clash) throw new Error(`rule ${rule.id} names an input ${clash.name}, a batch row's own column`);
    this.slots = slotValuesFor(this.facts.inputList);
    const readings = new ReadingsMemo(options.parameters);
    this.evaluation = {
      batchState: this.state,
      explain: false,
      parameters: options.parameters,
      readings,
      rowContext: new Context(undefined, this.state, false, options.parameters, readings),
    };
  }

  /**
   * A row given as an object naming its inputs, its row id (`rowId`) and its claimed figure (`claimed`). One that names
   * keys but fills none (nothing, or only spaces: NBSP and U+3000 too) is a blank row, skipped.
   */
  add(raw: unknown): BatchRow {
    if (!isRecord(raw)) {
      const index = this.summary.rows++;
      this.summary.invalid++;
      return invalid(index, undefined, { code: 'invalid-list', message: { zh: `第 ${index + 1} 行不是对象`, en: `Row ${index + 1} is not an object` } });
    }
    const slots = this.slots;
    readSlots(raw, this.facts.inputList, BATCH_OWN, slots);
    const { rowId, claimed } = raw;
    return this.addSlots(slots, rowId, claimed);
  }

  /** Slot values for a row of this rule's inputs (`SlotValues`), none read yet: what a table reads its rows' cells into for `addSlots`. */
  slotValues(): SlotValues {
    return slotValuesFor(this.facts.inputList);
  }

  /** The slot of the input `name` in the values `addSlots` reads (−1: the rule has no input so named). */
  slotOf(name: string): number {
    return slotIn(this.facts.inputList, name);
  }

  /**
   * A row given as its inputs' values by slot, its row id and its claimed figure (undefined: none): the answer `add`
   * gives the object they were read from. A row that names values but fills none (`SlotValues`) is a blank row, skipped.
   */
  addSlots(slots: SlotValues, rawRowId: unknown, rawClaimed: unknown): BatchRow {
    if (slots.named && !slots.filled) return this.skip(BLANK_ROW);
    const index = this.summary.rows++;
    const row = this.judge(index, rawRowId, rawClaimed, slots);
    this.count(row.status);
    return row;
  }

  /** Counts a row of `status` in the summary (by name, not `summary[status]`: a store by a key that varies is V8's slowest). */
  private count(status: RowStatus): void {
    const summary = this.summary;
    if (status === 'ok') summary.ok++;
    else if (status === 'mismatch') summary.mismatch++;
    else if (status === 'invalid') summary.invalid++;
    else summary.skipped++;
  }

  /** Answers a row that is not evaluated (a blank or total row of a table), keeping index and summary right. */
  skip(reason: Text, rowId?: string): BatchRow {
    const row: BatchRow = { index: this.summary.rows++, status: 'skipped', reason };
    if (rowId !== undefined) row.rowId = rowId;
    this.summary.skipped++;
    return row;
  }

  /** A row's answer from its row id, its claim and its inputs read by slot. */
  private judge(index: number, rawRowId: unknown, rawClaimed: unknown, slots: SlotValues): BatchRow {
    if (!isBlank(rawRowId) && typeof rawRowId === 'object') {
      return invalid(index, undefined, {
        code: 'invalid-choice',
        field: 'rowId',
        message: {
          zh: `第 ${index + 1} 行的行号 rowId 应为文本或数字，收到列表或对象`,
          en: `rowId of row ${index + 1} must be text or a number, got a list or an object`,
        },
      });
    }
    const rowId = isBlank(rawRowId) ? undefined : String(rawRowId).slice(0, MAX_ROW_ID);
    let claimed: string | undefined;
    if (!isBlank(rawClaimed)) {
      // a date or a verdict is not an amount: a claim beside it is refused, never read as a number
      if (!this.claimable) return invalid(index, rowId, this.noAmount());
      // One reading of numbers for inputs and claims alike (full-width digits, grouping, exactness).
      try {
        claimed = toDecimal(rawClaimed, CLAIMED_FIELD).toFixed();
      } catch (error) {
        if (error instanceof RuleError) return invalid(index, rowId, error.body);
        throw error;
      }
    }
    const evaluation = evaluateRow(slots, this.evaluation, this.facts);
    if (!evaluation.ok) return invalid(index, rowId, evaluation.error);
    const row: BatchRow = { index, status: 'ok', result: evaluation.result };
    if (rowId !== undefined) row.rowId = rowId;
    if (evaluation.warnings.length) row.warnings = evaluation.warnings;
    if (!evaluation.eligible) {
      row.eligible = false;
      row.failedConditions = evaluation.failedConditions;
    }
    if (claimed !== undefined) {
      const computed = evaluation.result[this.rule.primary];
      // an optional amount the rule left out for this case (none computed) has nothing to compare with
      if (typeof computed !== 'string' && typeof computed !== 'number') return invalid(index, rowId, this.noAmount());
      const comparison = compareClaim(claimed, computed);
      row.claimed = comparison.claimed;
      row.difference = comparison.difference;
      if (!comparison.equal) row.status = 'mismatch';
    }
    return row;
  }

  /** The refusal of a claimed figure the rule gives nothing to compare with. */
  private noAmount(): RuleErrorBody {
    return {
      code: 'unknown-input',
      field: 'claimed',
      message: {
        zh: `规则“${this.rule.title.zh}”的结果不是金额或数量，不能核对申报金额`,
        en: `Rule ${this.rule.id} gives no amount to compare claimed with`,
      },
    };
  }

  outcome(rows: BatchRow[]): BatchOutcome {
    return {
      rule: this.rule.id,
      rulesetVersion: RULESET_VERSION,
      clause: { id: this.rule.clause.id, text: this.rule.clause.text },
      policy: currentPolicyRef(this.parameters),
      summary: { ...this.summary },
      rows,
    };
  }
}

function invalid(index: number, rowId: string | undefined, error: RuleErrorBody): BatchRow {
  const row: BatchRow = { index, status: 'invalid', error };
  if (rowId !== undefined) row.rowId = rowId;
  return row;
}

/** Evaluates every row of a batch; one answer per row, in order, whatever is wrong with a row. */
export function evaluateBatch(ruleId: string, rows: readonly unknown[], options: { parameters?: ParameterSet } = {}): BatchOutcome {
  const rule = findRule(ruleId);
  if (!rule) {
    const error: RuleErrorBody = { code: 'unknown-rule', field: 'rule', message: { zh: `没有编号为“${ruleId}”的规则`, en: `There is no rule "${ruleId}"` } };
    return {
      rule: ruleId,
      rulesetVersion: RULESET_VERSION,
      policy: currentPolicyRef(options.parameters),
      summary: { rows: rows.length, ok: 0, mismatch: 0, invalid: rows.length, skipped: 0 },
      rows: rows.map((_, index) => ({ index, status: 'invalid' as const, error })),
    };
  }
  const batch = new BatchEvaluator(rule, options);
  const answered = rows.map((row) => batch.add(row));
  return batch.outcome(answered);
}
