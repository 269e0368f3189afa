// `npm run serve` refuses weak configuration with one line naming the variable (never its value), keeps its
// audit private whatever the umask (DATA_DIR 0700, files 0600), and refuses a DATA_DIR other users can write.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { freePort, localDevVars, root } from '../../scripts/local-worker.mjs';
import { configProblem } from '../../worker/config.ts';
import { overquotaCsv, postBatch } from './client.ts';

const base = mkdtempSync(join(tmpdir(), 'bt-serve-config-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Runs `npm run serve -- --no-build` under `umask 000`; resolves with its output once it exits or answers. */
function serve(env: Record<string, string>, port: number): Promise<{ exited: number | null; output: string; stop(): Promise<void>; url: string }> {
  const node = join(root, 'node_modules', '.bin', 'node');
  const child = spawn('sh', ['-c', `umask 000 && exec "${node}" scripts/serve.mjs --no-build`], {
    cwd: root,
    env: { ...process.env, ...localDevVars, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
  return new Promise((resolve) => {
    const deadline = Date.now() + 30_000;
    const poll = async () => {
      if (child.exitCode !== null) return resolve({ exited: child.exitCode, output, stop, url });
      if (
        await fetch(`${url}/v1/rules`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return resolve({ exited: null, output, stop, url });
      if (Date.now() > deadline) return void stop().then(() => resolve({ exited: null, output, stop, url }));
      setTimeout(poll, 100);
    };
    child.once('exit', () => setTimeout(poll, 0));
    void poll();
  });
}

describe('npm run serve checks its configuration', () => {
  const secret = 'short-secret-value';
  const hash = 'ab'.repeat(32);
  for (const [name, env, variable] of [
    ['an audit key under 32 bytes', { AUDIT_HMAC_KEY: secret }, 'AUDIT_HMAC_KEY'],
    ['a plaintext key in API_KEYS', { API_KEYS: `ops:${secret}` }, 'API_KEYS'],
    ['a duplicate key id', { API_KEYS: `ops:${hash},ops:${'cd'.repeat(32)}` }, 'API_KEYS'],
  ] as const) {
    it(`${name} stops it with one line naming ${variable}, not the value`, async () => {
      const run = await serve({ ...env, DATA_DIR: join(base, `data-${variable}-${name.length}`) }, await freePort());
      await run.stop();
      expect(run.exited).toBe(1);
      const lines = run.output.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(variable);
      expect(run.output).not.toContain(secret);
      expect(run.output).not.toContain(hash);
    });
  }

  it('the local defaults (npm start, tests) pass the check', () => {
    expect(configProblem(localDevVars)).toBeUndefined();
  });

  it('creates DATA_DIR 0700 and its database files 0600 under umask 000', async () => {
    const dataDir = join(base, 'fresh', 'data');
    const run = await serve({ DATA_DIR: dataDir }, await freePort());
    try {
      expect(run.exited, run.output).toBeNull();
      expect((await postBatch(run.url, 'overquota-reward', overquotaCsv(3), 'text/csv').then((r) => r.text())).length).toBeGreaterThan(0);
    } finally {
      await run.stop();
    }
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) (expect(statSync(path).mode & 0o777, path).toBe(0o700), walk(path));
        else files.push(path);
      }
    };
    walk(dataDir);
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    for (const file of files) expect(statSync(file).mode & 0o777, file).toBe(0o600);
  });

  it('refuses a DATA_DIR other users can write', async () => {
    const dataDir = join(base, 'shared');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o777);
    const run = await serve({ DATA_DIR: dataDir }, await freePort());
    await run.stop();
    expect(run.exited).toBe(1);
    expect(run.output).toMatch(/^Not started: DATA_DIR can be written by other users \(mode 777\)/);
  });
});
