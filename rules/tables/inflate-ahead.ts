/**
 * One zip entry inflated by a native, asynchronous inflater (`DecompressionStream('deflate-raw')`, as
 * workerd and browsers have it) ahead of the synchronous reader that takes its pieces: `fill` (awaited by
 * whoever drives the reader, between its steps) inflates up to a small window of bytes ahead; `pull`
 * hands them out, synchronously, as zip-entries.ts's fflate source does. Where the stream gives a BYOB
 * reader (workerd), the inflated bytes are read into buffers of READ bytes: a read per 64 KB rather than
 * per piece the inflater makes (4 KB in workerd), which had cost about as much again as the inflating itself.
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
import { objectList } from './object-list.ts';

/** A native raw-deflate inflater: `() => new DecompressionStream('deflate-raw')`. */
export type NativeInflate = () => { readable: ReadableStream<Uint8Array>; writable: WritableStream<BufferSource> };

/** Compressed bytes written to the native inflater at a time. */
const PIECE = 16 * 1024;

/**
 * Inflated bytes read at a time where the inflater's output can be read into a buffer of ours (a BYOB
 * reader, as workerd has it): a piece the scanner takes as it is (xml-scan.ts joins smaller ones). The
 * default reader hands out what the inflater made at a time instead (4 KB in workerd): 16 times the reads.
 */
const READ = 64 * 1024;

export class InflateAhead {
  /** Bytes inflated and not yet handed out, in order. */
  private readonly queue: Uint8Array[] = objectList();
  private head = 0;
  /** Bytes in the queue. */
  queued = 0;
  /** Bytes handed out by `pull`. */
  delivered = 0;
  /** Every byte has been inflated (or the stream failed: `failure`). */
  ended = false;
  private failure: Refused | undefined;
  private reader: ReadableStreamDefaultReader<Uint8Array> | ByobReader | undefined;
  /** Whether `reader` reads into buffers of ours (READ bytes at a time). */
  private readonly byob: boolean;
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
    this.reader = byobReader(stream.readable);
    this.byob = this.reader !== undefined;
    this.reader ??= stream.readable.getReader();
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
        chunk = this.byob
          ? await (this.reader as ByobReader).read(new Uint8Array(READ), { min: READ })
          : await (this.reader as ReadableStreamDefaultReader<Uint8Array>).read();
      } catch {
        if (this.reader) this.fail(notDeflate(this.name));
        return;
      }
      if (!this.reader) return;
      if (chunk.done) {
        // a BYOB read at the end may still hold the last bytes
        if (chunk.value?.length) this.take(chunk.value);
        if (this.failure) return;
        this.ended = true;
        this.release(false);
        return;
      }
      this.take(chunk.value);
    }
  }

  /** Counts and queues an inflated piece (none when empty); past a cap, the stream fails. */
  private take(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.inflated += piece.length;
    const refused = this.check(this.inflated, Math.max(1, this.written));
    if (refused) return this.fail(refused);
    this.queue.push(piece);
    this.queued += piece.length;
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

/** A BYOB reader, with the `min` of a read (the DOM types here do not have it yet): the read waits until `min` bytes are in the view, or the end. */
interface ByobReader {
  read(view: Uint8Array<ArrayBuffer>, options: { min: number }): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

/** A BYOB reader of the stream, when it gives one (workerd's inflater does; a browser's may not): undefined otherwise. */
function byobReader(readable: ReadableStream<Uint8Array>): ByobReader | undefined {
  try {
    return readable.getReader({ mode: 'byob' }) as unknown as ByobReader;
  } catch {
    return undefined;
  }
}
