/**
 * Batch keys: `Authorization: Bearer <key>`, checked against SHA-256 hashes held in the API_KEYS
 * binding (`id:sha256hex,…`). The Worker never stores or logs a key; the audit names the key's id.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { errorBody, errorResponse } from './errors.ts';

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
      return { id: entry.slice(0, at).trim(), hash: entry.slice(at + 1).trim().toLowerCase() };
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

/** The id of the key in an `Authorization: Bearer …` header, or undefined when it is absent or wrong. */
export async function keyIdOf(authorization: string | undefined, configured: string | undefined): Promise<string | undefined> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const hash = await sha256Hex(match[1]);
  let found: string | undefined;
  for (const key of parseKeyHashes(configured)) if (sameHex(key.hash, hash)) found = key.id;
  return found;
}

export const requireKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  const keyId = await keyIdOf(c.req.header('authorization'), c.env?.API_KEYS);
  if (keyId === undefined) {
    const given = c.req.header('authorization') !== undefined;
    return errorResponse(
      401,
      errorBody(
        'unauthorized',
        given ? '批量接口的密钥不正确' : '批量接口需要密钥：Authorization: Bearer <key>',
        given ? 'The batch key is not valid' : 'The batch routes need a key: Authorization: Bearer <key>',
      ),
      {},
      { 'www-authenticate': 'Bearer' },
    );
  }
  c.set('keyId', keyId);
  await next();
};
