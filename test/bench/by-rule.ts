/**
 * A quick look at the batch section alone: `npx node test/bench/by-rule.ts [--rules a,b] [--rows N] [--reps N] [--profile]`.
 * Starts the bench Worker once (workerd.ts), times a CSV batch (JSON out) per rule as `npm run bench`'s
 * batchByRule section does (worker.ts benchBatchByRule), and with `--profile` takes a CPU profile of one
 * batch per rule in the isolate (profile.ts) and prints its top frames. Writes nothing; prints the load average.
 */
import { loadavg } from 'node:os';
import { benchBatchByRule, postBatchAnswer } from './worker.ts';
import { csvForRule } from './rule-csv.ts';
import { chosenRules, reps, rows } from './quick-options.ts';
import { startBenchWorker } from './workerd.ts';
import { profileBatch } from './profile.ts';

const profile = process.argv.includes('--profile');
const rules = chosenRules();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const worker = await startBenchWorker({ inspect: profile });
try {
  console.log(`load before: ${load()}`);
  const figures = await benchBatchByRule(
    worker.url,
    rules.map((rule) => ({ id: rule.id, csv: (count: number) => csvForRule(rule, count) })),
    rows,
    reps,
  );
  for (const f of figures) console.log(`${f.rule.padEnd(32)} ${Math.round(f.rowsPerSecond).toLocaleString('en-US').padStart(9)} rows/s  ok ${f.okRows}`);
  console.log(`load after: ${load()}`);
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
