/**
 * The Worker's URL and batch key, kept in the add-in's own storage: `OfficeRuntime.storage` in the
 * shared runtime (kept per user, across workbooks), else the page's localStorage.
 */
import { officeRuntime } from '../office-host.ts';
import type { WorkerSettings } from './worker-client.ts';

const KEY = 'bt-worker-settings';

interface Store {
  getItem(key: string): Promise<string | null> | string | null;
  setItem(key: string, value: string): Promise<void> | void;
}

function store(): Store | undefined {
  const runtime = officeRuntime();
  if (runtime?.storage) return runtime.storage;
  return (globalThis as { localStorage?: Store }).localStorage;
}

export async function loadSettings(): Promise<WorkerSettings> {
  const raw = await store()?.getItem(KEY);
  try {
    const parsed = raw ? JSON.parse(raw) : {};
    return { url: typeof parsed.url === 'string' ? parsed.url : '', key: typeof parsed.key === 'string' ? parsed.key : '' };
  } catch {
    return { url: '', key: '' };
  }
}

export async function saveSettings(settings: WorkerSettings): Promise<void> {
  await store()?.setItem(KEY, JSON.stringify({ url: settings.url.trim(), key: settings.key.trim() }));
}
