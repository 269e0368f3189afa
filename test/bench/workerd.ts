/**
 * The Worker for the bench, in workerd without `wrangler dev`. wrangler dev adds a second workerd (its
 * proxy), an inspector, a dev registry and request logging — none of which a deployed Worker carries —
 * so its memory and latency say more about the dev tooling than about the Worker. Here the Worker is
 * bundled as `wrangler deploy` bundles it (`--dry-run`, offline) and run by Miniflare in one workerd
 * process with only what it uses: the D1 binding (migrations applied, state in a throw-away folder)
 * and the vars API_KEYS (the local key) and BATCH_ORIGINS. No ASSETS: the batch and quick-check
 * routes do not use it. Loopback only; nothing leaves the machine. `startEmptyWorker` runs a Worker that
 * only says "ok" the same way, so the report can tell the runtime's own memory from the Worker's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { buildSite, freePort, localDevVars, offlineEnv, root } from '../../scripts/local-worker.mjs';
import { within } from './heap.ts';
import { workerdPids } from './worker.ts';

export interface BenchWorker {
  url: string;
  /** With `inspect`: the DevTools protocol endpoint of the Worker's own isolate. */
  inspector?: string;
  /** The workerd process(es) running the Worker (children of this process). */
  pids: number[];
  stop(): Promise<void>;
}

/**
 * The Miniflare (and so the workerd) that wrangler itself runs for `npm start`, which may be newer than
 * the one @cloudflare/vitest-plugin brings to the top of node_modules.
 */
async function wranglersMiniflare(): Promise<typeof import('miniflare')> {
  const resolved = createRequire(join(root, 'node_modules', 'wrangler', 'package.json')).resolve('miniflare');
  return (await import(resolved)) as typeof import('miniflare');
}

/** wrangler.toml's `key = "value"` or `key = ["a", "b"]`, top level. */
function tomlValue(toml: string, key: string): string | undefined {
  return new RegExp(`^${key}\\s*=\\s*(.+)$`, 'm').exec(toml)?.[1]?.trim();
}

/** The statements of a migration file, without `--` comments. */
function sqlStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

const WORKER_NAME = 'bench';

/** A Worker for Miniflare: its module source, bindings and whether it has the D1 database. */
interface WorkerSource {
  script: string;
  vars: Record<string, string>;
  d1: boolean;
}

/** The project's Worker, bundled as a deploy bundles it, with the local key. */
function projectWorker(dir: string): WorkerSource {
  // wrangler checks that wrangler.toml's assets folder exists, even for a dry run
  if (!existsSync(join(root, 'dist', 'site'))) buildSite();
  const bundle = join(dir, 'bundle');
  const built = spawnSync(join(root, 'node_modules', '.bin', 'wrangler'), ['deploy', '--dry-run', '--outdir', bundle], {
    cwd: root,
    env: offlineEnv,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${built.stdout}\n${built.stderr}`);
  return { script: readFileSync(join(bundle, 'index.js'), 'utf8'), vars: { ...localDevVars, BATCH_ORIGINS: '' }, d1: true };
}

/** A Worker that only says "ok": what the runtime itself holds, for comparison. */
const emptyWorker: WorkerSource = { script: "export default { fetch: () => new Response('ok') };", vars: {}, d1: false };

/**
 * Starts the project's Worker in workerd directly (no wrangler dev proxy); see the file's comment.
 * `inspect` opens workerd's DevTools endpoint (loopback) so the isolate's own heap can be read; it is
 * off for the throughput and RSS figures, which it would disturb. `transform` rewrites the bundle first (a quick
 * bench's stub, never `npm run bench`'s figures).
 */
export const startBenchWorker = (options: { inspect?: boolean; transform?: (script: string) => string } = {}): Promise<BenchWorker> =>
  startInWorkerd((dir) => {
    const worker = projectWorker(dir);
    return options.transform ? { ...worker, script: options.transform(worker.script) } : worker;
  }, options.inspect === true);

/** Starts a Worker that only answers "ok" the same way: the runtime's own memory, without our code. */
export const startEmptyWorker = (): Promise<BenchWorker> => startInWorkerd(() => emptyWorker, false);

async function startInWorkerd(source: (dir: string) => WorkerSource, inspect: boolean): Promise<BenchWorker> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-workerd-'));
  const stopped = () => rmSync(dir, { recursive: true, force: true });
  const before = new Set(workerdPids());
  const { Miniflare } = await wranglersMiniflare();
  let mf: InstanceType<typeof Miniflare> | undefined;
  try {
    const worker = source(dir);
    const inspectorPort = inspect ? ((await freePort()) as number) : undefined;
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
    const compatibilityDate = JSON.parse(tomlValue(toml, 'compatibility_date') ?? '""') as string;
    const compatibilityFlags = JSON.parse(tomlValue(toml, 'compatibility_flags') ?? '[]') as string[];

    mf = new Miniflare({
      host: '127.0.0.1',
      port: 0,
      ...(inspectorPort === undefined ? {} : { inspectorHost: '127.0.0.1', inspectorPort }),
      cf: false,
      logRequests: false,
      enableDevRegistry: false,
      telemetry: { enabled: false },
      resourcePersistencePath: join(dir, 'state'),
      // workerd's own console output: keep warnings and errors (e.g. a failed audit write), drop the rest
      handleStructuredLogs: ({ level, message }) => {
        if (level === 'error' || level === 'warn') console.error(message);
      },
      workers: [
        {
          config: {
            name: WORKER_NAME,
            compatibilityDate,
            compatibilityFlags,
            manifest: { mainModule: 'index.js', modules: { 'index.js': { type: 'esm', contents: worker.script } } },
            env: {
              ...(worker.d1 ? { DB: { type: 'd1' as const, id: 'bench' } } : {}),
              ...Object.fromEntries(Object.entries(worker.vars).map(([name, value]) => [name, { type: 'text' as const, value }])),
            },
          },
          dev: { unsafeRegisterWorker: false },
        },
      ],
    });
    // bounded: a workerd that cannot start (a port taken) would otherwise leave the bench waiting for good
    const url = (await within(60_000, 'workerd start', mf.ready)).origin;

    if (worker.d1) {
      const db = await mf.getD1Database('DB');
      const migrations = join(root, 'worker', 'migrations');
      for (const file of readdirSync(migrations)
        .filter((f) => f.endsWith('.sql'))
        .sort()) {
        await db.batch(sqlStatements(readFileSync(join(migrations, file), 'utf8')).map((s) => db.prepare(s)));
      }
    }

    const pids = workerdPids().filter((pid) => !before.has(pid));
    if (pids.length === 0) throw new Error('no workerd process found under this one');
    const running = mf;
    return {
      url,
      // workerd names each isolate's endpoint after its service; Miniflare calls the user's `core:user:<name>`
      inspector: inspectorPort === undefined ? undefined : `ws://127.0.0.1:${inspectorPort}/core:user:${WORKER_NAME}`,
      pids,
      stop: async () => {
        await running.dispose();
        stopped();
      },
    };
  } catch (error) {
    await mf?.dispose();
    stopped();
    throw error;
  }
}
