/**
 * A what-if batch over a table: every row read once (the table module's reading, rules/tables/rows.ts)
 * and evaluated twice by the same rule, on the stored parameters (the baseline) and with the overrides
 * (the reform), each with its own cross-row state and its own totals (rules/tables/totals.ts).
 */
import { BatchEvaluator, type BatchRow, type BatchSummary } from '../batch.ts';
import type { SlotValues } from '../core/coerce.ts';
import type { RuleErrorBody } from '../core/errors.ts';
import type { RuleDefinition } from '../core/rule.ts';
import type { FailedCondition } from '../core/schema.ts';
import type { Text } from '../core/text.ts';
import { Dec, money } from '../core/decimal.ts';
import type { RuleMetadata } from '../metadata.ts';
import { TableBatch } from '../tables/rows.ts';
import { TotalsAccumulator, type BatchTotals, type MoneyTotals } from '../tables/totals.ts';
import { changeOf } from './check.ts';
import type { Overrides } from './overrides.ts';

/** One row of a what-if answer: the primary output on each side and the change (money as text). */
export interface WhatIfRow {
  index: number;
  rowId?: string;
  /** `ok` when both sides computed (whatever they found), `invalid` when either could not, `skipped` as in a batch. */
  status: 'ok' | 'invalid' | 'skipped';
  baseline?: unknown;
  reform?: unknown;
  change?: string;
  /** Present when a side fails a condition of the clause: each side's verdict, and its conditions in words. */
  eligible?: { baseline: boolean; reform: boolean };
  failedConditions?: { baseline?: FailedCondition[]; reform?: FailedCondition[] };
  warnings?: Text[];
  error?: RuleErrorBody;
  reason?: Text;
}

/** One side's totals: rows computed, the primary amount, the city/district shares, and the same by district. */
/** One side's line: what a what-if compares (claims are not part of it). */
type SideLine = Pick<MoneyTotals, 'rows' | 'computed' | 'cityShare' | 'districtShare'>;
export type SideTotals = SideLine & { byDistrict?: Record<string, SideLine> };

export interface WhatIfSummary extends BatchSummary {
  totals?: { baseline: SideTotals; reform: SideTotals; change: SideTotals };
}

const SHARES = ['cityShare', 'districtShare'] as const;

const lineOf = ({ rows, computed, cityShare, districtShare }: MoneyTotals): SideLine => ({
  rows,
  computed,
  ...(cityShare !== undefined ? { cityShare } : {}),
  ...(districtShare !== undefined ? { districtShare } : {}),
});

function side(totals: BatchTotals): SideTotals {
  const out: SideTotals = lineOf(totals);
  if (totals.byDistrict) out.byDistrict = Object.fromEntries(Object.entries(totals.byDistrict).map(([k, v]) => [k, lineOf(v)]));
  return out;
}

const ZERO = { rows: 0, computed: '0.00' };

/** reform − baseline, line by line (rows: the reform's count less the baseline's). */
function changeTotals(a: SideTotals, b: SideTotals): SideTotals {
  const one = (x: SideLine, y: SideLine) => {
    const out: SideLine = { rows: y.rows - x.rows, computed: money(new Dec(y.computed).minus(x.computed)) };
    for (const s of SHARES) if (x[s] !== undefined || y[s] !== undefined) out[s] = money(new Dec(y[s] ?? 0).minus(x[s] ?? 0));
    return out;
  };
  const out: SideTotals = one(a, b);
  if (a.byDistrict || b.byDistrict) {
    const names = [...new Set([...Object.keys(a.byDistrict ?? {}), ...Object.keys(b.byDistrict ?? {})])];
    out.byDistrict = Object.fromEntries(names.map((n) => [n, one(a.byDistrict?.[n] ?? ZERO, b.byDistrict?.[n] ?? ZERO)]));
  }
  return out;
}

export class WhatIfTableBatch extends TableBatch {
  private readonly whatIfRule: RuleDefinition;
  private readonly whatIfMeta: RuleMetadata;
  private reform: BatchEvaluator | undefined;
  private reformTotals: TotalsAccumulator;
  private overridesSet: Overrides | undefined;
  /** The reform's answer to the row just evaluated (taken by `pair`). */
  private pending: BatchRow | undefined;
  private readonly counts: BatchSummary = { rows: 0, ok: 0, mismatch: 0, invalid: 0, skipped: 0 };

  constructor(rule: RuleDefinition, meta: RuleMetadata, overrides?: Overrides) {
    super(rule, meta);
    this.whatIfRule = rule;
    this.whatIfMeta = meta;
    this.reformTotals = new TotalsAccumulator(meta);
    if (overrides) this.use(overrides);
  }

  /** Sets the overrides (before the first row: a JSON body names them beside its rows). */
  use(overrides: Overrides): void {
    if (this.counts.rows || this.evaluator.summary.rows) throw new Error('overrides are set before the first row');
    this.overridesSet = overrides;
    this.reform = new BatchEvaluator(this.whatIfRule, { parameters: overrides.parameters });
    this.reformTotals = new TotalsAccumulator(this.whatIfMeta);
  }

  get overrides(): Overrides | undefined {
    return this.overridesSet;
  }

  protected override evaluate(raw: unknown): BatchRow {
    const row = super.evaluate(raw);
    this.pending = this.reformEvaluator().add(raw);
    this.reformTotals.add(this.pending, raw as Record<string, unknown>);
    return row;
  }

  protected override evaluateSlots(slots: SlotValues, rowId: unknown, claimed: unknown): BatchRow {
    const row = super.evaluateSlots(slots, rowId, claimed);
    this.pending = this.reformEvaluator().addSlots(slots, rowId, claimed);
    this.reformTotals.addIn(this.pending, this.districtIn(slots));
    return row;
  }

  private reformEvaluator(): BatchEvaluator {
    if (!this.reform) throw new Error('a what-if batch needs its overrides');
    return this.reform;
  }

  /** The what-if answer of a row the table batch just answered (a skipped or refused row is the same on both sides). */
  pair(baseline: BatchRow): WhatIfRow {
    const reform = this.pending ?? baseline;
    this.pending = undefined;
    const out: WhatIfRow = { index: baseline.index, status: 'ok' };
    if (baseline.rowId !== undefined) out.rowId = baseline.rowId;
    if (baseline.status === 'skipped') {
      out.status = 'skipped';
      if (baseline.reason) out.reason = baseline.reason;
    } else if (baseline.status === 'invalid' || reform.status === 'invalid') {
      out.status = 'invalid';
      const error = baseline.error ?? reform.error;
      if (error) out.error = error;
    } else {
      const primary = this.whatIfMeta.primary;
      const a = baseline.result?.[primary];
      const b = reform.result?.[primary];
      if (a !== undefined) out.baseline = a;
      if (b !== undefined) out.reform = b;
      const change = changeOf(this.whatIfRule, a, b);
      if (change !== undefined) out.change = change;
      if (baseline.eligible === false || reform.eligible === false) {
        out.eligible = { baseline: baseline.eligible !== false, reform: reform.eligible !== false };
        out.failedConditions = {
          ...(baseline.failedConditions ? { baseline: baseline.failedConditions } : {}),
          ...(reform.failedConditions ? { reform: reform.failedConditions } : {}),
        };
      }
      if (reform.warnings) out.warnings = reform.warnings;
    }
    this.counts.rows++;
    this.counts[out.status]++;
    return out;
  }

  /** The counts of the rows paired so far (what the audit records). */
  get whatIfCounts(): BatchSummary {
    return { ...this.counts };
  }

  whatIfSummary(): WhatIfSummary {
    const a = this.summary().totals;
    const b = this.reformTotals.totals();
    const out: WhatIfSummary = { ...this.counts };
    if (a && b) {
      const baseline = side(a);
      const reform = side(b);
      out.totals = { baseline, reform, change: changeTotals(baseline, reform) };
    }
    return out;
  }
}
