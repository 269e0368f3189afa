/**
 * Where a batch spends its time: a CPU profile of the Worker's own isolate, taken through workerd's
 * DevTools endpoint (`Profiler.start` / `Profiler.stop`) while one batch runs, reduced to the functions
 * with the most self time. The frames are those of the deploy bundle (esbuild keeps function names;
 * the file is the bundle, so each frame says its function and line there).
 */
import { devtools } from './heap.ts';

export interface ProfileFrame {
  /** The function, `(anonymous)`, or a V8 pseudo-frame such as `(garbage collector)`. */
  name: string;
  /** The bundle's line (1-based), when the frame is JavaScript. */
  line?: number;
  /** Share of the profiled time spent in this function itself, %. */
  selfPercent: number;
}

export interface BatchProfile {
  rule: string;
  format: 'csv' | 'json';
  rows: number;
  /** Profiled time, ms (the batch as the isolate saw it, idle time excluded). */
  busyMs: number;
  top: ProfileFrame[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

const PSEUDO = new Set(['(idle)', '(program)', '(root)']);

/** The `count` functions with the most self time, leaving out idle time (the isolate waiting for the socket). */
export function topFrames(profile: CpuProfile, count = 12): { busyMs: number; top: ProfileFrame[] } {
  const time = new Map<number, number>();
  profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFrame = new Map<string, { name: string; line?: number; us: number }>();
  let busy = 0;
  for (const node of profile.nodes) {
    const us = time.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || (url ? '(anonymous)' : '(unknown)');
    if (PSEUDO.has(name) || us === 0) continue;
    busy += us;
    const line = url && lineNumber >= 0 ? lineNumber + 1 : undefined;
    const key = `${name}@${line ?? ''}`;
    const frame = byFrame.get(key) ?? { name, line, us: 0 };
    frame.us += us;
    byFrame.set(key, frame);
  }
  const top = [...byFrame.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map(({ name, line, us }) => ({ name, ...(line === undefined ? {} : { line }), selfPercent: Math.round((1000 * us) / Math.max(busy, 1)) / 10 }));
  return { busyMs: Math.round(busy / 1000), top };
}

/**
 * Profiles the isolate while `run` (one batch) goes on. As with heap samples (heap.ts), an idle isolate
 * may leave a DevTools call unanswered until it has work, so each call is sent and then the Worker poked.
 */
export async function profileBatch(
  endpoint: string,
  run: () => Promise<unknown>,
  poke: () => Promise<unknown>,
): Promise<{ busyMs: number; top: ProfileFrame[] }> {
  const session = await devtools(endpoint);
  const send = async <T>(method: string, params?: Record<string, unknown>): Promise<T> => {
    const answer = session.call<T>(method, 10_000, params);
    await poke();
    return answer;
  };
  try {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 200 });
    await send('Profiler.start');
    await run();
    const { profile } = await send<{ profile: CpuProfile }>('Profiler.stop');
    return topFrames(profile);
  } finally {
    session.close();
  }
}
