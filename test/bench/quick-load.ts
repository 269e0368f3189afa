/**
 * A quick look at the load section alone: `npx node test/bench/quick-load.ts [--seconds N] [--connections N]
 * [--rounds N] [--miniflare] [--empty-worker] [--profile] [--no-build]`. Builds and starts the self-hosted server as `npm run
 * bench`'s self-hosted section does (selfhost.ts: `npm run serve`'s workerd on its own config, audit under a
 * throw-away DATA_DIR), then runs the same 50-connection autocannon load on the quick-check route
 * (worker.ts benchLoad) and prints requests/s, p50, p99 and max per round. `--miniflare` runs the same load
 * against the Miniflare-run Worker (workerd.ts) too, for the figures beside it; `--empty-worker` against a Worker
 * that does nothing on the same workerd and config (selfhost.ts), the runtime's own floor. `--profile` opens the
 * self-hosted isolate's DevTools endpoint and prints the top frames of a CPU profile taken during one more
 * round (the profiler slows the isolate: those rounds' figures are not the server's). Writes nothing
 * outside its temporary folder; prints the load average.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { buildSite, freePort, localDevVars } from '../../scripts/local-worker.mjs';
// @ts-expect-error plain ESM helper without types
import { startSelfhost } from '../../scripts/serve.mjs';
// @ts-expect-error plain ESM helper without types
import { buildSelfhost } from '../../selfhost/build.mjs';
import { profileBatch } from './profile.ts';
import { option } from './quick-options.ts';
import { benchLoad, workerdPids, type LoadFigures } from './worker.ts';
import { benchEmptyWorkerLoad, emptyWorkerLine } from './selfhost.ts';
import { startBenchWorker } from './workerd.ts';

const seconds = Number(option('--seconds') ?? 10);
const connections = Number(option('--connections') ?? 50);
const rounds = Number(option('--rounds') ?? 1);
const profile = process.argv.includes('--profile');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const line = (label: string, l: LoadFigures, clientCpuMs: number) => {
  const requests = l.requestsPerSecond * l.seconds;
  const perRequest = (ms: number) => `${((1000 * ms) / Math.max(requests, 1)).toFixed(0)} µs`;
  const server = l.serverCpuMsPerRequest === undefined ? '–' : `${(1000 * l.serverCpuMsPerRequest).toFixed(0)} µs`;
  return `${label.padEnd(14)} ${Math.round(l.requestsPerSecond).toLocaleString('en-US').padStart(6)} req/s  p50 ${String(l.latencyMs.p50).padStart(3)} ms  p99 ${String(l.latencyMs.p99).padStart(3)} ms  max ${String(l.latencyMs.max).padStart(4)} ms  errors ${l.errors}  non-2xx ${l.non2xx}  timeouts ${l.timeouts}  CPU/request: workerd ${server}, autocannon ${perRequest(clientCpuMs)}`;
};

async function rounded(label: string, url: string, pids: readonly number[]) {
  // warm-up: a server in service is warm; the figures are for optimised code
  await benchLoad(url, 2, connections);
  for (let round = 1; round <= rounds; round++) {
    const client = process.cpuUsage();
    const figures = await benchLoad(url, seconds, connections, pids);
    const used = process.cpuUsage(client);
    console.log(line(`${label}${rounds > 1 ? ` #${round}` : ''}`, figures, (used.user + used.system) / 1000));
  }
}

if (!process.argv.includes('--no-build')) {
  buildSite();
  await buildSelfhost();
}
console.log(`load before: ${load()}`);
const data = mkdtempSync(join(tmpdir(), 'bt-quick-load-'));
const inspectorPort = profile ? ((await freePort()) as number) : undefined;
const server = await startSelfhost({ port: await freePort(), dataDir: data, env: { ...process.env, ...localDevVars }, inspectorPort });
try {
  await rounded('self-hosted', server.url, workerdPids());
  if (profile) {
    const poke = () => fetch(`${server.url}/v1/rules`).then((r) => r.arrayBuffer());
    const { busyMs, top } = await profileBatch(`ws://127.0.0.1:${inspectorPort}/main`, () => benchLoad(server.url, seconds, connections), poke);
    console.log(`\nself-hosted isolate under ${seconds} s of load (profiled): ${busyMs} ms busy`);
    for (const frame of top) console.log(`  ${String(frame.selfPercent).padStart(5)}%  ${frame.name}${frame.line ? `@${frame.line}` : ''}`);
  }
} finally {
  await server.stop();
  rmSync(data, { recursive: true, force: true });
}
if (process.argv.includes('--empty-worker')) console.log(emptyWorkerLine(await benchEmptyWorkerLoad(seconds)));
if (process.argv.includes('--miniflare')) {
  const worker = await startBenchWorker();
  try {
    await rounded('miniflare', worker.url, worker.pids);
  } finally {
    await worker.stop();
  }
}
console.log(`load after: ${load()}`);
