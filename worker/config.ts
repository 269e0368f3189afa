/**
 * The configuration checked before a server starts (`npm run serve`): a weak or malformed secret stops it with
 * one line that names the variable and the entry, never the value.
 * - AUDIT_HMAC_KEY, when set, has at least 32 bytes (`openssl rand -hex 32` gives 64);
 * - every API_KEYS entry is `id:<64 hex>` (the key's SHA-256, never the key), and no id is used twice.
 * Plain JavaScript types only: Node runs this file directly (scripts/serve.mjs).
 */
export const MIN_AUDIT_KEY_BYTES = 32;

export function configProblem(env: Record<string, string | undefined>): string | undefined {
  const auditKey = env.AUDIT_HMAC_KEY;
  if (auditKey !== undefined && auditKey !== '' && new TextEncoder().encode(auditKey).length < MIN_AUDIT_KEY_BYTES) {
    return `AUDIT_HMAC_KEY is shorter than ${MIN_AUDIT_KEY_BYTES} bytes: make one with \`openssl rand -hex 32\``;
  }
  const entries = (env.API_KEYS ?? '').split(',').map((entry) => entry.trim());
  if (entries.length === 1 && entries[0] === '') return undefined;
  const seen = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const match = /^([^:\s]+):([0-9a-fA-F]{64})$/.exec(entries[i]);
    if (!match) return `API_KEYS entry ${i + 1} is not id:<64 hex> (the SHA-256 of the key, never the key itself: \`printf %s KEY | sha256sum\`)`;
    if (seen.has(match[1])) return `API_KEYS entry ${i + 1} repeats the id of an earlier entry`;
    seen.add(match[1]);
  }
  return undefined;
}
