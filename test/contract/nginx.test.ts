// selfhost/nginx.conf run by the real nginx (foreground, a private prefix, loopback only) in front of the
// self-hosted server: only the listen line, the TLS lines, the log path and the upstream port are changed.
// Quick checks pass; an oversized quick check is refused by nginx; a client that sends headers and then
// nothing is cut off by nginx's body timeout. Bounded in count and time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { freePort, root } from '../../scripts/local-worker.mjs';

const NGINX = '/usr/sbin/nginx';
const upstream = new URL(inject('servers')[0].url); // the self-hosted server
const prefix = mkdtempSync(join(tmpdir(), 'bt-nginx-'));
let nginx: ChildProcess | undefined;
let port: number;
let output = '';

beforeAll(async () => {
  port = await freePort();
  const shipped = readFileSync(join(root, 'selfhost', 'nginx.conf'), 'utf8');
  const local = shipped
    .replace(/listen 443 ssl;/, `listen 127.0.0.1:${port};`)
    .replace(/^\s*ssl_certificate(_key)?\s.*$/gm, '')
    .replace('/var/log/nginx/baotou-rules.log', join(prefix, 'access.log'))
    .replace('server 127.0.0.1:8787;', `server 127.0.0.1:${upstream.port};`);
  expect(local).not.toBe(shipped);
  writeFileSync(join(prefix, 'baotou-rules.conf'), local);
  mkdirSync(join(prefix, 'tmp'));
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};\n` : '';
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `${user}worker_processes 1;\npid ${join(prefix, 'nginx.pid')};\nerror_log ${join(prefix, 'error.log')} warn;\nevents { worker_connections 256; }\nhttp {\n  client_body_temp_path ${join(prefix, 'tmp', 'body')};\n  proxy_temp_path ${join(prefix, 'tmp', 'proxy')};\n  fastcgi_temp_path ${join(prefix, 'tmp', 'fastcgi')};\n  uwsgi_temp_path ${join(prefix, 'tmp', 'uwsgi')};\n  scgi_temp_path ${join(prefix, 'tmp', 'scgi')};\n  include ${join(prefix, 'baotou-rules.conf')};\n}\n`,
  );
  nginx = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stdout!.on('data', (d) => (output += d));
  nginx.stderr!.on('data', (d) => (output += d));
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited:\n${output}`);
    if (
      await fetch(`http://127.0.0.1:${port}/v1/rules`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
  }
  throw new Error(`nginx did not answer:\n${output}`);
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) await new Promise((done) => (nginx!.once('exit', done), nginx!.kill('SIGTERM')));
  rmSync(prefix, { recursive: true, force: true });
});

// nginx is one of npm test's system packages (scripts/system-packages.mjs): missing, this fails rather than skips.
describe('selfhost/nginx.conf in front of the self-hosted server', () => {
  it('has the limits a front should have', () => {
    const conf = readFileSync(join(root, 'selfhost', 'nginx.conf'), 'utf8');
    expect(conf).toMatch(/client_body_timeout 10s;/);
    expect(conf).toMatch(/client_max_body_size 33m;/);
    expect(conf).toMatch(/location ~ \^\/v1\/rules\/ \{[^}]*proxy_request_buffering on;[^}]*\}/);
  });

  it('passes quick checks and batches on', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/v1/rules/overquota-reward`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { amount: string } }).result.amount).toBe('29700.00');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('refuses a quick check over 4 MiB itself', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/v1/rules/overquota-reward`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: ' '.repeat(5 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
  });

  it('cuts off a client that sends its headers and then no body, within the body timeout', async () => {
    const started = Date.now();
    const { status, closedAfter } = await new Promise<{ status: number; closedAfter: number }>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let response = '';
      const bound = setTimeout(() => socket.destroy(), 20_000);
      socket.on('data', (d) => (response += d));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearTimeout(bound);
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]), closedAfter: Date.now() - started });
      });
      socket.on('connect', () =>
        socket.write(`POST /v1/rules/overquota-reward HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`),
      );
    });
    expect(closedAfter).toBeGreaterThanOrEqual(9_000);
    expect(closedAfter).toBeLessThan(15_000);
    // nginx answers 408 to a body timeout (or closes without an answer); the server never saw a slow body
    expect(Number.isNaN(status) || status === 408, String(status)).toBe(true);
  }, 30_000);
});
