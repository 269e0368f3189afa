// Starts the real Worker (wrangler dev → workerd) once for all browser tests, on a free port with
// throw-away local state, and hands its URL to the tests through `inject('workerUrl')`.
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { startLocalWorker } from '../../scripts/local-worker.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    workerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const state = mkdtempSync(join(tmpdir(), 'bt-e2e-'));
  const worker = await startLocalWorker({ persistTo: state });
  project.provide('workerUrl', worker.url);
  return async () => {
    await worker.stop();
    rmSync(state, { recursive: true, force: true });
  };
}
