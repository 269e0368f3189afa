/**
 * Incremental text decoding of a CSV or text body: UTF-8 (with or without BOM), UTF-16LE/BE with a
 * BOM (Excel's "Unicode text"), and GBK/GB18030 as Chinese Excel saves "CSV". A BOM settles it; else a
 * `charset=` in the Content-Type is honoured; without one, the first non-ASCII bytes decide: valid
 * UTF-8 → UTF-8, otherwise GB18030 (a superset of GBK and GB2312).
 * workerd's TextDecoder knows gb18030 and utf-16 (checked by test/worker/csv-and-decode.test.ts).
 */

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface ChunkDecoder {
  /** The encoding in use, or undefined while everything seen is ASCII. */
  readonly encoding: Encoding | undefined;
  decode(chunk: Uint8Array): string;
  end(): string;
}

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);
const GB_NAMES = new Set(['gbk', 'gb2312', 'gb18030', 'cp936', 'x-gbk', 'euc-cn', 'windows-936']);
const UTF16_NAMES: Record<string, Encoding> = { 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be' };

/** The encoding a `charset` parameter names, `undefined` when there is none, `null` when it is not supported. */
export function encodingOfCharset(contentType: string | undefined): Encoding | undefined | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  if (!match) return undefined;
  const name = match[1].toLowerCase();
  if (UTF8_NAMES.has(name)) return 'utf-8';
  if (GB_NAMES.has(name)) return 'gb18030';
  return UTF16_NAMES[name] ?? null;
}

/** Length of the valid UTF-8 sequence starting at `i`, 0 if invalid, -1 if cut off by the end of `bytes`. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (need === 0) return 0;
  for (let k = 1; k < need; k++) {
    if (i + k >= bytes.length) return -1;
    const c = bytes[i + k];
    if (c < 0x80 || c > 0xbf) return 0;
    if (k === 1 && ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f))) return 0;
  }
  return need;
}

/** Guesses from bytes starting at the first non-ASCII byte: UTF-8 when every sequence seen is valid UTF-8. */
function looksLikeUtf8(bytes: Uint8Array, from: number): boolean {
  const end = Math.min(bytes.length, from + 4096);
  for (let i = from; i < end;) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i);
    if (n === 0) return false;
    if (n === -1) return true; // cut off at the end of the chunk: valid so far
    i += n;
  }
  return true;
}

/**
 * The encoding of a whole body held in memory, so a late non-UTF-8 byte is never decoded as UTF-8: a BOM
 * settles it; otherwise valid UTF-8 from the first byte to the last is UTF-8, anything else GB18030.
 * `undefined` when every byte is ASCII.
 */
export function encodingOfBody(chunks: readonly Uint8Array[]): Encoding | undefined {
  const bom = chunks[0] ? bomOf(chunks[0]) : undefined;
  if (bom) return bom;
  return invalidUtf8At(chunks) === undefined ? (chunks.some(hasNonAscii) ? 'utf-8' : undefined) : 'gb18030';
}

const hasNonAscii = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

/** The offset of the first byte that is not valid UTF-8 across all the chunks, or undefined when all are valid. */
export function invalidUtf8At(chunks: readonly Uint8Array[]): number | undefined {
  let offset = 0;
  let carry: Uint8Array | undefined; // a sequence cut off by the end of the chunk before
  for (const chunk of chunks) {
    let i = 0;
    if (carry) {
      const joined = new Uint8Array(carry.length + Math.min(4, chunk.length));
      joined.set(carry);
      joined.set(chunk.subarray(0, 4), carry.length);
      const n = utf8SequenceAt(joined, 0);
      if (n === 0) return offset - carry.length;
      if (n === -1) {
        carry = joined; // still cut off: a chunk of fewer than 4 bytes
        offset += chunk.length;
        continue;
      }
      i = n - carry.length;
      carry = undefined;
    }
    for (; i < chunk.length;) {
      if (chunk[i] < 0x80) {
        i++;
        continue;
      }
      const n = utf8SequenceAt(chunk, i);
      if (n === 0) return offset + i;
      if (n === -1) {
        carry = chunk.slice(i);
        break;
      }
      i += n;
    }
    offset += chunk.length;
  }
  return carry ? offset - carry.length : undefined;
}

export function createDecoder(declared?: Encoding): ChunkDecoder {
  let decoder: TextDecoder | undefined;
  let encoding: Encoding | undefined;
  let first = true;
  const choose = (e: Encoding) => {
    encoding = e;
    decoder = new TextDecoder(e, { fatal: false, ignoreBOM: false });
  };
  if (declared) choose(declared);
  const ascii = new TextDecoder('utf-8');

  return {
    get encoding() {
      return encoding;
    },
    decode(chunk) {
      if (first && chunk.length > 0) {
        first = false;
        // A BOM settles it, whatever was declared.
        const bom = bomOf(chunk);
        if (bom && bom !== encoding) choose(bom);
      }
      if (decoder) return decoder.decode(chunk, { stream: true });
      let i = 0;
      while (i < chunk.length && chunk[i] < 0x80) i++;
      if (i === chunk.length) return ascii.decode(chunk);
      choose(looksLikeUtf8(chunk, i) ? 'utf-8' : 'gb18030');
      return ascii.decode(chunk.subarray(0, i)) + decoder!.decode(chunk.subarray(i), { stream: true });
    },
    end() {
      return decoder ? decoder.decode() : '';
    },
  };
}

/** The encoding a byte-order mark names, if the bytes start with one. */
export function bomOf(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
