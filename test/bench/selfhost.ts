/**
 * The self-hosted server (`npm run serve`: workerd on its own config, audit in a Durable Object's
 * SQLite under DATA_DIR) measured as the Miniflare-run Worker is: batch rows/s and peak RSS, then the
 * 50-connection load, then its resident memory after the load — what one instance holds.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { buildSite, freePort, localDevVars } from '../../scripts/local-worker.mjs';
// @ts-expect-error plain ESM helper without types
import { startSelfhost } from '../../scripts/serve.mjs';
// @ts-expect-error plain ESM helper without types
import { buildSelfhost, outDir } from '../../selfhost/build.mjs';
import { benchBatches, benchLoad, residentMB, workerdPids, type BatchFigures, type LoadFigures } from './worker.ts';

export interface SelfhostFigures {
  idleMB: number;
  batch: BatchFigures[];
  load: LoadFigures;
  /** Resident memory of the workerd process right after the load, in MB. */
  afterLoadMB: number;
  /**
   * The same load on a Worker that does nothing (it answers a fixed `{"ok":true}`), run by the same workerd
   * on the same config: what the runtime and this machine give before any of our code runs.
   */
  emptyWorkerLoad?: LoadFigures;
}

/** A Worker that answers every request with a fixed JSON body, and the audit's class the config names. */
const EMPTY_WORKER = `export class AuditLog { fetch() { return new Response(''); } }
export default { fetch: () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json; charset=utf-8' } }) };
`;

/** The load on the empty Worker (see `emptyWorkerLoad`): the self-hosted config beside an empty worker.js. */
export async function benchEmptyWorkerLoad(seconds: number): Promise<LoadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bt-bench-empty-'));
  copyFileSync(join(outDir, 'workerd.capnp'), join(dir, 'workerd.capnp'));
  writeFileSync(join(dir, 'worker.js'), EMPTY_WORKER);
  const before = new Set(workerdPids());
  const server = await startSelfhost({
    port: await freePort(),
    dataDir: join(dir, 'data'),
    config: join(dir, 'workerd.capnp'),
    env: { ...process.env, ...localDevVars },
  });
  try {
    await benchLoad(server.url, 2); // warm, as the Worker's own load is after its batches
    return await benchLoad(
      server.url,
      seconds,
      50,
      workerdPids().filter((pid) => !before.has(pid)),
    );
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSelfhost(quick: boolean): Promise<SelfhostFigures> {
  buildSite();
  await buildSelfhost();
  const data = mkdtempSync(join(tmpdir(), 'bt-bench-data-'));
  const server = await startSelfhost({ port: await freePort(), dataDir: data, env: { ...process.env, ...localDevVars } });
  let ours: Omit<SelfhostFigures, 'emptyWorkerLoad'>;
  try {
    const pids = workerdPids();
    if (pids.length === 0) throw new Error('no workerd process found');
    await (await fetch(`${server.url}/v1/rules`)).arrayBuffer();
    const idleMB = residentMB(pids);
    const batch = await benchBatches({ url: server.url, pids }, quick ? [1_000, 10_000] : undefined);
    const load = await benchLoad(server.url, quick ? 5 : 20, 50, pids);
    ours = { idleMB, batch, load, afterLoadMB: residentMB(pids) };
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
  // once ours has stopped, so the two never share the machine
  return { ...ours, emptyWorkerLoad: await benchEmptyWorkerLoad(quick ? 5 : 20) };
}

const f = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** `, workerd CPU … ms a request` when the load measured it. */
export const cpuPerRequest = (l: LoadFigures) => (l.serverCpuMsPerRequest === undefined ? '' : `, workerd CPU ${f(l.serverCpuMsPerRequest, 3)} ms a request`);

/** The empty Worker's figures under the same load: the runtime's own floor on this machine. */
export const emptyWorkerLine = (e: LoadFigures) =>
  `The same load on an empty Worker (answers \`{"ok":true}\`; same workerd, same config): ${f(e.requestsPerSecond)} requests/s, p50 ${f(e.latencyMs.p50)} ms, p99 ${f(e.latencyMs.p99)} ms, ${e.errors} errors${cpuPerRequest(e)}.`;

export function selfhostTable(s: SelfhostFigures): string {
  const l = s.load;
  return [
    '**Self-hosted** (`npm run serve`: the same Worker in workerd on its own config, no Miniflare; every batch audited in SQLite under DATA_DIR; same batches and load as above):',
    '',
    '| rows | seconds | rows/s | workerd peak RSS (MB) | growth during the batch (MB) |',
    '|--:|--:|--:|--:|--:|',
    ...s.batch.map((b) => `| ${f(b.rows)} | ${f(b.seconds, 2)} | ${f(b.rowsPerSecond)} | ${f(b.peakMemoryMB, 1)} | ${f(b.growthMB, 1)} |`),
    '',
    `Load (${l.connections} connections, ${l.seconds} s, \`${l.route}\`): ${f(l.requestsPerSecond)} requests/s, p50 ${f(l.latencyMs.p50)} ms, p99 ${f(l.latencyMs.p99)} ms, ${l.errors} errors, ${l.non2xx} non-2xx${cpuPerRequest(l)}. RSS ${f(s.idleMB, 1)} MB idle, ${f(s.afterLoadMB, 1)} MB after the load.`,
    '',
    ...(s.emptyWorkerLoad ? [emptyWorkerLine(s.emptyWorkerLoad), ''] : []),
  ].join('\n');
}
