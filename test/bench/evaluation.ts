/**
 * Evaluation cost: 100,000 rows of a rule computed in one process by the path a batch runs (one
 * `BatchEvaluator` over the rows: the rule's single definition, untraced), by `evaluate()` (the full
 * traceable answer, the path a quick check or a cell runs), by the clerk's Excel formula in HyperFormula,
 * and by plain float JavaScript. HyperFormula and the float code read one sheet (an array of cells per
 * row, in the clerk's column order); our paths get the same rows as named inputs. Each is warmed up, then
 * all are timed in turn, round after round (so the machine's load falls on them alike); each one's median is kept.
 */
import { HyperFormula } from 'hyperformula';
import { BatchEvaluator, evaluate, findRule } from '../../rules/index.ts';
import { clerk, type Cells } from './clerk.ts';
import { rowsFor } from './rows.ts';
import { median } from './median.ts';

export interface EvaluationFigures {
  rule: string;
  rows: number;
  nsPerRow: { batch: number; evaluate: number; hyperFormula: number; float: number };
  ratios: { batchOverHyperFormula: number; evaluateOverHyperFormula: number; batchOverFloat: number; evaluateOverFloat: number };
  /** Rows where the batch path, the hand formula or float differ from evaluate() by a cent or more. */
  checks: { batchDiffers: number; hyperFormulaDiffers: number; floatDiffers: number };
}

/**
 * Median milliseconds of each path, timed in rounds: every round runs every path (`reps` times each), so a
 * change in the machine's load during the measurement falls on all of them alike and their ratios hold.
 */
function timeInRounds<K extends string>(rounds: number, paths: Record<K, { reps: number; run: () => void }>): Record<K, number> {
  const entries = Object.entries(paths) as [K, { reps: number; run: () => void }][];
  for (const [, path] of entries) path.run(); // warm-up
  const runs = new Map<K, number[]>(entries.map(([k]) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [k, path] of entries) {
      for (let i = 0; i < path.reps; i++) {
        const t = performance.now();
        path.run();
        runs.get(k)!.push(performance.now() - t);
      }
    }
  }
  return Object.fromEntries(entries.map(([k]) => [k, median(runs.get(k)!)])) as Record<K, number>;
}

const centsOf = (x: unknown) => (typeof x === 'number' ? Math.round(x * 100) : Number.NaN);
const centsOfText = (x: string) => Math.round(Number(x) * 100);

export function benchEvaluation(ruleId: string, count = 100_000): EvaluationFigures {
  const rule = findRule(ruleId)!;
  const rows = rowsFor(ruleId, count);
  const version = clerk[ruleId];
  const sheet: Cells[] = rows.map((row) => version.columns.map((c) => row[c]));
  const ours: string[] = new Array(count);
  const batched: string[] = new Array(count);
  const floats = new Float64Array(count);
  let hand: unknown[][] = [];

  const evaluateAll = () => {
    for (let i = 0; i < count; i++) {
      const r = evaluate(ruleId, rows[i]);
      ours[i] = r.ok ? (r.result.amount as string) : `error ${r.error.code}`;
    }
  };
  const batchAll = () => {
    const batch = new BatchEvaluator(rule);
    for (let i = 0; i < count; i++) {
      const row = batch.add(rows[i]);
      batched[i] = row.result ? (row.result.amount as string) : `error ${row.error?.code}`;
    }
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
  const ms = timeInRounds(3, {
    batch: { reps: 2, run: batchAll },
    evaluate: { reps: 1, run: evaluateAll },
    hyperFormula: { reps: 1, run: hyperFormulaAll },
    float: { reps: 3, run: floatAll },
  });
  const nsPerRow = { batch: ns(ms.batch), evaluate: ns(ms.evaluate), hyperFormula: ns(ms.hyperFormula), float: ns(ms.float) };
  let batchDiffers = 0;
  let hyperFormulaDiffers = 0;
  let floatDiffers = 0;
  const col = version.columns.length;
  for (let i = 0; i < count; i++) {
    const exact = centsOfText(ours[i]);
    if (batched[i] !== ours[i]) batchDiffers++;
    if (centsOf(hand[i][col]) !== exact) hyperFormulaDiffers++;
    if (centsOf(floats[i]) !== exact) floatDiffers++;
  }
  return {
    rule: ruleId,
    rows: count,
    nsPerRow,
    ratios: {
      batchOverHyperFormula: nsPerRow.batch / nsPerRow.hyperFormula,
      evaluateOverHyperFormula: nsPerRow.evaluate / nsPerRow.hyperFormula,
      batchOverFloat: nsPerRow.batch / nsPerRow.float,
      evaluateOverFloat: nsPerRow.evaluate / nsPerRow.float,
    },
    checks: { batchDiffers, hyperFormulaDiffers, floatDiffers },
  };
}
