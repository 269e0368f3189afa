/**
 * The batch route's table path in Node, without workerd or HTTP: a CSV body's bytes → csvRows (form reader,
 * TableBatch) → the JSON answer's rows written into UTF-8 chunks, as the Worker does per pull.
 * `npx node test/bench/table-path.ts [--rules a,b] [--rows N] [--reps N]`. For iterating quickly; the Worker figures are by-rule.ts's.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { writeJsonAnswer } from './json-answer.ts';
import { csvForRule } from './rule-csv.ts';
import { chosenRules, reps, rows } from './quick-options.ts';

const encoder = new TextEncoder();

function once(id: string, bytes: Uint8Array, hash?: ReturnType<typeof createHash>): { ms: number; bytes: number } {
  const t = process.cpuUsage();
  let size = 0;
  writeJsonAnswer(id, bytes, (piece) => {
    size += piece.length;
    hash?.update(piece);
  });
  const used = process.cpuUsage(t);
  return { ms: (used.user + used.system) / 1000, bytes: size };
}

if (process.argv.includes('--hash')) {
  // the answers' bytes, per rule: the same before and after a change that must not change any answer
  for (const rule of chosenRules()) {
    const hash = createHash('sha256');
    once(rule.id, encoder.encode(csvForRule(rule, rows)), hash);
    console.log(`${rule.id.padEnd(32)} ${hash.digest('hex')}`);
  }
  process.exit(0);
}
console.log(
  `load before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const rule of chosenRules()) {
  const bytes = encoder.encode(csvForRule(rule, rows));
  once(rule.id, encoder.encode(csvForRule(rule, 20_000)));
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < reps; i++) {
    const r = once(rule.id, bytes);
    times.push(r.ms);
    size = r.bytes;
  }
  times.sort((a, b) => a - b);
  const rate = (ms: number) =>
    Math.round((rows / ms) * 1000)
      .toLocaleString('en-US')
      .padStart(9);
  console.log(`${rule.id.padEnd(32)} ${rate(times[0])} rows/s of CPU at best, ${rate(times[Math.floor(times.length / 2)])} median  (${size} bytes)`);
}
console.log(
  `load after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
