// `npm run serve`: the self-hosted server. Builds the site and the Worker bundle, then runs the
// open-source workerd runtime (npm `workerd`) on dist/selfhost/workerd.capnp — no wrangler, no
// Miniflare. Configuration from the environment (README, Self-hosting):
//   PORT (8787), HOST (0.0.0.0), DATA_DIR (./data), API_KEYS, AUDIT_HMAC_KEY, BATCH_ORIGINS,
//   PUBLIC_ORIGIN, TRUST_PROXY_HEADER, MAX_BATCH_ROWS, MAX_BATCH_BYTES.
// `--no-build` serves what is already built (a unit or container that built at install time).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSelfhost, outDir } from '../selfhost/build.mjs';
import { buildSite, root } from './local-worker.mjs';

const workerd = join(root, 'node_modules', '.bin', 'workerd');

/** The workerd command line for a port and data folder (also used by tests and the bench). */
export function workerdArgs({ port, host = '0.0.0.0', dataDir, siteDir = join(root, 'dist', 'site') }) {
  return [
    'serve',
    join(outDir, 'workerd.capnp'),
    '--directory-path',
    `site=${resolve(siteDir)}`,
    '--directory-path',
    `data=${resolve(dataDir)}`,
    '--socket-addr',
    `http=${host}:${port}`,
  ];
}

/** Starts workerd (already built) with `env`; resolves once it answers. Returns { url, stop, child }. */
export async function startSelfhost({ port, host = '127.0.0.1', dataDir, siteDir, env = process.env, inherit = false }) {
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(workerd, workerdArgs({ port, host, dataDir, siteDir }), { env, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/v1/rules`)).ok) return { url, stop, child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`workerd did not answer within 30 s:\n${output}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || 8787);
  const dataDir = resolve(process.env.DATA_DIR || join(process.cwd(), 'data'));
  if (!process.argv.includes('--no-build') || !existsSync(join(outDir, 'worker.js'))) {
    buildSite();
    await buildSelfhost();
  }
  if (!process.env.API_KEYS) console.warn('API_KEYS is not set: the batch routes will refuse every key (401).');
  if (!process.env.AUDIT_HMAC_KEY) console.warn('AUDIT_HMAC_KEY is not set: batches will be refused (503) until it is.');
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(workerd, workerdArgs({ port, host: process.env.HOST || '0.0.0.0', dataDir }), { stdio: 'inherit' });
  console.log(`Serving on http://${process.env.HOST || '0.0.0.0'}:${port} (workerd; audit in ${dataDir})`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
