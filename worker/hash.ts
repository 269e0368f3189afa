/** SHA-256 of a body computed while it is read: workerd's crypto.DigestStream, else one digest at the end. */

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

export function sha256Streaming(): StreamingHash {
  const DigestStream = (crypto as unknown as { DigestStream?: DigestStreamConstructor }).DigestStream;
  if (DigestStream) {
    const stream = new DigestStream('SHA-256');
    const writer = stream.getWriter();
    return {
      update: (chunk) => writer.write(chunk),
      hex: async () => {
        await writer.close();
        return hex(await stream.digest);
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
      return hex(await crypto.subtle.digest('SHA-256', all));
    },
  };
}
