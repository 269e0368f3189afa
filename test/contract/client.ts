// A client of either server, as another office would call it.
import { createHash, createHmac } from 'node:crypto';
// @ts-expect-error plain ESM helper without types
import { LOCAL_DEV_AUDIT_KEY, LOCAL_DEV_KEY } from '../../scripts/local-worker.mjs';

export const auth = { authorization: `Bearer ${LOCAL_DEV_KEY as string}` };
export const auditHmac = (body: string | Uint8Array) =>
  createHmac('sha256', LOCAL_DEV_AUDIT_KEY as string)
    .update(body)
    .digest('hex');
export const sha256 = (body: string | Uint8Array) => createHash('sha256').update(body).digest('hex');

export interface AuditRecord {
  batchId: string;
  status: 'started' | 'completed' | 'aborted';
  bodyHmac: string;
  bodyBytes: number;
  summary: { rows: number; ok: number; mismatch: number; invalid: number };
}

export function postBatch(url: string, rule: string, body: string, contentType: string, init: RequestInit = {}) {
  return fetch(`${url}/v1/batch/${rule}`, { method: 'POST', ...init, headers: { 'content-type': contentType, ...auth, ...(init.headers as object) }, body });
}

export async function readAudit(url: string, batchId: string): Promise<{ status: number; record?: AuditRecord }> {
  const response = await fetch(`${url}/v1/batch/${batchId}`, { headers: auth });
  if (response.status !== 200) return { status: response.status };
  return { status: 200, record: ((await response.json()) as { batch: AuditRecord }).batch };
}

/** Waits (bounded) until the record is no longer `started`: an abort is written after the client has gone. */
export async function settledAudit(url: string, batchId: string, timeoutMs = 15_000): Promise<AuditRecord | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last: AuditRecord | undefined;
  while (Date.now() < deadline) {
    last = (await readAudit(url, batchId)).record;
    if (last && last.status !== 'started') return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

export const overquotaCsv = (rows: number) =>
  ['rowId,totalStaff,disabledCounted,monthlyMinWage,claimed', ...Array.from({ length: rows }, (_, i) => `r${i},400,9,1980,${i % 2 ? 29700 : 1}`)].join('\r\n') +
  '\r\n';
