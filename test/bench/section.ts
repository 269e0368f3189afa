/** The README section: the latest benchmark table, the machine it ran on, and the differential findings. */
import type { EvaluationFigures } from './evaluation.ts';
import type { HeapFigures } from './heap.ts';
import type { BatchFigures, LoadFigures, RuleBatchFigures } from './worker.ts';
import { selfhostTable, type SelfhostFigures } from './selfhost.ts';

/** The goal (issue 12): every rule at least this many rows a second at 100k rows in workerd, and the isolate heap below this. */
export const GOAL_ROWS_PER_SECOND = 300_000;
export const GOAL_ISOLATE_HEAP_MB = 32;
import type { XlsxBatchFigures } from './xlsx-batch.ts';

export interface BenchReport {
  ranAt: string;
  machine: { cpu: string; cores: number; memoryGB: number; node: string; loadAverage: number[] };
  evaluation: EvaluationFigures[];
  /** Idle resident memory of workerd running an empty Worker (the runtime alone) and running ours. */
  memory?: { runtimeIdleMB: number; workerIdleMB: number };
  /** The Worker isolate's own V8 heap during a batch of `rows` rows. */
  isolateHeap?: HeapFigures & { rows: number };
  /** The Worker isolate's peak heap in use during a 100k-row batch (MB): `isolateHeap.peakUsedMB`. */
  isolateHeapMB?: number;
  isolateHeapError?: string;
  /** A CSV batch through the Worker in workerd, for every rule that takes CSV. */
  batchByRule?: RuleBatchFigures[];
  /** A LibreOffice-made .xlsx batch (issue 10): rows/s and the isolate's heap. */
  xlsxBatch?: XlsxBatchFigures;
  xlsxBatchError?: string;
  batch?: BatchFigures[];
  load?: LoadFigures;
  workerError?: string;
  /** The self-hosted server (npm run serve), same batches and load. */
  selfhost?: SelfhostFigures;
  selfhostError?: string;
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
  out.push('**Evaluation cost** (100,000 random rows per rule, one process, median of several runs; ns per row). HyperFormula and float JS read a sheet of cells; the batch path (`BatchEvaluator`, the rule\'s one definition, untraced, as the Worker runs a batch) and `evaluate()` (the full traceable answer: clause, steps, interpretations) get each row as named inputs:', '');
  out.push('| rule | batch path | `evaluate()` | HyperFormula (clerk formula) | float JS | batch / HyperFormula | evaluate / HyperFormula | batch / float | evaluate / float | hand formula ≠ exact | float ≠ exact |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const e of report.evaluation) {
    const n = e.nsPerRow;
    const r = e.ratios;
    out.push(
      `| \`${e.rule}\` | ${f(n.batch)} | ${f(n.evaluate)} | ${f(n.hyperFormula)} | ${f(n.float, 1)} | ${ratio(r.batchOverHyperFormula)} | ${ratio(r.evaluateOverHyperFormula)} | ${ratio(r.batchOverFloat)} | ${ratio(r.evaluateOverFloat)} | ${e.checks.hyperFormulaDiffers} | ${e.checks.floatDiffers} |`,
    );
  }
  out.push('', `The batch path equalled \`evaluate()\` on every row here (${report.evaluation.map((e) => `${e.checks.batchDiffers} differing`).join('; ')}).`, '');
  out.push(goalLine(report), '');
  if (report.batchByRule) {
    out.push(
      `**Batch throughput by rule** (\`POST /v1/batch/{rule}\`, a ${f(report.batchByRule[0]?.rows ?? 0)}-row CSV generated from the rule's input specs, JSON out, through the Worker as \`wrangler deploy\` bundles it, run by Miniflare in one workerd process on 127.0.0.1; after a warm-up batch, median of 3):`,
      '',
    );
    out.push('| rule | rows | rows/s | seconds | rows answered (not refused) |', '|---|--:|--:|--:|--:|');
    for (const b of report.batchByRule) out.push(`| \`${b.rule}\` | ${f(b.rows)} | ${f(b.rowsPerSecond)} | ${f(b.seconds, 2)} | ${f(b.okRows)} |`);
    out.push('');
  }
  const x = report.xlsxBatch;
  if (x) {
    out.push(
      `**xlsx batch** (a ${f(x.rows)}-row, ${x.columns}-column workbook with two long text columns, streamed, ${f(x.workbookKB)} KB, \`POST /v1/batch/overquota-reward\` as \`.xlsx\`, JSON out, one run): ${f(x.seconds, 2)} s, ${f(x.rowsPerSecond)} rows/s; ` +
        (x.heap
          ? `the Worker isolate's V8 heap ${f(x.heap.idleUsedMB, 1)} MB idle, at most ${f(x.heap.peakUsedMB, 1)} MB in use and ${f(x.heap.peakTotalMB, 1)} MB reserved during the batch (${x.heap.samples} samples; the isolate limit is 128 MB).`
          : `isolate heap not measured (${x.heapError}).`),
      '',
    );
  } else if (report.xlsxBatchError) out.push(`**xlsx batch**: not measured (${report.xlsxBatchError}).`, '');
  if (report.batch) {
    out.push('**Batch sizes and process memory** (`POST /v1/batch/overquota-reward`, same set-up; median of 3). The workerd process\'s RSS is information, not a target: it measures Miniflare\'s runtime more than this Worker (see below):', '');
    out.push('| rows | seconds | rows/s | workerd peak RSS (MB) | growth during the batch (MB) |', '|--:|--:|--:|--:|--:|');
    for (const b of report.batch) out.push(`| ${f(b.rows)} | ${f(b.seconds, 2)} | ${f(b.rowsPerSecond)} | ${f(b.peakMemoryMB, 1)} | ${f(b.growthMB, 1)} |`);
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
  if (report.selfhost) out.push(selfhostTable(report.selfhost));
  if (report.selfhostError) out.push(`**Self-hosted server not measured**: ${report.selfhostError}`, '');
  if (report.workerError) out.push(`**Batch and load not measured**: ${report.workerError}`, '');
  return out.join('\n');
}

/** The goal, stated as met or not, with the rules that miss it. */
export function goalLine(report: BenchReport): string {
  const byRule = report.batchByRule ?? [];
  const slow = byRule.filter((b) => b.rowsPerSecond < GOAL_ROWS_PER_SECOND);
  const speed = byRule.length === 0
    ? 'not measured'
    : slow.length === 0
      ? `**met** by all ${byRule.length} rules that take CSV (slowest: ${f(Math.min(...byRule.map((b) => b.rowsPerSecond)))} rows/s)`
      : `**not met** by ${slow.length} of ${byRule.length} rules (${slow.map((b) => `\`${b.rule}\` ${f(b.rowsPerSecond)}`).join(', ')} rows/s)`;
  const heap = report.isolateHeapMB === undefined
    ? `not measured (${report.isolateHeapError ?? 'unknown'})`
    : report.isolateHeapMB < GOAL_ISOLATE_HEAP_MB
      ? `**met** (${f(report.isolateHeapMB, 1)} MB in use at its peak)`
      : `**not met** (${f(report.isolateHeapMB, 1)} MB)`;
  return `**Goal**: every rule ≥ ${f(GOAL_ROWS_PER_SECOND)} rows/s for a 100,000-row CSV batch in workerd — ${speed}; the Worker isolate's heap < ${GOAL_ISOLATE_HEAP_MB} MB during a 100,000-row batch — ${heap}.`;
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
