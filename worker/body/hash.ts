/**
 * Keyed hash of a body computed while it is read: HMAC-SHA-256 (RFC 2104) with the secret
 * AUDIT_HMAC_KEY. Streamed through workerd's crypto.DigestStream where it exists (the inner hash
 * sees the chunks as they arrive), else one crypto.subtle HMAC over the whole body at the end.
 * A plain SHA-256 of a short body can be reversed by enumerating likely inputs; an HMAC cannot,
 * without the key.
 */

interface DigestStreamLike {
  getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> };
  digest: Promise<ArrayBuffer>;
}
type DigestStreamConstructor = new (algorithm: string) => DigestStreamLike;

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

export interface StreamingHash {
  update(chunk: Uint8Array): Promise<void>;
  hex(): Promise<string>;
}

const BLOCK = 64; // SHA-256's block size in bytes

/** The key padded to one block: hashed first when longer than a block (RFC 2104 §2). */
async function blockKey(key: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const short = key.length > BLOCK ? new Uint8Array(await crypto.subtle.digest('SHA-256', key)) : key;
  const padded = new Uint8Array(BLOCK);
  padded.set(short);
  return padded;
}

const xor = (key: Uint8Array<ArrayBuffer>, pad: number) => key.map((b) => b ^ pad);

export function hmacSha256Streaming(secret: string): StreamingHash {
  const keyBytes = new TextEncoder().encode(secret);
  const DigestStream = (crypto as unknown as { DigestStream?: DigestStreamConstructor }).DigestStream;
  if (DigestStream) {
    const inner = new DigestStream('SHA-256');
    const writer = inner.getWriter();
    const padded = blockKey(keyBytes);
    // The inner hash starts with key XOR ipad; chunks follow in order (writes are queued).
    let queue: Promise<void> = padded.then((k) => writer.write(xor(k, 0x36)));
    return {
      update: (chunk) => (queue = queue.then(() => writer.write(chunk))),
      hex: async () => {
        await queue;
        await writer.close();
        const innerDigest = new Uint8Array(await inner.digest);
        const outer = new Uint8Array(BLOCK + innerDigest.length);
        outer.set(xor(await padded, 0x5c));
        outer.set(innerDigest, BLOCK);
        return hex(await crypto.subtle.digest('SHA-256', outer));
      },
    };
  }
  const chunks: Uint8Array[] = [];
  return {
    update: async (chunk) => void chunks.push(chunk),
    hex: async () => {
      const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) all.set(c, (at += c.length) - c.length);
      const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return hex(await crypto.subtle.sign('HMAC', key, all));
    },
  };
}
