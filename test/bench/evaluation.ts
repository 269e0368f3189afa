/**
 * Evaluation cost: 100,000 rows of a rule computed in one process by our `evaluate()` (the full
 * traceable answer), our exact fast path `amountOf()`, the clerk's Excel formula in HyperFormula, and
 * plain float JavaScript. Each is warmed up, timed several times with performance.now(), median kept.
 */
import { HyperFormula } from 'hyperformula';
import { amountOf, evaluate } from '../../rules/index.ts';
import { clerk } from './clerk.ts';
import { rowsFor, type BenchRow } from './rows.ts';

export interface EvaluationFigures {
  rule: string;
  rows: number;
  nsPerRow: { evaluate: number; fastPath: number; hyperFormula: number; float: number };
  ratios: { evaluateOverHyperFormula: number; fastPathOverHyperFormula: number; evaluateOverFloat: number; fastPathOverFloat: number };
  /** Rows where the fast path deferred to evaluate(); rows where the hand formula / float differ from ours by a cent or more. */
  checks: { fastPathDeferred: number; fastPathDiffers: number; hyperFormulaDiffers: number; floatDiffers: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(reps: number, run: () => void): number {
  run(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    run();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

const centsOf = (x: unknown) => (typeof x === 'number' ? Math.round(x * 100) : Number.NaN);
const centsOfText = (x: string) => Math.round(Number(x) * 100);

export function benchEvaluation(ruleId: string, count = 100_000): EvaluationFigures {
  const rows = rowsFor(ruleId, count);
  const version = clerk[ruleId];
  const ours: string[] = new Array(count);
  const fast: string[] = new Array(count);
  const floats = new Float64Array(count);
  let hand: unknown[][] = [];
  let deferred = 0;

  const evaluateAll = () => {
    for (let i = 0; i < count; i++) {
      const r = evaluate(ruleId, rows[i]);
      ours[i] = r.ok ? (r.result.amount as string) : `error ${r.error.code}`;
    }
  };
  const fastAll = () => {
    deferred = 0;
    for (let i = 0; i < count; i++) {
      let amount = amountOf(ruleId, rows[i]);
      if (amount === undefined) {
        deferred++;
        const r = evaluate(ruleId, rows[i]);
        amount = r.ok ? (r.result.amount as string) : `error ${r.error.code}`;
      }
      fast[i] = amount;
    }
  };
  const floatAll = () => {
    const f = version.float;
    for (let i = 0; i < count; i++) floats[i] = f(rows[i]);
  };
  const sheet = rows.map((row: BenchRow, i) => [...version.columns.map((c) => row[c]), version.formula(i + 1)]);
  const hyperFormulaAll = () => {
    const hf = HyperFormula.buildFromArray(sheet as (string | number | boolean)[][], { licenseKey: 'gpl-v3', maxRows: count + 1 });
    hand = hf.getSheetValues(0);
    hf.destroy();
  };

  const ns = (ms: number) => (ms * 1e6) / count;
  const nsPerRow = {
    evaluate: ns(time(3, evaluateAll)),
    fastPath: ns(time(5, fastAll)),
    hyperFormula: ns(time(3, hyperFormulaAll)),
    float: ns(time(9, floatAll)),
  };
  let fastPathDiffers = 0;
  let hyperFormulaDiffers = 0;
  let floatDiffers = 0;
  const col = version.columns.length;
  for (let i = 0; i < count; i++) {
    if (fast[i] !== ours[i]) fastPathDiffers++;
    const exact = centsOfText(ours[i]);
    if (centsOf(hand[i][col]) !== exact) hyperFormulaDiffers++;
    if (centsOf(floats[i]) !== exact) floatDiffers++;
  }
  return {
    rule: ruleId,
    rows: count,
    nsPerRow,
    ratios: {
      evaluateOverHyperFormula: nsPerRow.evaluate / nsPerRow.hyperFormula,
      fastPathOverHyperFormula: nsPerRow.fastPath / nsPerRow.hyperFormula,
      evaluateOverFloat: nsPerRow.evaluate / nsPerRow.float,
      fastPathOverFloat: nsPerRow.fastPath / nsPerRow.float,
    },
    checks: { fastPathDeferred: deferred, fastPathDiffers, hyperFormulaDiffers, floatDiffers },
  };
}
