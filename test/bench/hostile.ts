/**
 * Hostile clients against the self-hosted server (`npm run serve`'s workerd) on loopback, with workerd's
 * resident memory (VmRSS from /proc/PID/status, sampled every 0.1 s) before, at its peak and 2 s after each:
 * - the answer-amplification workbook (one long shared string echoed by every row) as CSV, JSON with cells
 *   and xlsx, with quick checks sent alongside (their slowest wait is reported);
 * - a quick-check body trickled one byte per TCP segment;
 * - many connections that send a body far too slowly.
 * Bounded in count and time (about a minute); prints its table and returns the figures for bench.json.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { freePort, localDevVars } from '../../scripts/local-worker.mjs';
// @ts-expect-error plain ESM helper without types
import { startSelfhost } from '../../scripts/serve.mjs';
// @ts-expect-error plain ESM helper without types
import { buildSelfhost } from '../../selfhost/build.mjs';
import { amplificationWorkbook } from '../support/hostile-xlsx.ts';
import { workerdPids } from './worker.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface HostileCase {
  name: string;
  sent: string;
  rssMB: { before: number; peak: number; after: number };
  detail: string;
}

const rssMB = (pids: number[]) =>
  pids.reduce((sum, pid) => {
    try {
      return sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return sum;
    }
  }, 0);

async function measured(pids: number[], name: string, sent: string, run: () => Promise<string>): Promise<HostileCase> {
  const before = rssMB(pids);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMB(pids))), 100);
  try {
    const detail = await run();
    peak = Math.max(peak, rssMB(pids));
    await new Promise((r) => setTimeout(r, 2_000));
    return { name, sent, rssMB: { before, peak, after: rssMB(pids) }, detail };
  } finally {
    clearInterval(sampler);
  }
}

/** Sends quick checks one after another while `busy` runs; returns the slowest wait (ms). */
async function slowestQuickCheck(url: string, busy: Promise<unknown>): Promise<number> {
  let done = false;
  void busy.finally(() => (done = true));
  let slowest = 0;
  while (!done) {
    const started = performance.now();
    await fetch(`${url}/v1/rules/overquota-reward?totalStaff=400&disabledCounted=9&monthlyMinWage=1980`).then((r) => r.arrayBuffer());
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
  return slowest;
}

async function answerBytes(response: Response): Promise<number> {
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.length;
  }
}

/** A body trickled one byte per write (TCP_NODELAY, a segment each), three bytes a millisecond. */
function trickle(port: number, body: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let response = '';
    let at = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    const bound = setTimeout(() => socket.destroy(), 30_000);
    socket.on('data', (d) => (response += d));
    socket.on('error', () => {});
    socket.on('close', () => (clearInterval(timer), clearTimeout(bound), resolve(response.split('\r\n')[0])));
    socket.on('connect', () => {
      socket.write(
        `POST /v1/rules/overquota-reward HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      );
      timer = setInterval(() => {
        for (let i = 0; i < 3 && at < body.length; i++) socket.write(body[at++]);
        if (at >= body.length) clearInterval(timer);
      }, 1);
    });
  });
}

/** `count` connections that send headers and then a byte every 2 s; resolves when all are closed (or after `boundMs`). */
function slowConnections(port: number, count: number, boundMs: number): Promise<{ closedByServer: number; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    let open = count;
    let closedByServer = 0;
    const sockets = Array.from({ length: count }, () => {
      const socket = connect(port, '127.0.0.1');
      let timer: ReturnType<typeof setInterval> | undefined;
      socket.on('error', () => {});
      socket.on('connect', () => {
        socket.write(`POST /v1/rules/overquota-reward HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`);
        timer = setInterval(() => socket.write(' '), 2_000);
      });
      socket.on('close', () => {
        clearInterval(timer);
        if (!bound.done) closedByServer++;
        if (--open === 0) finish();
      });
      return socket;
    });
    const bound = { done: false };
    const finish = () => {
      clearTimeout(timeout);
      bound.done = true;
      for (const s of sockets) s.destroy();
      resolve({ closedByServer, seconds: (Date.now() - started) / 1000 });
    };
    const timeout = setTimeout(finish, boundMs);
  });
}

export async function benchHostile(quick: boolean): Promise<{ cases: HostileCase[] } | { error: string }> {
  try {
    await buildSelfhost();
    const data = mkdtempSync(join(tmpdir(), 'bt-bench-hostile-'));
    const port = await freePort();
    const server = await startSelfhost({ port, dataDir: data, env: { ...process.env, ...localDevVars } });
    const cases: HostileCase[] = [];
    try {
      const pids = workerdPids();
      const url = server.url as string;
      const auth = { authorization: 'Bearer local-dev-key' };
      cases.push(
        await measured(pids, 'nothing else (baseline)', '—', async () => {
          const slowest = await slowestQuickCheck(url, new Promise((r) => setTimeout(r, 3_000)));
          return `slowest quick check ${slowest.toFixed(0)} ms (the machine's own delay)`;
        }),
      );
      const rows = quick ? 200 : 2_000;
      // a string just under the reader's cap on one cell's text (a longer one is refused before any row): 60 million characters if echoed whole
      const workbook = amplificationWorkbook(rows, 30_000);
      for (const [label, accept, query] of [
        ['CSV', 'text/csv', ''],
        ['JSON ?cells=1', 'application/json', '?cells=1'],
        ['xlsx', XLSX, ''],
      ] as const) {
        cases.push(
          await measured(
            pids,
            `amplification workbook → ${label}`,
            `${workbook.length.toLocaleString('en-US')} B, ${rows} rows × a 30,000-character string`,
            async () => {
              const answer = fetch(`${url}/v1/batch/overquota-reward${query}`, {
                method: 'POST',
                headers: { 'content-type': XLSX, accept, ...auth },
                body: workbook,
              }).then(answerBytes);
              const slowest = await slowestQuickCheck(url, answer);
              const bytes = await answer;
              return `answer ${(bytes / 2 ** 20).toFixed(1)} MiB; slowest concurrent quick check ${slowest.toFixed(0)} ms`;
            },
          ),
        );
      }
      const body = `{"totalStaff":400,"disabledCounted":9,"monthlyMinWage":1980}`.padEnd(10_000, ' ');
      cases.push(await measured(pids, 'trickled quick-check body', '10,000 B, one byte per TCP segment', async () => `answer: ${await trickle(port, body)}`));
      const count = quick ? 200 : 1_000;
      cases.push(
        await measured(pids, 'slow-body connections', `${count} connections, a byte every 2 s`, async () => {
          const { closedByServer, seconds } = await slowConnections(port, count, 20_000);
          return `${closedByServer} of ${count} cut off by the server within ${seconds.toFixed(1)} s`;
        }),
      );
    } finally {
      await server.stop();
      rmSync(data, { recursive: true, force: true });
    }
    console.log(hostileTable(cases));
    return { cases };
  } catch (error) {
    console.error('hostile clients not measured:', error);
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

export function hostileTable(cases: HostileCase[]): string {
  const f = (x: number) => x.toFixed(0);
  return [
    '**Hostile clients** (self-hosted workerd, loopback; workerd RSS in MB):',
    '',
    '| case | sent | RSS before | peak | after | result |',
    '|---|---|--:|--:|--:|---|',
    ...cases.map((c) => `| ${c.name} | ${c.sent} | ${f(c.rssMB.before)} | ${f(c.rssMB.peak)} | ${f(c.rssMB.after)} | ${c.detail} |`),
    '',
  ].join('\n');
}
