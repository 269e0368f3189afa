/**
 * Issue 13, finding 11: the Worker isolate's own V8 heap under the load test's traffic (50 connections of
 * quick checks), sampled through workerd's DevTools endpoint while autocannon runs, beside the workerd
 * process's RSS before and after. If our code kept anything per request (a cache, a closure, a body), the
 * isolate's heap would climb with the requests served: it is read again after the load, after a full
 * garbage collection (DevTools `HeapProfiler.collectGarbage`), and compared with the same reading before.
 * The load runs twice: what the first round adds once (compiled code, the registry's caches) stays; what
 * requests retained would grow again in the second.
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
  /** The isolate's heap in use after a full collection, before the load and after it. */
  beforeGcUsedMB: number;
  afterUsedMB: number;
  /** After a second round of the same load, after a full collection. */
  afterSecondUsedMB: number;
  load: LoadFigures;
}

/** The heap in use after a full collection, MB (sampleHeap collects before it reads the idle heap). */
async function collectedMB(endpoint: string, poke: () => Promise<unknown>): Promise<number> {
  for (let tries = 0; ; tries++) {
    try {
      return (await sampleHeap(endpoint, () => new Promise((resolve) => setTimeout(resolve, 50)), poke)).idleUsedMB;
    } catch (error) {
      // workerd now and then leaves a DevTools call unanswered (see heap.ts): try again, a few times
      if (tries >= 3) throw error;
    }
  }
}

export async function loadHeap(seconds = 20, connections = 50): Promise<LoadHeapFigures> {
  const worker = await startBenchWorker({ inspect: true });
  // A request wakes the isolate so DevTools answers (see heap.ts).
  const poke = async () => (await fetch(`${worker.url}/v1/rules`)).arrayBuffer();
  try {
    await poke();
    const beforeGcUsedMB = await collectedMB(worker.inspector!, poke);
    const rssBeforeMB = residentMB(worker.pids);
    let load: LoadFigures | undefined;
    const heap = await sampleHeap(worker.inspector!, async () => (load = await benchLoad(worker.url, seconds, connections)), poke);
    const afterUsedMB = await collectedMB(worker.inspector!, poke);
    await benchLoad(worker.url, seconds, connections);
    const afterSecondUsedMB = await collectedMB(worker.inspector!, poke);
    return {
      ...heap,
      seconds,
      connections,
      requests: Math.round(load!.requestsPerSecond * seconds),
      rssBeforeMB,
      rssAfterMB: residentMB(worker.pids),
      beforeGcUsedMB,
      afterUsedMB,
      afterSecondUsedMB,
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
    '| isolate heap after full GC, before (MB) | highest during (MB) | reserved at peak (MB) | after full GC, after the load (MB) | … after a second round (MB) | workerd RSS before → after both (MB) |',
    '|--:|--:|--:|--:|--:|--:|',
    `| ${f(figures.beforeGcUsedMB)} | ${f(figures.peakUsedMB)} | ${f(figures.peakTotalMB)} | ${f(figures.afterUsedMB)} | ${f(figures.afterSecondUsedMB)} | ${f(figures.rssBeforeMB)} → ${f(figures.rssAfterMB)} |`,
  ].join('\n');
}
