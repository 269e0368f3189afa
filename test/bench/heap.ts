/**
 * The Worker's own memory: its isolate's V8 heap, read through workerd's DevTools endpoint
 * (`Runtime.getHeapUsage`) every few milliseconds while a batch runs. This is the memory a Worker is
 * held to in production (an isolate limit), apart from the runtime around it: locally, Miniflare runs
 * eight more isolates of its own (D1, cache, entry, dev control …) in the same workerd process.
 * Samples are answered between the batch's stream pulls, so the peak is a sampled one.
 */

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  /** ArrayBuffers' bytes, outside the V8 heap (where workerd's DevTools give it). */
  backingStorageSize?: number;
}

/** Waits for `promise`, or fails after `ms`: the bench stays bounded if workerd stops answering. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * workerd serves one DevTools session per isolate: a second one attached while the first is still open
 * leaves both unanswered for good (every call times out, whatever requests the isolate gets), and a
 * socket closed by the client stays attached until workerd has seen the close. So sessions on one
 * endpoint take turns: each opens only once the one before is closed on both ends.
 */
const closing = new Map<string, Promise<void>>();

/** A DevTools protocol session on one isolate: `call(method)` answers with the method's result; `close()` resolves once workerd has let it go. */
export async function devtools(endpoint: string) {
  const before = closing.get(endpoint) ?? Promise.resolve();
  let release!: () => void;
  const closed = new Promise<void>((resolve) => (release = resolve));
  closing.set(endpoint, closed);
  // the session before on this endpoint (bounded: one never closed would otherwise hold every later one)
  await within(10_000, 'DevTools session before', before).catch(() => undefined);
  const socket = new WebSocket(endpoint);
  socket.addEventListener('close', () => release(), { once: true });
  await within(
    5_000,
    `DevTools ${endpoint}`,
    new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', () => reject(new Error(`cannot open ${endpoint}`)), { once: true });
    }),
  ).catch((error: unknown) => {
    socket.close();
    throw error;
  });
  let next = 0;
  const waiting = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : waiting.get(message.id);
    if (!waiter) return;
    waiting.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return {
    call<T>(method: string, ms = 1_000, params?: Record<string, unknown>): Promise<T> {
      const id = ++next;
      socket.send(JSON.stringify(params ? { id, method, params } : { id, method }));
      return within(ms, `DevTools ${method}`, new Promise<T>((resolve, reject) => waiting.set(id, { resolve: resolve as (r: unknown) => void, reject })));
    },
    close: (): Promise<void> => {
      socket.close();
      return within(5_000, 'DevTools close', closed).catch(() => undefined);
    },
  };
}

export interface HeapFigures {
  /** Heap in use after a full collection before the batch, and its highest sample during the batch (live objects and garbage not yet collected), MB. */
  idleUsedMB: number;
  peakUsedMB: number;
  /** The heap V8 had reserved at that peak (what the isolate holds from the system), MB. */
  peakTotalMB: number;
  /** The most ArrayBuffer bytes (outside the heap: the body, the shared strings, inflated pieces …) seen during the batch, MB; 0 where DevTools do not say. */
  peakBuffersMB: number;
  /** Samples answered, and calls left unanswered (see sampleHeap). */
  samples: number;
  lost: number;
}

const MB = 1024 * 1024;

/**
 * Samples the isolate's heap while `run` (a batch) goes on. The batch starts from a collected heap (a
 * full garbage collection first), so the idle figure is what the isolate keeps and the peak is this
 * batch's own, not the garbage an earlier batch left. A session that does not answer while the isolate
 * is idle (one that met another session, see `devtools`) is closed and a fresh one opened, a few times,
 * with `poke` (a cheap request to the Worker) between; during the batch a sample the busy isolate leaves
 * unanswered for a second is counted and skipped.
 */
export async function sampleHeap(endpoint: string, run: () => Promise<unknown>, poke: () => Promise<unknown>): Promise<HeapFigures> {
  let session: Awaited<ReturnType<typeof devtools>> | undefined;
  let idle: HeapUsage | undefined;
  for (let tries = 0; idle === undefined && tries < 5; tries++) {
    await session?.close();
    session = await devtools(endpoint);
    const answer = session.call<HeapUsage>('Runtime.getHeapUsage', 2_000).catch(() => undefined);
    await poke();
    if ((await answer) === undefined) continue;
    // workerd runs the collection at once but answers it only when the isolate next has work: poked again
    const collected = session.call('HeapProfiler.collectGarbage', 10_000).then(
      () => true,
      () => false,
    );
    await poke();
    if (await collected) idle = await session.call<HeapUsage>('Runtime.getHeapUsage', 2_000).catch(() => undefined);
  }
  try {
    if (idle === undefined) throw new Error('DevTools gave no heap usage for the idle isolate, in 5 sessions');
    const usage = () => session!.call<HeapUsage>('Runtime.getHeapUsage').catch(() => undefined);
    let peakUsed = idle.usedSize;
    let peakTotal = idle.totalSize;
    let peakBuffers = idle.backingStorageSize ?? 0;
    let samples = 0;
    let lost = 0;
    let running = true;
    const sampler = (async () => {
      while (running) {
        const now = await usage();
        if (now === undefined) {
          lost++;
          continue;
        }
        samples++;
        peakUsed = Math.max(peakUsed, now.usedSize);
        peakTotal = Math.max(peakTotal, now.totalSize);
        peakBuffers = Math.max(peakBuffers, now.backingStorageSize ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    try {
      await run();
    } finally {
      running = false;
      await sampler;
    }
    if (samples === 0) throw new Error(`no heap sample answered during the batch (${lost} lost)`);
    return { idleUsedMB: idle.usedSize / MB, peakUsedMB: peakUsed / MB, peakTotalMB: peakTotal / MB, peakBuffersMB: peakBuffers / MB, samples, lost };
  } finally {
    await session?.close();
  }
}
