/**
 * Every non-2xx answer has one shape: `{ ok: false, rulesetVersion, error: { code, message: {zh, en}, field? } }`.
 */
import { RULESET_VERSION, type RuleErrorBody } from '../rules/index.ts';

/** HTTP-level error codes, beside the rules package's own (`unknown-rule`, `missing-input`, …). */
export type HttpErrorCode =
  | 'not-found'
  | 'method-not-allowed'
  | 'not-acceptable'
  | 'personal-input-in-url'
  | 'malformed-json'
  | 'unsupported-media-type'
  | 'unsupported-charset'
  | 'invalid-encoding'
  | 'unauthorized'
  | 'forbidden-origin'
  | 'payload-too-large'
  | 'body-too-slow'
  | 'malformed-body'
  | 'too-many-rows'
  | 'empty-batch'
  | 'unknown-column'
  | 'missing-column'
  | 'records-not-in-csv'
  | 'malformed-csv'
  | 'audit-not-configured'
  | 'audit-unavailable'
  | 'unreadable-table'
  | 'unknown-parameter'
  | 'invalid-override'
  | 'missing-override'
  | 'internal-error';

export interface HttpErrorBody {
  code: HttpErrorCode | RuleErrorBody['code'];
  message: { zh: string; en: string };
  field?: string;
}

export function errorBody(code: HttpErrorBody['code'], zh: string, en: string, field?: string): HttpErrorBody {
  return field === undefined ? { code, message: { zh, en } } : { code, field, message: { zh, en } };
}

/** A JSON error response; extra members (e.g. `rule`) go beside `error`. */
export function errorResponse(status: number, error: HttpErrorBody, extra: Record<string, unknown> = {}, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify({ ok: false, ...extra, rulesetVersion: RULESET_VERSION, error }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
