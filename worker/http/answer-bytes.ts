/**
 * An answer's JSON as UTF-8 bytes, written into one buffer the isolate reuses: the parts answers share
 * (rules/core/answer-json.ts) copied from their bytes, encoded once per part; the rest encoded as it is written.
 * Encoding the whole text of a quick check's answer (mostly shared parts, in Chinese) was a fifth of its cost.
 * - The bytes are a view of the buffer, lent to `use` only: a Response copies a body given as bytes (Fetch:
 *   extracting a BufferSource takes a copy), so the buffer is free again once `use` has made its Response, and is
 *   cleared then (nothing of an answer stays in it).
 * - An answer larger than the buffer is given to `use` as its text.
 */
import { answerJson, writeAnswer, type AnswerSink } from '../../rules/index.ts';

const encoder = new TextEncoder();
const buffer: Uint8Array<ArrayBuffer> = new Uint8Array(64 * 1024);
const partBytes = new WeakMap<object, Uint8Array>();

class BufferSink implements AnswerSink {
  length = 0;
  overflow = false;
  private readonly into: Uint8Array;
  constructor(into: Uint8Array) {
    this.into = into;
  }

  text(text: string): void {
    if (this.overflow || text === '') return;
    const { read, written } = encoder.encodeInto(text, this.into.subarray(this.length));
    this.length += written;
    if (read !== text.length) this.overflow = true;
  }

  part(part: object, text: string): void {
    if (this.overflow) return;
    let bytes = partBytes.get(part);
    if (!bytes) partBytes.set(part, (bytes = encoder.encode(text)));
    if (this.length + bytes.length > this.into.length) this.overflow = true;
    else {
      this.into.set(bytes, this.length);
      this.length += bytes.length;
    }
  }
}

/** `use(body)` with the answer's JSON body: its bytes while `use` runs (make the Response there), or its text. */
export function withAnswerBody<T>(answer: object, use: (body: Uint8Array<ArrayBuffer> | string) => T): T {
  const sink = new BufferSink(buffer);
  writeAnswer(answer, sink);
  try {
    return use(sink.overflow ? answerJson(answer) : buffer.subarray(0, sink.length));
  } finally {
    buffer.fill(0, 0, sink.length);
  }
}
