// Starts both servers once for the contract suite: `wrangler dev` (workerd under wrangler, local D1)
// and the self-hosted server (workerd on dist/selfhost/workerd.capnp, audit under a throw-away
// DATA_DIR), each on a free port, and hands their URLs to the tests through inject('servers').
import type { TestProject } from 'vitest/node';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { freePort, localDevVars, offlineEnv, root, startLocalWorker } from '../../scripts/local-worker.mjs';
// @ts-expect-error plain ESM helper without types
import { startSelfhost } from '../../scripts/serve.mjs';
// @ts-expect-error plain ESM helper without types
import { buildSelfhost } from '../../selfhost/build.mjs';

export interface Server {
  name: string;
  url: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    servers: Server[];
    siteDir: string;
  }
}

/** The environment the self-hosted server gets in these tests: the documented local key and audit key. */
export const selfhostEnv = () => ({ ...process.env, ...localDevVars, BATCH_ORIGINS: 'https://allowed.example' });

export default async function setup(project: TestProject) {
  const state = mkdtempSync(join(tmpdir(), 'bt-contract-wrangler-'));
  const data = mkdtempSync(join(tmpdir(), 'bt-contract-data-'));
  // Both servers serve a private build of the site: other suites rebuild dist/site while these run.
  const site = mkdtempSync(join(tmpdir(), 'bt-contract-site-'));
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--out', site], { cwd: root, env: offlineEnv, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('site build failed');
  const wrangler = await startLocalWorker({ persistTo: state, build: false, assets: site, vars: { BATCH_ORIGINS: 'https://allowed.example' } });
  await buildSelfhost();
  const selfhost = await startSelfhost({ port: await freePort(), dataDir: data, siteDir: site, env: selfhostEnv() });
  project.provide('siteDir', site);
  project.provide('servers', [
    { name: 'self-hosted (workerd)', url: selfhost.url },
    { name: 'wrangler dev', url: wrangler.url },
  ]);
  return async () => {
    await Promise.all([wrangler.stop(), selfhost.stop()]);
    rmSync(state, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
    rmSync(site, { recursive: true, force: true });
  };
}
