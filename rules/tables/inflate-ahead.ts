/**
 * One zip entry inflated by a native, asynchronous inflater (`DecompressionStream('deflate-raw')`, as
 * workerd and browsers have it) ahead of the synchronous reader that takes its pieces: `fill` (awaited by
 * whoever drives the reader, between its steps) inflates up to a small window of bytes ahead; `pull`
 * hands them out, synchronously, as zip-entries.ts's fflate source does.
 *
 * Bounded: what is held is the window (plus the native stream's own small queue), and the inflated
 * bytes are counted as they come: past the cap or the ratio the stream is cancelled, and the refusal is
 * thrown by `pull` once the pieces before it have been taken (as the fflate source throws it).
 *
 * Should the reader need more than was inflated ahead (one step read more than the window), `pull` does
 * not wait: it goes on with fflate (`fallback`) from the entry's start, skipping what was handed out, and
 * the native stream is cancelled. Slower, the same bytes.
 */
import { notDeflate, Refused } from './zip-entries.ts';

/** A native raw-deflate inflater: `() => new DecompressionStream('deflate-raw')`. */
export type NativeInflate = () => { readable: ReadableStream<Uint8Array>; writable: WritableStream<BufferSource> };

/** Compressed bytes written to the native inflater at a time. */
const PIECE = 16 * 1024;

export class InflateAhead {
  /** Bytes inflated and not yet handed out, in order. */
  private readonly queue: Uint8Array[] = [];
  private head = 0;
  /** Bytes in the queue. */
  queued = 0;
  /** Bytes handed out by `pull`. */
  delivered = 0;
  /** Every byte has been inflated (or the stream failed: `failure`). */
  ended = false;
  private failure: Refused | undefined;
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private writer: WritableStreamDefaultWriter<BufferSource> | undefined;
  /** The fflate source that took over (see the module comment). */
  private fallen: (() => Uint8Array | undefined) | undefined;
  private inflated = 0;
  private written = 0;

  private readonly data: Uint8Array;
  private readonly name: string;
  /** Checks the inflated size against the cap and the ratio: a refusal, or undefined. */
  private readonly check: (inflated: number, compressed: number) => Refused | undefined;
  private readonly fallback: () => () => Uint8Array | undefined;

  constructor(
    data: Uint8Array,
    name: string,
    native: NativeInflate,
    check: (inflated: number, compressed: number) => Refused | undefined,
    fallback: () => () => Uint8Array | undefined,
  ) {
    this.data = data;
    this.name = name;
    this.check = check;
    this.fallback = fallback;
    const stream = native();
    this.reader = stream.readable.getReader();
    const writer = (this.writer = stream.writable.getWriter());
    // the compressed bytes are written as the stream takes them (its backpressure holds the writes back)
    void (async () => {
      for (let at = 0; at < data.length; at += PIECE) {
        this.written = Math.min(data.length, at + PIECE);
        await writer.write(data.subarray(at, this.written) as Uint8Array<ArrayBuffer>);
      }
      await writer.close();
    })().catch(() => undefined);
  }

  /** Whether the reader got ahead and fflate took over. */
  get fellBack(): boolean {
    return this.fallen !== undefined;
  }

  /** Inflates until `bytes` are queued ahead of the reader, or the entry has ended. */
  async fill(bytes: number): Promise<void> {
    while (this.reader && !this.ended && this.queued < bytes) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await this.reader.read();
      } catch {
        if (this.reader) this.fail(notDeflate(this.name));
        return;
      }
      if (!this.reader) return;
      if (chunk.done) {
        this.ended = true;
        this.release(false);
        return;
      }
      const piece = chunk.value;
      if (piece.length === 0) continue;
      this.inflated += piece.length;
      const refused = this.check(this.inflated, Math.max(1, this.written));
      if (refused) return this.fail(refused);
      this.queue.push(piece);
      this.queued += piece.length;
    }
  }

  /** The next piece (never empty), or undefined at the end; a refusal is thrown. */
  pull(): Uint8Array | undefined {
    if (this.fallen) return this.fallen();
    if (this.head < this.queue.length) {
      const piece = this.queue[this.head];
      this.queue[this.head++] = undefined as never;
      if (this.head === this.queue.length) this.queue.length = this.head = 0;
      this.queued -= piece.length;
      this.delivered += piece.length;
      return piece;
    }
    if (this.failure) throw this.failure;
    if (this.ended) return undefined;
    return this.fallBack();
  }

  /** The reader has got ahead of the native inflater: fflate from the start, past what was handed out. */
  private fallBack(): Uint8Array | undefined {
    this.release(true);
    const pull = (this.fallen = this.fallback());
    let skip = this.delivered;
    for (;;) {
      const piece = pull();
      if (!piece) return undefined;
      if (piece.length <= skip) {
        skip -= piece.length;
        continue;
      }
      return skip ? piece.subarray(skip) : piece;
    }
  }

  /** Stops inflating and lets the window go: the reader is not expected to read on. */
  cancel(): void {
    if (this.ended || !this.reader) return;
    // should it be read on after all, fflate takes over past what was handed out
    this.queue.length = this.head = this.queued = 0;
    this.release(true);
  }

  private fail(refusal: Refused): void {
    this.failure = refusal;
    this.ended = true;
    this.release(true);
  }

  /** Lets the native stream go, cancelled when it has not ended. */
  private release(cancel: boolean): void {
    const { reader, writer } = this;
    this.reader = this.writer = undefined;
    if (cancel) {
      reader?.cancel().catch(() => undefined);
      writer?.abort().catch(() => undefined);
    }
  }
}
