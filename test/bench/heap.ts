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
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A DevTools protocol session on one isolate: `call(method)` answers with the method's result. */
async function devtools(endpoint: string) {
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
    call<T>(method: string): Promise<T> {
      const id = ++next;
      socket.send(JSON.stringify({ id, method }));
      return within(1_000, `DevTools ${method}`, new Promise<T>((resolve, reject) => waiting.set(id, { resolve: resolve as (r: unknown) => void, reject })));
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

/** Samples the isolate's heap while `run` (a batch) goes on. */
export async function sampleHeap(endpoint: string, run: () => Promise<unknown>): Promise<HeapFigures> {
  const session = await devtools(endpoint);
  try {
    // workerd now and then leaves a DevTools call unanswered until its next event: such a sample is
    // counted as lost and sampling goes on, so one stuck call neither hangs nor ends the measurement
    const usage = () => session.call<HeapUsage>('Runtime.getHeapUsage').catch(() => undefined);
    let idle = await usage();
    for (let tries = 1; idle === undefined && tries < 3; tries++) idle = await usage();
    if (idle === undefined) throw new Error('DevTools gave no heap usage for the idle isolate');
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
