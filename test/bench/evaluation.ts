/**
 * Evaluation cost: 100,000 rows of a rule computed in one process by our `evaluate()` (the full
 * traceable answer), our exact fast path `fastTable()` (whole cents, and the same printed as text), the
 * clerk's Excel formula in HyperFormula, and plain float JavaScript. The fast path, HyperFormula and the
 * float code read the same sheet (one array of cells per row, in the clerk's column order); `evaluate()`
 * gets the same rows as named inputs. Each is warmed up and timed several times; the median is kept.
 */
import { HyperFormula } from 'hyperformula';
import { evaluate, fastTable } from '../../rules/index.ts';
import { clerk, type Cells } from './clerk.ts';
import { rowsFor } from './rows.ts';

export interface EvaluationFigures {
  rule: string;
  rows: number;
  nsPerRow: { evaluate: number; fastPath: number; fastPathText: number; hyperFormula: number; float: number };
  ratios: { evaluateOverHyperFormula: number; fastPathOverHyperFormula: number; evaluateOverFloat: number; fastPathOverFloat: number; fastPathTextOverFloat: number };
  /** Rows where the fast path deferred to evaluate(); rows where the fast path / hand formula / float differ from evaluate() by a cent or more. */
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
  const sheet: Cells[] = rows.map((row) => version.columns.map((c) => row[c]));
  const table = fastTable(ruleId, version.columns);
  if (!table) throw new Error(`no fast path for ${ruleId} over ${version.columns.join(', ')}`);
  const ours: string[] = new Array(count);
  const fast = new Float64Array(count);
  const fastText: string[] = new Array(count);
  const floats = new Float64Array(count);
  let hand: unknown[][] = [];
  let deferred = 0;

  const full = (i: number) => {
    const r = evaluate(ruleId, rows[i]);
    return r.ok ? (r.result.amount as string) : `error ${r.error.code}`;
  };
  const evaluateAll = () => {
    for (let i = 0; i < count; i++) ours[i] = full(i);
  };
  // the fast path where it answers, evaluate() where it defers (none of these rows, as `checks` shows)
  const fastAll = () => {
    deferred = 0;
    for (let i = 0; i < count; i++) {
      const cents = table.cents(sheet[i]);
      if (cents !== undefined) {
        fast[i] = cents;
      } else {
        deferred++;
        fast[i] = centsOfText(full(i));
      }
    }
  };
  const fastTextAll = () => {
    for (let i = 0; i < count; i++) fastText[i] = table.amount(sheet[i]) ?? full(i);
  };
  const floatAll = () => {
    const f = version.float;
    for (let i = 0; i < count; i++) floats[i] = f(sheet[i]);
  };
  const formulas = sheet.map((cells, i) => [...cells, version.formula(i + 1)]);
  const hyperFormulaAll = () => {
    const hf = HyperFormula.buildFromArray(formulas, { licenseKey: 'gpl-v3', maxRows: count + 1 });
    hand = hf.getSheetValues(0);
    hf.destroy();
  };

  const ns = (ms: number) => (ms * 1e6) / count;
  const nsPerRow = {
    evaluate: ns(time(3, evaluateAll)),
    fastPath: ns(time(9, fastAll)),
    fastPathText: ns(time(9, fastTextAll)),
    hyperFormula: ns(time(3, hyperFormulaAll)),
    float: ns(time(9, floatAll)),
  };
  let fastPathDiffers = 0;
  let hyperFormulaDiffers = 0;
  let floatDiffers = 0;
  const col = version.columns.length;
  for (let i = 0; i < count; i++) {
    const exact = centsOfText(ours[i]);
    if (fast[i] !== exact || fastText[i] !== ours[i]) fastPathDiffers++;
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
      fastPathTextOverFloat: nsPerRow.fastPathText / nsPerRow.float,
    },
    checks: { fastPathDeferred: deferred, fastPathDiffers, hyperFormulaDiffers, floatDiffers },
  };
}
