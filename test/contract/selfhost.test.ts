// `npm run serve` itself: workerd and nothing else in the serving path, configured from the
// environment, keeping its audit in DATA_DIR across a restart; and the self-hosted entry's routing
// kept equal to wrangler.toml.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { freePort, localDevVars, root } from '../../scripts/local-worker.mjs';
import { WORKER_FIRST, withClientAddress, workerFirst } from '../../selfhost/routing.ts';
import { auditHmac, auth, overquotaCsv, postBatch, readAudit } from './client.ts';

const data = mkdtempSync(join(tmpdir(), 'bt-serve-data-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

/** `npm run serve -- --no-build` (the contract setup built it), with PORT, DATA_DIR and keys from the environment. */
async function serve(port: number): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(join(root, 'node_modules', '.bin', 'node'), [join(root, 'scripts', 'serve.mjs'), '--no-build'], {
    cwd: root,
    env: { ...process.env, ...localDevVars, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: data },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (child.exitCode !== null) throw new Error(`npm run serve exited:\n${output}`);
    if (
      await fetch(`${url}/v1/rules`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child, stop };
  }
  await stop();
  throw new Error(`npm run serve did not answer:\n${output}`);
}

/** Command lines of a process and all its descendants. */
function processTree(pid: number): string[] {
  const parentOf = (p: string) => {
    try {
      return Number(
        readFileSync(`/proc/${p}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ')[1],
      );
    } catch {
      return -1; // gone
    }
  };
  const children = readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p) && parentOf(p) === pid)
    .map(Number);
  const own = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  return [own, ...children.flatMap(processTree)];
}

describe('npm run serve', () => {
  it('serves with workerd alone (no wrangler, no Miniflare), and keeps its audit across a restart', async () => {
    const first = await serve(await freePort());
    const tree = processTree(first.child.pid!);
    expect(tree.some((cmd) => /workerd serve/.test(cmd))).toBe(true);
    expect(tree.filter((cmd) => /wrangler|miniflare/i.test(cmd))).toEqual([]);

    const body = overquotaCsv(30);
    const response = await postBatch(first.url, 'overquota-reward', body, 'text/csv');
    expect(response.status).toBe(200);
    const batchId = response.headers.get('x-batch-id')!;
    await response.arrayBuffer();
    // a 测算 batch: audited as such in the self-hosted SQLite store, with its override
    const whatIf = await fetch(`${first.url}/v1/whatif/overquota-reward?set.plan.overquotaReward.minimumWageMultiplier=4`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body,
    });
    expect(whatIf.status).toBe(200);
    const whatIfId = whatIf.headers.get('x-batch-id')!;
    await whatIf.arrayBuffer();
    await first.stop();
    expect(readdirSync(data).length).toBeGreaterThan(0);

    const second = await serve(await freePort());
    try {
      const { record } = await readAudit(second.url, batchId);
      expect(record).toMatchObject({ batchId, status: 'completed', bodyHmac: auditHmac(body), summary: { rows: 30, ok: 15, mismatch: 15, invalid: 0 } });
      expect((record as { whatif?: unknown }).whatif).toBeUndefined();
      const { record: whatIfRecord } = await readAudit(second.url, whatIfId);
      expect(whatIfRecord).toMatchObject({
        status: 'completed',
        summary: { rows: 30 },
        whatif: { overrides: [{ parameter: 'plan.overquotaReward.minimumWageMultiplier', value: 4 }] },
      });
    } finally {
      await second.stop();
    }
  });
});

describe('the self-hosted routing', () => {
  it('sends the same paths to the Worker first as wrangler.toml run_worker_first', () => {
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    expect(JSON.parse(/^run_worker_first\s*=\s*(.+)$/m.exec(toml)![1])).toEqual(WORKER_FIRST);
    expect([
      workerFirst('/'),
      workerFirst('/wps/'),
      workerFirst('/v1/rules'),
      workerFirst('/openapi.json'),
      workerFirst('/index.html'),
      workerFirst('/wps/index.html'),
      workerFirst('/v1'),
    ]).toEqual([true, true, true, true, false, false, false]);
  });

  it('applies every D1 migration to the self-hosted audit too', () => {
    const listed = readFileSync(join(root, 'worker', 'audit', 'migrations.ts'), 'utf8');
    for (const file of readdirSync(join(root, 'worker', 'migrations')).filter((f) => f.endsWith('.sql'))) {
      expect(listed).toContain(`'../migrations/${file}'`);
      expect(listed).toContain(`name: '${file}'`);
    }
  });

  it('takes the client address only from TRUST_PROXY_HEADER, never from a client-sent CF-Connecting-IP', () => {
    const request = (headers: Record<string, string>) => new Request('http://x/v1/rules', { headers });
    const ip = (r: Request) => r.headers.get('cf-connecting-ip');
    expect(ip(withClientAddress(request({ 'cf-connecting-ip': '6.6.6.6' }), undefined))).toBeNull();
    expect(ip(withClientAddress(request({ 'cf-connecting-ip': '6.6.6.6', 'x-real-ip': '10.1.2.3' }), 'X-Real-IP'))).toBe('10.1.2.3');
    expect(ip(withClientAddress(request({ 'x-forwarded-for': '6.6.6.6, 10.1.2.3' }), 'X-Forwarded-For'))).toBe('10.1.2.3');
    expect(ip(withClientAddress(request({ 'x-real-ip': '10.1.2.3' }), undefined))).toBeNull();
  });
});
