// Bodies a hostile client sends over a real socket (node:net, loopback, bounded in count and time), against
// the self-hosted server (`npm run serve`'s workerd) started here with short body limits: too slow, never
// ending, many at once, and malformed chunking. Each must end in a 4xx with a code and a closed connection,
// never a 500 or a stack trace in the log.
import { connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { freePort } from '../../scripts/local-worker.mjs';
// @ts-expect-error plain ESM helper without types
import { startSelfhost } from '../../scripts/serve.mjs';
import { selfhostEnv } from './global-setup.ts';

const data = mkdtempSync(join(tmpdir(), 'bt-slow-data-'));
let server: { url: string; stop(): Promise<void>; output(): string; child: { pid: number } };
let port: number;

beforeAll(async () => {
  port = await freePort();
  const env = { ...selfhostEnv(), BODY_TIMEOUT_SECONDS: '4', BODY_RATE_WINDOW_SECONDS: '1', BODY_MIN_BYTES_PER_SECOND: '1024' };
  server = await startSelfhost({ port, dataDir: data, siteDir: inject('siteDir'), env });
});
afterAll(async () => {
  await server?.stop();
  rmSync(data, { recursive: true, force: true });
});

interface Exchange {
  /** What the server sent back. */
  response: string;
  /** When the server closed the connection (ms after connecting), or undefined if it did not within the bound. */
  closedAfter?: number;
}

/**
 * Opens a connection, writes `head`, then `piece` every `everyMs` (until the server closes, or `pieces` are sent),
 * and waits at most `boundMs` for the server to close.
 */
function exchange(head: string, piece: string, everyMs: number, boundMs: number, pieces = Infinity): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1');
    let response = '';
    let sent = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    const done = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(bound);
      socket.destroy();
      resolve({ response, closedAfter: closed ? Date.now() - started : undefined });
    };
    const bound = setTimeout(() => done(false), boundMs);
    socket.on('data', (d) => (response += d));
    socket.on('close', () => done(true));
    socket.on('error', () => {});
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent++ < pieces && !socket.destroyed) socket.write(piece);
      }, everyMs);
    });
  });
}

const headOf = (length: number | 'chunked') =>
  `POST /v1/rules/overquota-reward HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${length === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`}\r\n\r\n`;
const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const codeOf = (response: string) => /"code":"([^"]+)"/.exec(response)?.[1];

describe('slow and malformed bodies (self-hosted)', () => {
  it('a body under the minimum rate is answered 408 and the connection closed once the rate window has passed', async () => {
    const { response, closedAfter } = await exchange(headOf(1000), ' ', 200, 8_000);
    expect(statusOf(response)).toBe(408);
    expect(codeOf(response)).toBe('body-too-slow');
    expect(closedAfter).toBeLessThan(4_000);
  });

  it('a body fast enough but never ending is cut off at the total deadline', async () => {
    const { response, closedAfter } = await exchange(headOf(4_000_000), ' '.repeat(4096), 250, 10_000);
    expect(statusOf(response)).toBe(408);
    expect(response).toContain('within 4 s');
    expect(closedAfter).toBeGreaterThanOrEqual(3_900);
    expect(closedAfter).toBeLessThan(7_000);
  });

  it('50 connections that send headers and no body are all closed within seconds', async () => {
    const all = await Promise.all(Array.from({ length: 50 }, () => exchange(headOf(500), '', 60_000, 10_000)));
    for (const { response, closedAfter } of all) {
      expect(statusOf(response)).toBe(408);
      expect(closedAfter).toBeLessThan(6_000);
    }
  });

  it('a malformed chunked body is 400 malformed-body, with no stack trace in the log', async () => {
    const before = server.output().length;
    for (const body of ['zz\r\n{}\r\n0\r\n\r\n', '5\r\n{}\r\n0\r\n\r\n', '2\r\n{}XX0\r\n\r\n']) {
      const { response } = await exchange(headOf('chunked') + body, '', 60_000, 5_000);
      expect(statusOf(response), JSON.stringify(body)).toBe(400);
      expect(codeOf(response)).toBe('malformed-body');
    }
    const log = server.output().slice(before);
    expect(log).not.toContain('unexpected error');
    expect(log).not.toMatch(/\n\s+at /);
  });
});
