// `npm run serve`: the self-hosted server. Builds the site and the Worker bundle, then runs the
// open-source workerd runtime (npm `workerd`) on dist/selfhost/workerd.capnp — no wrangler, no
// Miniflare. Configuration from the environment (docs/it/self-hosting.md):
//   PORT (8787), HOST (0.0.0.0), DATA_DIR (./data), API_KEYS, AUDIT_HMAC_KEY, BATCH_ORIGINS,
//   PUBLIC_ORIGIN, TRUST_PROXY_HEADER, MAX_BATCH_ROWS, MAX_BATCH_BYTES, BODY_TIMEOUT_SECONDS,
//   BODY_MIN_BYTES_PER_SECOND, BODY_RATE_WINDOW_SECONDS, ECHO_CELL_MAX_CHARS, ECHO_ANSWER_CHARS_PER_BODY_BYTE.
// A weak AUDIT_HMAC_KEY or a malformed API_KEYS stops it with one line (worker/config.ts). DATA_DIR is
// private: created 0700, its files 0600 whatever the umask; one other users can write is refused.
// `--no-build` serves what is already built (a unit or container that built at install time).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSelfhost, outDir } from '../selfhost/build.mjs';
import { buildSite, root } from './local-worker.mjs';
import { configProblem } from '../worker/config.ts';

const workerd = join(root, 'node_modules', '.bin', 'workerd');

/**
 * The workerd command line for a port and data folder (also used by tests and the bench). `inspectorPort`
 * (bench only) opens workerd's DevTools endpoint on loopback, the isolate at `ws://127.0.0.1:<port>/main`.
 * `config` (bench only) serves another config of the same shape: the bench's empty Worker.
 */
export function workerdArgs({ port, host = '0.0.0.0', dataDir, siteDir = join(root, 'dist', 'site'), inspectorPort, config = join(outDir, 'workerd.capnp') }) {
  return [
    'serve',
    ...(inspectorPort === undefined ? [] : ['--inspector-addr', `127.0.0.1:${inspectorPort}`]),
    config,
    '--directory-path',
    `site=${resolve(siteDir)}`,
    '--directory-path',
    `data=${resolve(dataDir)}`,
    '--socket-addr',
    `http=${host}:${port}`,
  ];
}

/**
 * Makes DATA_DIR private: created 0700 (its parents as the umask says), existing files 0600 and folders 0700,
 * and the umask 077 for what workerd creates in it. Returns a one-line problem when other users could write
 * to it (or it is not a folder), else undefined.
 */
export function prepareDataDir(dataDir) {
  if (existsSync(dataDir)) {
    const stat = lstatSync(dataDir);
    if (!stat.isDirectory()) return `DATA_DIR is not a folder: ${dataDir}`;
    if (stat.mode & 0o022) return `DATA_DIR can be written by other users (mode ${(stat.mode & 0o777).toString(8)}): \`chmod 700 ${dataDir}\` first`;
  } else {
    mkdirSync(dataDir, { recursive: true });
  }
  chmodSync(dataDir, 0o700);
  const tighten = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) (chmodSync(path, 0o700), tighten(path));
      else if (entry.isFile()) chmodSync(path, 0o600);
    }
  };
  tighten(dataDir);
  try {
    process.umask(0o077);
  } catch {
    // a worker thread cannot set it: the folder and files above are private all the same
  }
  return undefined;
}

/** Starts workerd (already built) with `env`; resolves once it answers. Returns { url, stop, child }. */
export async function startSelfhost({ port, host = '127.0.0.1', dataDir, siteDir, env = process.env, inherit = false, inspectorPort, config }) {
  const problem = configProblem(env) ?? prepareDataDir(dataDir);
  if (problem) throw new Error(problem);
  const child = spawn(workerd, workerdArgs({ port, host, dataDir, siteDir, inspectorPort, config }), {
    env,
    stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
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
  const problem = configProblem(process.env) ?? prepareDataDir(dataDir);
  if (problem) {
    console.error(`Not started: ${problem}`);
    process.exit(1);
  }
  if (!process.env.API_KEYS) console.warn('API_KEYS is not set: the batch routes will refuse every key (401).');
  if (!process.env.AUDIT_HMAC_KEY) console.warn('AUDIT_HMAC_KEY is not set: batches will be refused (503) until it is.');
  const child = spawn(workerd, workerdArgs({ port, host: process.env.HOST || '0.0.0.0', dataDir }), { stdio: 'inherit' });
  console.log(`Serving on http://${process.env.HOST || '0.0.0.0'}:${port} (workerd; audit in ${dataDir})`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
