/** The README section: the latest benchmark table, the machine it ran on, and the differential findings. */
import type { EvaluationFigures } from './evaluation.ts';
import type { HeapFigures } from './heap.ts';
import type { BatchFigures, LoadFigures } from './worker.ts';
import type { XlsxBatchFigures } from './xlsx-batch.ts';

export interface BenchReport {
  ranAt: string;
  machine: { cpu: string; cores: number; memoryGB: number; node: string; loadAverage: number[] };
  evaluation: EvaluationFigures[];
  /** Idle resident memory of workerd running an empty Worker (the runtime alone) and running ours. */
  memory?: { runtimeIdleMB: number; workerIdleMB: number };
  /** The Worker isolate's own V8 heap during a batch of `rows` rows. */
  isolateHeap?: HeapFigures & { rows: number };
  isolateHeapError?: string;
  /** A LibreOffice-made .xlsx batch (issue 10): rows/s and the isolate's heap. */
  xlsxBatch?: XlsxBatchFigures;
  xlsxBatchError?: string;
  batch?: BatchFigures[];
  load?: LoadFigures;
  workerError?: string;
}

interface DifferentialReport {
  seed: number;
  hyperformula: string;
  rules: Record<string, { inputs: number; differences: number; fragileInputs: number; reasons: Record<string, number>; examples: { inputs: Record<string, unknown>; exact: string; hand: string; fragile: string[] }[] }>;
}

const f = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (x: number) => (x >= 10 ? `${f(x)}×` : x >= 1 ? `${f(x, 1)}×` : `${f(x, 3)}×`);

export function benchTables(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [];
  out.push(`Measured ${report.ranAt} on ${m.cores} × ${m.cpu}, ${f(m.memoryGB, 1)} GB RAM, Node ${m.node} (load average at start ${m.loadAverage.map((x) => f(x, 2)).join(' / ')}).`, '');
  out.push('**Evaluation cost** (100,000 random rows per rule, one process, median of several runs; ns per row). The fast path, HyperFormula and float JS read the same sheet of cells; `evaluate()` gets each row as named inputs and returns the full traceable answer (clause, steps, interpretations):', '');
  out.push('| rule | `evaluate()` | fast path `fastTable().cents` (exact) | fast path as text | HyperFormula (clerk formula) | float JS | evaluate / HyperFormula | fast / HyperFormula | evaluate / float | fast / float | fast as text / float | hand formula ≠ exact | float ≠ exact |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const e of report.evaluation) {
    const n = e.nsPerRow;
    const r = e.ratios;
    out.push(
      `| \`${e.rule}\` | ${f(n.evaluate)} | ${f(n.fastPath)} | ${f(n.fastPathText)} | ${f(n.hyperFormula)} | ${f(n.float, 1)} | ${ratio(r.evaluateOverHyperFormula)} | ${ratio(r.fastPathOverHyperFormula)} | ${ratio(r.evaluateOverFloat)} | ${ratio(r.fastPathOverFloat)} | ${ratio(r.fastPathTextOverFloat)} | ${e.checks.hyperFormulaDiffers} | ${e.checks.floatDiffers} |`,
    );
  }
  out.push(
    '',
    'Targets: ≥ 10× faster than HyperFormula (ratio ≤ 0.1×) and within 10× of float (ratio ≤ 10×), exact. The fast path (whole cents in safe integers, `evaluate()` wherever it cannot be sure) equalled `evaluate()` on every row here ' +
      `(${report.evaluation.map((e) => `${e.checks.fastPathDiffers} differing, ${e.checks.fastPathDeferred} deferred`).join('; ')}).`,
    '',
  );
  const x = report.xlsxBatch;
  if (x) {
    out.push(
      `**xlsx batch** (a ${f(x.rows)}-row workbook made by LibreOffice from the bench's rows, ${f(x.workbookKB)} KB, \`POST /v1/batch/overquota-reward\` as \`.xlsx\`, JSON out, one run): ${f(x.seconds, 2)} s, ${f(x.rowsPerSecond)} rows/s; ` +
        (x.heap
          ? `the Worker isolate's V8 heap ${f(x.heap.idleUsedMB, 1)} MB idle, at most ${f(x.heap.peakUsedMB, 1)} MB in use and ${f(x.heap.peakTotalMB, 1)} MB reserved during the batch (${x.heap.samples} samples; the isolate limit is 128 MB).`
          : `isolate heap not measured (${x.heapError}).`),
      '',
    );
  } else if (report.xlsxBatchError) out.push(`**xlsx batch**: not measured (${report.xlsxBatchError}).`, '');
  if (report.batch) {
    out.push('**Batch throughput** (`POST /v1/batch/overquota-reward`, CSV in, JSON out, the Worker as `wrangler deploy` bundles it, run by Miniflare in one workerd process on 127.0.0.1, without `wrangler dev`\'s proxy and inspector; after a 20,000-row warm-up batch, median of 3):', '');
    out.push('| rows | seconds | rows/s | workerd peak RSS (MB) | growth during the batch (MB) |', '|--:|--:|--:|--:|--:|');
    for (const b of report.batch) out.push(`| ${f(b.rows)} | ${f(b.seconds, 2)} | ${f(b.rowsPerSecond)} | ${f(b.peakMemoryMB, 1)} | ${f(b.growthMB, 1)} |`);
    out.push('', 'Targets: ≥ 100,000 rows/s; peak < 64 MB at 100k rows; linear growth.');
    if (report.memory) {
      const m = report.memory;
      out.push(
        '',
        `Idle, the same workerd set-up running a Worker that only says "ok" holds ${f(m.runtimeIdleMB, 1)} MB; with this Worker loaded, ${f(m.workerIdleMB, 1)} MB (our code and its D1 binding: ${f(m.workerIdleMB - m.runtimeIdleMB, 1)} MB).`,
      );
    }
    if (report.isolateHeap) {
      const h = report.isolateHeap;
      out.push(
        '',
        `The Worker's own isolate (its V8 heap, read with DevTools' \`Runtime.getHeapUsage\` every few ms during ${f(h.rows)}-row batches, highest of 3): ${f(h.idleUsedMB, 1)} MB in use idle, at most ${f(h.peakUsedMB, 1)} MB in use and ${f(h.peakTotalMB, 1)} MB reserved during the batch (${h.samples} samples${h.lost ? `, ${h.lost} unanswered` : ''}). The rest of the process is the runtime: Miniflare runs eight more isolates of its own (D1, cache, entry, dev control …) beside it.`,
      );
    }
    if (report.isolateHeapError) out.push('', `The Worker isolate's heap was not measured: ${report.isolateHeapError}.`);
    out.push('');
  }
  if (report.load) {
    const l = report.load;
    out.push(`**Load** (autocannon, ${l.seconds} s, ${l.connections} connections, loopback, \`${l.route}\`):`, '');
    out.push('| requests/s | p50 latency (ms) | p99 latency (ms) | max (ms) | errors | non-2xx | timeouts |', '|--:|--:|--:|--:|--:|--:|--:|');
    out.push(`| ${f(l.requestsPerSecond)} | ${f(l.latencyMs.p50)} | ${f(l.latencyMs.p99)} | ${f(l.latencyMs.max)} | ${l.errors} | ${l.non2xx} | ${l.timeouts} |`, '');
  }
  if (report.workerError) out.push(`**Batch and load not measured**: ${report.workerError}`, '');
  return out.join('\n');
}

export function differentialSection(d: DifferentialReport | undefined): string {
  if (!d) return '_No differential results yet: run `npm test` (test/rules/differential.test.ts writes test-output/differential.json)._\n';
  const out: string[] = [];
  out.push(`Each rule below was computed for ≥ 10,000 random inputs plus the boundaries (seed ${d.seed}) three ways: by the rules package, by an exact reference in BigInt rationals written independently in the test, and by the formula a clerk types into Excel, evaluated by HyperFormula ${d.hyperformula}. The rules package equalled the exact reference on every input. The hand formula did not:`, '');
  out.push('| rule | inputs | hand formula differs | where (as predicted by the exact reference) |', '|---|--:|--:|---|');
  for (const [rule, r] of Object.entries(d.rules)) {
    out.push(`| \`${rule}\` | ${f(r.inputs)} | ${f(r.differences)} | ${Object.entries(r.reasons).map(([why, n]) => `${why}: ${n}`).join('; ') || '—'} |`);
  }
  out.push('', 'Examples (exact answer vs the hand formula):', '');
  for (const [rule, r] of Object.entries(d.rules)) {
    for (const e of r.examples.slice(0, 3)) {
      out.push(`- \`${rule}\` ${Object.entries(e.inputs).map(([k, v]) => `${k}=${v}`).join(', ')}: exact **${e.exact}**, hand formula ${e.hand} (${e.fragile.join('; ')})`);
    }
  }
  out.push('', 'Every difference is at an input where binary floating point is fragile: `ROUND` of an amount that is exactly x.xx5 (the float is a hair below the half cent and rounds down), `FLOOR` of a difference that is exactly a whole number (the float lands just below it), or a threshold met exactly (1 % of staff). That is the reason to use the functions rather than hand formulas.', '');
  return out.join('\n');
}

export function readmeSection(report: BenchReport, differential: DifferentialReport | undefined): string {
  return ['## Benchmarks', '', 'Latest `npm run bench` (sources in `test/bench/`; figures in `test-output/bench.json`).', '', benchTables(report), '## Exactness against hand formulas', '', differentialSection(differential)].join('\n');
}
