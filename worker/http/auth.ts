/**
 * Batch keys: `Authorization: Bearer <key>`, checked against SHA-256 hashes held in the API_KEYS
 * binding (`id:sha256hex,…`). The Worker never stores or logs a key; the audit names the key's id.
 */
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { AppEnv } from '../env.ts';
import { apiError } from './errors.ts';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Parses `id:sha256hex,id2:sha256hex`; malformed entries are ignored. */
export function parseKeyHashes(configured: string | undefined): { id: string; hash: string }[] {
  return (configured ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .map((entry) => {
      const at = entry.lastIndexOf(':');
      return {
        id: entry.slice(0, at).trim(),
        hash: entry
          .slice(at + 1)
          .trim()
          .toLowerCase(),
      };
    })
    .filter((k) => k.id !== '' && /^[0-9a-f]{64}$/.test(k.hash));
}

/** Equal-length comparison without an early exit. */
function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The id of the configured key a token is, or undefined: every configured hash is compared, without an early exit. */
export async function keyIdOf(token: string, configured: string | undefined): Promise<string | undefined> {
  const hash = await sha256Hex(token);
  let found: string | undefined;
  for (const key of parseKeyHashes(configured)) if (sameHex(key.hash, hash)) found = key.id;
  return found;
}

/** 401 in the Worker's error shape; `Authorization` given but malformed (hono's 400) is a wrong key here too. */
const refusal = (given: boolean) => () => apiError('unauthorized', { given }, { headers: { 'www-authenticate': 'Bearer' } }).getResponse();

/**
 * hono's bearer-auth reads the header (`Bearer <token68>`: the documented keys are hex); the token is checked against
 * the configured hashes, and its id kept for the audit.
 */
export const requireKey: MiddlewareHandler<AppEnv> = bearerAuth({
  verifyToken: async (token, c) => {
    const keyId = await keyIdOf(token, c.env?.API_KEYS);
    if (keyId !== undefined) c.set('keyId', keyId);
    return keyId !== undefined;
  },
  noAuthenticationHeader: { message: refusal(false) },
  invalidAuthenticationHeader: { message: refusal(true) },
  invalidToken: { message: refusal(true) },
});
