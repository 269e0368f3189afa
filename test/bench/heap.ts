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
}

/** Waits for `promise`, or fails after `ms`: the bench stays bounded if workerd stops answering. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A DevTools protocol session on one isolate: `call(method)` answers with the method's result. */
export async function devtools(endpoint: string) {
  const socket = new WebSocket(endpoint);
  await within(
    5_000,
    `DevTools ${endpoint}`,
    new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', () => reject(new Error(`cannot open ${endpoint}`)), { once: true });
    }),
  );
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
    close: () => socket.close(),
  };
}

export interface HeapFigures {
  /** Heap in use (live objects and garbage not yet collected) when idle, and its highest sample during the batch, MB. */
  idleUsedMB: number;
  peakUsedMB: number;
  /** The heap V8 had reserved at that peak (what the isolate holds from the system), MB. */
  peakTotalMB: number;
  /** Samples answered, and calls left unanswered (see sampleHeap). */
  samples: number;
  lost: number;
}

const MB = 1024 * 1024;

/**
 * Samples the isolate's heap while `run` (a batch) goes on. workerd handles an isolate's DevTools
 * messages when that isolate has work: an idle isolate can leave a call unanswered until its next
 * event (the cause of "DevTools gave no heap usage" on some runs). So an unanswered idle call is
 * followed by `poke` (a cheap request to the Worker, which wakes the isolate) and asked again;
 * during the batch the isolate is busy and answers, and a sample still lost is counted and skipped.
 */
export async function sampleHeap(endpoint: string, run: () => Promise<unknown>, poke: () => Promise<unknown>): Promise<HeapFigures> {
  const session = await devtools(endpoint);
  try {
    const usage = (ms?: number) => session.call<HeapUsage>('Runtime.getHeapUsage', ms).catch(() => undefined);
    let idle: HeapUsage | undefined;
    for (let tries = 0; idle === undefined && tries < 20; tries++) {
      const answer = usage(2_000);
      await poke();
      idle = await answer;
    }
    if (idle === undefined) throw new Error('DevTools gave no heap usage for the idle isolate, even after 20 requests to wake it');
    let peakUsed = idle.usedSize;
    let peakTotal = idle.totalSize;
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
    return { idleUsedMB: idle.usedSize / MB, peakUsedMB: peakUsed / MB, peakTotalMB: peakTotal / MB, samples, lost };
  } finally {
    session.close();
  }
}
