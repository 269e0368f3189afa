/**
 * The `.xlsx` reader alone, in Node: `npx node test/bench/xlsx-read.ts [--rows N] [--reps N] [--sync]`.
 * Reads the bench's wide workbook (wide-workbook.ts) as the Worker does (Node's native inflater, each
 * piece of rows after `readAhead`), or with `--sync` through fflate, and prints the CPU time of the best
 * run: the reader's own cost, without the rules or the answer (xlsx-quick.ts measures the whole route).
 */
import { openWorkbook } from '../../rules/tables/workbook.ts';
import { reps, rows } from './quick-options.ts';
import { wideWorkbook } from './wide-workbook.ts';

const sync = process.argv.includes('--sync');
const native = () => new DecompressionStream('deflate-raw');
const bytes = wideWorkbook(rows);

async function readAll(): Promise<number> {
  const book = openWorkbook(bytes, undefined, sync ? undefined : native);
  if (!book.ok) throw new Error(book.error.message.en);
  const name = book.value.sheets[0].name;
  await book.value.prepare?.(name);
  const sheet = book.value.open(name);
  if (!sheet.ok) throw new Error(sheet.error.message.en);
  let count = 0;
  for (;;) {
    await book.value.readAhead?.();
    for (let n = 0; n < 512; n++) {
      if (!sheet.value.next()) return count;
      count++;
    }
  }
}

let best = Infinity;
for (let n = 0; n < reps; n++) {
  const before = process.cpuUsage();
  const count = await readAll();
  const used = process.cpuUsage(before);
  const seconds = (used.user + used.system) / 1e6;
  best = Math.min(best, seconds);
  console.log(
    `run ${n + 1}: ${count.toLocaleString('en-US')} rows, ${seconds.toFixed(3)} s CPU, ${Math.round(count / seconds).toLocaleString('en-US')} rows per CPU second`,
  );
}
console.log(`best: ${best.toFixed(3)} s CPU, ${Math.round(rows / best).toLocaleString('en-US')} rows per CPU second`);
