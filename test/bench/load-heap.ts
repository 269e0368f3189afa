/**
 * Issue 13, finding 11: the Worker isolate's own V8 heap under the load test's traffic (50 connections of
 * quick checks), sampled through workerd's DevTools endpoint while autocannon runs, beside the workerd
 * process's RSS before and after. If our code kept anything per request (a cache, a closure, a body), the
 * isolate's heap would climb with the requests served; it is read again after the load, once V8 has had a
 * moment to collect.
 */
import { sampleHeap, type HeapFigures } from './heap.ts';
import { benchLoad, residentMB, type LoadFigures } from './worker.ts';
import { startBenchWorker } from './workerd.ts';

export interface LoadHeapFigures extends HeapFigures {
  seconds: number;
  connections: number;
  requests: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  /** The isolate's heap in use a few seconds after the load ended. */
  afterUsedMB: number;
  load: LoadFigures;
}

export async function loadHeap(seconds = 20, connections = 50): Promise<LoadHeapFigures> {
  const worker = await startBenchWorker({ inspect: true });
  try {
    await (await fetch(`${worker.url}/v1/rules`)).arrayBuffer();
    const rssBeforeMB = residentMB(worker.pids);
    let load: LoadFigures | undefined;
    const heap = await sampleHeap(worker.inspector!, async () => (load = await benchLoad(worker.url, seconds, connections)));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // A batch of no work lets the sampler read the settled heap through the same path.
    const after = await sampleHeap(worker.inspector!, () => new Promise((resolve) => setTimeout(resolve, 50)));
    return {
      ...heap,
      seconds,
      connections,
      requests: Math.round(load!.requestsPerSecond * seconds),
      rssBeforeMB,
      rssAfterMB: residentMB(worker.pids),
      afterUsedMB: after.idleUsedMB,
      load: load!,
    };
  } finally {
    await worker.stop();
  }
}

export function loadHeapTable(figures: LoadHeapFigures | undefined, error?: string): string {
  if (!figures) return `**Isolate heap under load**: not measured (${error ?? 'no figures'}).`;
  const f = (n: number) => n.toFixed(1);
  return [
    `**Isolate heap under load** (${figures.connections} connections, ${figures.seconds} s, about ${figures.requests.toLocaleString('en')} quick checks, ${figures.samples} heap samples):`,
    '',
    '| isolate heap in use before (MB) | highest during (MB) | reserved at peak (MB) | in use after (MB) | workerd RSS before → after (MB) |',
    '|--:|--:|--:|--:|--:|',
    `| ${f(figures.idleUsedMB)} | ${f(figures.peakUsedMB)} | ${f(figures.peakTotalMB)} | ${f(figures.afterUsedMB)} | ${f(figures.rssBeforeMB)} → ${f(figures.rssAfterMB)} |`,
  ].join('\n');
}
