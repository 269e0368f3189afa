/**
 * The self-hosted server (`npm run serve`: workerd on its own config, audit in a Durable Object's
 * SQLite under DATA_DIR) measured as the Miniflare-run Worker is: batch rows/s and peak RSS, then the
 * 50-connection load, then its resident memory after the load — what one instance holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { buildSite, freePort, localDevVars } from '../../scripts/local-worker.mjs';
// @ts-expect-error plain ESM helper without types
import { startSelfhost } from '../../scripts/serve.mjs';
// @ts-expect-error plain ESM helper without types
import { buildSelfhost } from '../../selfhost/build.mjs';
import { benchBatches, benchLoad, residentMB, workerdPids, type BatchFigures, type LoadFigures } from './worker.ts';

export interface SelfhostFigures {
  idleMB: number;
  batch: BatchFigures[];
  load: LoadFigures;
  /** Resident memory of the workerd process right after the load, in MB. */
  afterLoadMB: number;
}

export async function benchSelfhost(quick: boolean): Promise<SelfhostFigures> {
  buildSite();
  await buildSelfhost();
  const data = mkdtempSync(join(tmpdir(), 'bt-bench-data-'));
  const server = await startSelfhost({ port: await freePort(), dataDir: data, env: { ...process.env, ...localDevVars } });
  try {
    const pids = workerdPids();
    if (pids.length === 0) throw new Error('no workerd process found');
    await (await fetch(`${server.url}/v1/rules`)).arrayBuffer();
    const idleMB = residentMB(pids);
    const batch = await benchBatches({ url: server.url, pids }, quick ? [1_000, 10_000] : undefined);
    const load = await benchLoad(server.url, quick ? 5 : 20);
    return { idleMB, batch, load, afterLoadMB: residentMB(pids) };
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

const f = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function selfhostTable(s: SelfhostFigures): string {
  const l = s.load;
  return [
    '**Self-hosted** (`npm run serve`: the same Worker in workerd on its own config, no Miniflare; every batch audited in SQLite under DATA_DIR; same batches and load as above):',
    '',
    '| rows | seconds | rows/s | workerd peak RSS (MB) | growth during the batch (MB) |',
    '|--:|--:|--:|--:|--:|',
    ...s.batch.map((b) => `| ${f(b.rows)} | ${f(b.seconds, 2)} | ${f(b.rowsPerSecond)} | ${f(b.peakMemoryMB, 1)} | ${f(b.growthMB, 1)} |`),
    '',
    `Load (${l.connections} connections, ${l.seconds} s, \`${l.route}\`): ${f(l.requestsPerSecond)} requests/s, p50 ${f(l.latencyMs.p50)} ms, p99 ${f(l.latencyMs.p99)} ms, ${l.errors} errors, ${l.non2xx} non-2xx. RSS ${f(s.idleMB, 1)} MB idle, ${f(s.afterLoadMB, 1)} MB after the load.`,
    '',
  ].join('\n');
}
