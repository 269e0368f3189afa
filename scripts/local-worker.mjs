// Runs the Worker locally in workerd through `wrangler dev`, offline: used by `npm start` (port 8787)
// and by the browser tests (a free port, a throw-away state folder). No calls leave the machine.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

export const root = fileURLToPath(new URL('..', import.meta.url));
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');

export const offlineEnv = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
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
export const LOCAL_DEV_AUDIT_KEY = 'local-dev-audit-key';
/** Vars every local run gets: API_KEYS holds the key's id and SHA-256, never the key. */
export const localDevVars = {
  API_KEYS: `local:${createHash('sha256').update(LOCAL_DEV_KEY).digest('hex')}`,
  AUDIT_HMAC_KEY: LOCAL_DEV_AUDIT_KEY,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
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
 * Starts `wrangler dev` and resolves once it answers. `persistTo` keeps the local D1 (SQLite) state.
 * Returns { url, stop, output }.
 */
export async function startLocalWorker({ port, persistTo = join(root, '.wrangler', 'state'), build = true, inherit = false, vars = {}, https = false, assets } = {}) {
  if (build) buildSite();
  migrateLocalD1(persistTo);
  const actualPort = port ?? (await freePort());
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(actualPort), '--persist-to', persistTo, '--show-interactive-dev-session=false'];
  // Another folder of static files than wrangler.toml's dist/site (the contract tests' private build).
  if (assets) args.push('--assets', assets);
  for (const [key, value] of Object.entries({ ...localDevVars, ...vars })) args.push('--var', `${key}:${value}`);
  // Office loads add-ins only over https: wrangler serves it with its own local certificate.
  if (https) args.push('--local-protocol', 'https');
  // With https the readiness probe reads wrangler's own "Ready" line, so its output is piped (and echoed).
  const piped = !inherit || https;
  const child = spawn(wrangler, args, { cwd: root, env: offlineEnv, stdio: piped ? ['ignore', 'pipe', 'pipe'] : 'inherit', detached: !inherit });
  let output = '';
  child.stdout?.on('data', (d) => ((output += d), inherit && process.stdout.write(d)));
  child.stderr?.on('data', (d) => ((output += d), inherit && process.stderr.write(d)));
  const url = `${https ? 'https' : 'http'}://${https ? 'localhost' : '127.0.0.1'}:${actualPort}`;
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
      if (/Ready on/.test(output)) return { url, stop, output: () => output };
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

