// Calls the Worker under test (its default export, in this workerd) like a client would.
import { exports } from 'cloudflare:workers';

export const BASE = 'https://rules.test';
export const LOCAL_DEV_KEY = 'local-dev-key';
export const OTHER_TEST_KEY = 'test-second-key';

export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${path}`, init));
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export const auth = (key = LOCAL_DEV_KEY) => ({ authorization: `Bearer ${key}` });

export function postBatch(rule: string, body: BodyInit, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
  return call(`/v1/batch/${rule}`, { method: 'POST', headers: { 'content-type': contentType, ...auth(), ...headers }, body });
}

export { parseCsvAnswer } from '../support/csv.ts';
