/**
 * A quick look at the batch section alone: `npx node test/bench/by-rule.ts [--rules a,b] [--rows N] [--reps N] [--profile]`.
 * Starts the bench Worker once (workerd.ts), times a CSV batch (JSON out) per rule as `npm run bench`'s
 * batchByRule section does (worker.ts benchBatchByRule), and with `--profile` takes a CPU profile of one
 * batch per rule in the isolate (profile.ts) and prints its top frames. Writes nothing; prints the load average.
 * `--stub-evaluation` runs a bundle whose `evaluateRow` (slots, options, facts) answers every row with one fixed result (a value per
 * output): what the rest of the path (body, CSV, cells, answer) costs without the rule's coercion and evaluation.
 * `--cpu` also posts each batch `--reps` more times and reports rows per second of workerd's own CPU time (best
 * of the reps; /proc/<pid>/stat, 10 ms ticks): steadier than wall time on a shared machine. `--floor` runs
 * floor.ts's Worker instead: the same rows answered with copies of real answer rows, no input read, no rule run.
 */
import { loadavg } from 'node:os';
import { benchBatchByRule, cpuMsOf, postBatchAnswer } from './worker.ts';
import { csvBatchesFor, csvForRule } from './rule-csv.ts';
import { chosenRules, reps, rows } from './quick-options.ts';
import { startBenchWorker } from './workerd.ts';
import { profileBatch } from './profile.ts';
import { floorWorkerScript } from './floor.ts';

const profile = process.argv.includes('--profile');
const stub = process.argv.includes('--stub-evaluation');
const floor = process.argv.includes('--floor');
const cpu = process.argv.includes('--cpu');

/** CPU seconds (user + system) the processes have used so far. */
const cpuSeconds = (pids: readonly number[]) => cpuMsOf(pids) / 1000;

/** The bundle with `evaluateRow` answering at once (see the file's comment); fails if the function is not found. */
function stubEvaluation(script: string): string {
  const found = /function (evaluateRow\d*)\(\w+, \w+, (\w+)\) \{/.exec(script);
  if (!found) throw new Error('--stub-evaluation: evaluateRow not found in the bundle');
  const stubbed = `${found[0]}\n  return stubRowEvaluation(${found[2]}.rule);`;
  const helper = `
const stubResults = new WeakMap();
function stubRowEvaluation(rule) {
  let result = stubResults.get(rule);
  if (!result) {
    result = {};
    for (const o of rule.outputs) result[o.name] = o.type === 'money' ? '1234.56' : o.type === 'boolean' ? true : o.type === 'integer' ? 12 : 'text';
    stubResults.set(rule, result);
  }
  return { ok: true, rule: rule.id, result, eligible: true, failedConditions: [], warnings: [] };
}
`;
  return helper + script.replace(found[0], stubbed);
}
const rules = chosenRules();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const worker = await startBenchWorker({
  inspect: profile,
  ...(stub ? { transform: stubEvaluation } : floor ? { transform: () => floorWorkerScript(rules) } : {}),
});
try {
  console.log(`load before: ${load()}${stub ? '  (evaluation stubbed)' : floor ? '  (the answer floor: floor.ts)' : ''}`);
  const figures = await benchBatchByRule(worker.url, csvBatchesFor(rules), rows, reps);
  for (const f of figures) console.log(`${f.rule.padEnd(32)} ${Math.round(f.rowsPerSecond).toLocaleString('en-US').padStart(9)} rows/s  ok ${f.okRows}`);
  console.log(`load after: ${load()}`);
  if (cpu) {
    for (const rule of rules) {
      const csv = csvForRule(rule, rows);
      let best = Infinity;
      for (let i = 0; i < reps; i++) {
        const before = cpuSeconds(worker.pids);
        await postBatchAnswer(worker.url, csv, rows, rule.id);
        best = Math.min(best, cpuSeconds(worker.pids) - before);
      }
      console.log(
        `${rule.id.padEnd(32)} ${Math.round(rows / best)
          .toLocaleString('en-US')
          .padStart(9)} rows per CPU second (best of ${reps})`,
      );
    }
  }
  if (profile) {
    const poke = () => fetch(`${worker.url}/v1/rules`).then((r) => r.arrayBuffer());
    for (const rule of rules) {
      const csv = csvForRule(rule, 20_000);
      const { busyMs, top } = await profileBatch(worker.inspector!, () => postBatchAnswer(worker.url, csv, 20_000, rule.id), poke);
      console.log(`\n${rule.id}: ${busyMs} ms busy for 20,000 rows`);
      for (const frame of top) console.log(`  ${String(frame.selfPercent).padStart(5)}%  ${frame.name}${frame.line ? `@${frame.line}` : ''}`);
    }
  }
} finally {
  await worker.stop();
}
