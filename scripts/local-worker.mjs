// Runs the Worker locally in workerd through `wrangler dev`, offline: used by `npm start` (port 8787)
// and by the browser tests (a free port, a throw-away state folder). No calls leave the machine.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { request as httpsRequest } from 'node:https';
import { writePlanIndex } from './plan-index.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');

export const offlineEnv = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  // wrangler's local trace store (.wrangler/state/v3/observability) keeps every request's URL, query string
  // included, in SQLite: nothing that identifies a person may be kept, so it is off.
  X_LOCAL_OBSERVABILITY: 'false',
  CI: process.env.CI ?? '',
  // npm puts the project's Node first on PATH; keep it that way for wrangler's children.
  PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}`,
};

/** The documented batch key for local runs only (npm start, e2e tests); a deploy never accepts it. */
export const LOCAL_DEV_KEY = 'local-dev-key';
/**
 * The documented audit hash key for local runs only (a deploy must set its own secret AUDIT_HMAC_KEY;
 * without one, batches are refused). Audit hashes made with it prove nothing to anyone who reads this.
 */
export const LOCAL_DEV_AUDIT_KEY = 'local-dev-audit-key-for-local-runs-only';
/** Vars every local run gets: API_KEYS holds the key's id and SHA-256, never the key. */
export const localDevVars = {
  API_KEYS: `local:${createHash('sha256').update(LOCAL_DEV_KEY).digest('hex')}`,
  AUDIT_HMAC_KEY: LOCAL_DEV_AUDIT_KEY,
};

/**
 * The kernel's ephemeral ports (`ip_local_port_range`): where it puts a socket bound to port 0. A port we
 * choose and then hand to wrangler or workerd must lie below them, or a server that binds port 0 meanwhile
 * (Miniflare's loopback, workerd's own sockets) can be given the same one: on a freshly booted machine it
 * was, and workerd's inspector then waited on it for good.
 */
function ephemeralLow() {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 2048 ? low : 32768;
  } catch {
    return 32768;
  }
}

/** Whether a port can be listened on at 127.0.0.1 now. */
const canListen = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A free loopback port below the ephemeral range (see ephemeralLow), chosen at random so that parallel callers rarely meet. */
export async function freePort() {
  const high = ephemeralLow() - 1;
  const low = Math.max(1025, high - 12_000);
  for (let tries = 0; tries < 100; tries++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high}`);
}

/** Applies the D1 migrations to the local database kept in `persistTo`, when wrangler.toml declares one. */
export function migrateLocalD1(persistTo) {
  const config = readFileSync(join(root, 'wrangler.toml'), 'utf8');
  const match = /\[\[d1_databases\]\][^[]*?binding\s*=\s*"([^"]+)"/s.exec(config);
  if (!match) return;
  const result = spawnSync(wrangler, ['d1', 'migrations', 'apply', match[1], '--local', '--persist-to', persistTo], {
    cwd: root,
    env: offlineEnv,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`D1 migrations failed:\n${result.stdout}\n${result.stderr}`);
}

/** Builds the static site (add-in files and the quick-check page) into dist/site. */
export function buildSite() {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, env: offlineEnv, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}

/**
 * The certificate for `npm start -- --https`: Microsoft's `office-addin-dev-certs` (the tool for add-in
 * development) makes a certificate authority for this machine only and a localhost certificate signed by it,
 * in ~/.office-addin-dev-certs. wrangler's own local certificate is never used: its CA's private key ships
 * inside the npm package, so trusting it would let anyone forge certificates for any site.
 */
const certDir = join(homedir(), '.office-addin-dev-certs');
export const devCerts = { ca: join(certDir, 'ca.crt'), cert: join(certDir, 'localhost.crt'), key: join(certDir, 'localhost.key') };
export const INSTALL_CERTS = 'npx office-addin-dev-certs install';

/** The local URL a run serves on: the address npm start prints, and the Worker's own origin (PUBLIC_ORIGIN). */
export const localUrl = (port, https) => `${https ? 'https://localhost' : 'http://127.0.0.1'}:${port}`;

/** The other loopback spelling of a local URL (localhost ↔ 127.0.0.1), so the page works opened either way. */
const otherLoopback = (url) => (url.includes('//localhost:') ? url.replace('//localhost:', '//127.0.0.1:') : url.replace('//127.0.0.1:', '//localhost:'));

/** `wrangler dev`'s arguments for a local run (exported for the tests). */
export function devArgs({ port, persistTo, vars = {}, https = false, certs = devCerts }) {
  const url = localUrl(port, https);
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo, '--show-interactive-dev-session=false'];
  // The Worker's own origin comes from configuration, never from the Host header.
  const local = { PUBLIC_ORIGIN: url, BATCH_ORIGINS: otherLoopback(url) };
  for (const [key, value] of Object.entries({ ...localDevVars, ...local, ...vars })) args.push('--var', `${key}:${value}`);
  // Office loads add-ins only over https: served with the office-addin-dev-certs certificate for localhost.
  if (https) args.push('--local-protocol', 'https', '--https-key-path', certs.key, '--https-cert-path', certs.cert);
  return args;
}

/** Resolves when an https server answers with a certificate the given CA signed (the probe trusts only that CA). */
function httpsAnswers(url, ca) {
  return new Promise((resolve) => {
    const req = httpsRequest(`${url}/v1/rules`, { ca, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => (req.destroy(), resolve(false)));
    req.end();
  });
}

/**
 * Starts `wrangler dev` and resolves once it answers. `persistTo` keeps the local D1 (SQLite) state.
 * With `https`, `certs` ({ ca, cert, key }) defaults to office-addin-dev-certs' files; missing ones are an
 * error whose message is the one command to run. Returns { url, stop, output }.
 */
export async function startLocalWorker({
  port,
  persistTo = join(root, '.wrangler', 'state'),
  build = true,
  inherit = false,
  vars = {},
  https = false,
  certs = devCerts,
  assets,
} = {}) {
  if (https && ![certs.ca, certs.cert, certs.key].every((file) => existsSync(file))) {
    throw new Error(
      `No local https certificate: run \`${INSTALL_CERTS}\` once (a CA for this machine only; \`npx office-addin-dev-certs uninstall\` removes it)`,
    );
  }
  writePlanIndex(root); // wrangler dev bundles the rules, which import the served plans' list
  if (build) buildSite();
  migrateLocalD1(persistTo);
  const actualPort = port ?? (await freePort());
  const args = devArgs({ port: actualPort, persistTo, vars, https, certs });
  // Another folder of static files than wrangler.toml's dist/site (the contract tests' private build).
  if (assets) args.push('--assets', assets);
  const piped = !inherit;
  const child = spawn(wrangler, args, { cwd: root, env: offlineEnv, stdio: piped ? ['ignore', 'pipe', 'pipe'] : 'inherit', detached: !inherit });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = localUrl(actualPort, https);
  const ca = https ? readFileSync(certs.ca) : undefined;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(inherit ? child.pid : -child.pid, 'SIGTERM');
      } catch {
        resolve();
      }
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    if (https) {
      if (await httpsAnswers(url, ca)) return { url, stop, output: () => output };
    } else {
      try {
        const response = await fetch(`${url}/v1/rules`);
        if (response.ok) return { url, stop, output: () => output };
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer within 60 s:\n${output}`);
}
