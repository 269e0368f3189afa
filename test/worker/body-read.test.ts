// readBody inside workerd, both ways a body is read: a request's own body (a byte stream, read straight into
// the blocks) and a stream of the caller's chunks (copied into them). The same bytes, blocks and limit either way.
import { describe, expect, it } from 'vitest';
import { readBody } from '../../worker/body/body.ts';

const bytesOf = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 7 + 3) % 251);
const joined = (chunks: Uint8Array[]) => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.length));
  return out;
};
/** workerd's own stream of a known length (as a request body arrives), typed here: the Node-side tsconfig has no Workers globals. */
const { FixedLengthStream } = globalThis as unknown as { FixedLengthStream: new (length: number) => TransformStream<Uint8Array, Uint8Array> };
/** A body without a Content-Length, so only the bytes read can pass the limit. */
const ownBody = (bytes: Uint8Array) => {
  const { readable, writable } = new FixedLengthStream(bytes.length);
  const writer = writable.getWriter();
  // refused past the limit: the reader cancels, and the write fails
  writer
    .write(bytes)
    .then(() => writer.close())
    .catch(() => {});
  return new Request('https://x.test/', { method: 'POST', body: readable });
};
/** A stream of the caller's own chunks (`piece` bytes each), not a byte stream. */
const chunkedBody = (bytes: Uint8Array, piece: number) => {
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull: (controller) => (at < bytes.length ? controller.enqueue(bytes.slice(at, (at += piece))) : controller.close()),
  });
  return new Request('https://x.test/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
};

const bodies = {
  'a byte stream': (bytes: Uint8Array) => ownBody(bytes),
  'a stream of 1,000-byte chunks': (bytes: Uint8Array) => chunkedBody(bytes, 1_000),
};

describe('readBody', () => {
  it('has both kinds of body to read: a byte stream and a stream of chunks', () => {
    expect(() => ownBody(bytesOf(1)).body!.getReader({ mode: 'byob' })).not.toThrow();
    expect(() => chunkedBody(bytesOf(1), 1).body!.getReader({ mode: 'byob' })).toThrow();
  });

  for (const [name, request] of Object.entries(bodies)) {
    describe(`from ${name}`, () => {
      it('gives the bytes in order, in blocks that grow to 64 KB, each handed to onChunk once', async () => {
        const bytes = bytesOf(300_000);
        const seen: Uint8Array[] = [];
        const read = await readBody(request(bytes), 1_000_000, (chunk) => void seen.push(chunk.slice()));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.size).toBe(bytes.length);
        expect(joined(read.bytes)).toEqual(bytes);
        expect(joined(seen)).toEqual(bytes);
        expect(read.bytes.length).toBe(seen.length);
        expect(Math.max(...read.bytes.map((b) => b.length))).toBe(64 * 1024);
        expect(read.bytes[0].length).toBe(1024);
      });

      it('takes a body of exactly the limit, and refuses one byte more with 413', async () => {
        const exact = await readBody(request(bytesOf(5_000)), 5_000);
        expect(exact.ok && joined(exact.bytes)).toEqual(bytesOf(5_000));
        const over = await readBody(request(bytesOf(5_001)), 5_000);
        expect(over.ok).toBe(false);
        if (!over.ok) expect(over.response.status).toBe(413);
      });

      it('reads a small body into one block its size, and an empty one into none', async () => {
        const small = await readBody(request(bytesOf(10)), 5_000);
        expect(small.ok && small.bytes.map((b) => b.length)).toEqual([10]);
        const empty = await readBody(request(new Uint8Array(0)), 5_000);
        expect(empty.ok && empty.size).toBe(0);
      });
    });
  }
});
