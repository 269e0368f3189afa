/**
 * One chunk of a streamed answer as UTF-8 bytes, built from many short strings: each is encoded as it
 * comes (`TextEncoder.encodeInto`), several times cheaper than encoding one long concatenated string
 * with Chinese text in it (measured: ~0.5 µs against ~2.9 µs per batch row).
 */
export class Utf8Chunk {
  private readonly encoder: TextEncoder;
  private buffer: Uint8Array;
  private at = 0;

  constructor(encoder: TextEncoder, size = 1 << 18) {
    this.encoder = encoder;
    this.buffer = new Uint8Array(size);
  }

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    this.room(text.length * 3);
    this.at += this.encoder.encodeInto(text, this.buffer.subarray(this.at)).written;
  }

  /** Bytes already encoded (an xlsx answer's zip pieces). */
  writeBytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
  }

  private room(needed: number): void {
    if (this.buffer.length - this.at < needed) {
      const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.at + needed));
      bigger.set(this.buffer.subarray(0, this.at));
      this.buffer = bigger;
    }
  }

  /** The bytes written; the chunk is not written to after this. */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }
}
