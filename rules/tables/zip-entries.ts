/**
 * The parts of a zip (an `.xlsx`) found through its central directory and inflated one small piece at a
 * time with fflate's streaming `Inflate`, only when asked for: an entry nobody asks for is never
 * inflated. Each piece pushed is at most `PIECE` compressed bytes, so one push yields at most about
 * 1,032 × that (deflate's own limit); the inflated size and the ratio are checked after every push,
 * and inflating stops as soon as a cap is passed.
 */
import { Inflate } from 'fflate';
import { malformed, RATIO_FLOOR_BYTES, tooLarge, type WorkbookCap, type WorkbookLimits } from './workbook-limits.ts';
import type { Opened } from './sheet-source.ts';
import { InflateAhead, type NativeInflate } from './inflate-ahead.ts';

/** Compressed bytes pushed to the inflater at a time. */
const PIECE = 16 * 1024;

/** A refusal thrown while inflating or scanning, turned back into a result where the reader answers. */
export class Refused extends Error {
  readonly result: Opened<never> & { ok: false };
  constructor(result: Opened<never> & { ok: false }) {
    super(result.error.message.en);
    this.result = result;
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's data (after its local header). */
  dataAt: number;
}

/** An entry's inflated bytes, piece by piece; `source` when they are inflated ahead (its `fill` is awaited between steps). */
export interface Pieces {
  pull: () => Uint8Array | undefined;
  source?: InflateAhead;
}

/** The check of an entry's inflated size as it grows: past its cap or, once past RATIO_FLOOR_BYTES, past the ratio to the compressed bytes read, a refusal. */
function inflatedCheck(entry: ZipEntry, cap: number, capName: WorkbookCap, limits: WorkbookLimits) {
  return (inflated: number, compressed: number): Refused | undefined => {
    if (inflated > cap) return new Refused(tooLarge(capName, cap, undefined, entry.name));
    if (inflated > RATIO_FLOOR_BYTES && inflated > limits.maxRatio * compressed)
      return new Refused(tooLarge('maxRatio', limits.maxRatio, Math.floor(inflated / compressed), entry.name));
    return undefined;
  };
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** The refusal for an entry whose bytes are not deflate data. */
export const notDeflate = (name: string) => notZip(`${name} is not valid deflate data`);

const notZip = (en: string) =>
  new Refused(
    malformed(`无法读取该工作簿（.xlsx）：${en === 'zip64' ? '不支持 ZIP64 格式' : '压缩包结构有误'}`, `The workbook (.xlsx) cannot be read: ${en}`, 'body'),
  );

/** The zip's central directory: where it starts and how many entries it lists. */
function centralDirectory(bytes: Uint8Array): { at: number; count: number; end: number } {
  const last = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= last; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      const count = u16(bytes, i + 10);
      const size = u32(bytes, i + 12);
      const at = u32(bytes, i + 16);
      if (count === 0xffff || at === 0xffffffff || size === 0xffffffff) throw notZip('zip64');
      if (at + size > i) throw notZip('the central directory lies outside the file');
      return { at, count, end: at + size };
    }
  }
  throw notZip('no end of central directory');
}

const utf8 = new TextDecoder('utf-8');
const latin = new TextDecoder('latin1');

/** Finds entries by name; the central directory is scanned again for each (a workbook needs only a few). */
export class ZipReader {
  private readonly directory: { at: number; count: number; end: number };
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.directory = centralDirectory(bytes);
  }

  find(name: string): ZipEntry | undefined {
    const { bytes } = this;
    let at = this.directory.at;
    for (let n = 0; n < this.directory.count; n++) {
      if (at + 46 > this.directory.end || u32(bytes, at) !== 0x02014b50) throw notZip('a central directory entry is damaged');
      const flags = u16(bytes, at + 8);
      const nameLength = u16(bytes, at + 28);
      const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
      if (next > this.directory.end) throw notZip('a central directory entry is damaged');
      const raw = bytes.subarray(at + 46, at + 46 + nameLength);
      const entryName = (flags & 0x800 ? utf8 : latin).decode(raw).replace(/\\/g, '/');
      if (entryName === name || entryName.toLowerCase() === name.toLowerCase()) {
        if (flags & 1) throw new Refused(malformed('工作簿已加密，无法读取', 'The workbook is encrypted and cannot be read', 'body'));
        const local = u32(bytes, at + 42);
        if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw notZip('a local header is damaged');
        const dataAt = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
        const compressedSize = u32(bytes, at + 20);
        if (compressedSize === 0xffffffff) throw notZip('zip64');
        if (dataAt + compressedSize > bytes.length) throw notZip('an entry lies outside the file');
        return { name: entryName, method: u16(bytes, at + 10), compressedSize, size: u32(bytes, at + 24), dataAt };
      }
      at = next;
    }
    return undefined;
  }

  /** The entry's compressed bytes; an entry whose size says it passes the cap is refused first. */
  private data(entry: ZipEntry, cap: number, capName: WorkbookCap): Uint8Array {
    if (entry.size > cap) throw new Refused(tooLarge(capName, cap, entry.size, entry.name));
    return this.bytes.subarray(entry.dataAt, entry.dataAt + entry.compressedSize);
  }

  /**
   * The same pieces, inflated ahead by `native` (inflate-ahead.ts) for a deflated entry: `fill` is
   * awaited between the reader's steps; `pull` falls back to `pieces` when the reader gets ahead of it.
   */
  ahead(entry: ZipEntry, cap: number, capName: WorkbookCap, limits: WorkbookLimits, native: NativeInflate): Pieces {
    if (entry.method !== 8) return { pull: this.pieces(entry, cap, capName, limits) };
    const source = new InflateAhead(this.data(entry, cap, capName), entry.name, native, inflatedCheck(entry, cap, capName, limits), () =>
      this.pieces(entry, cap, capName, limits),
    );
    return { pull: () => source.pull(), source };
  }

  /**
   * The entry's inflated bytes as a pull source: each call gives the next piece (never empty), undefined
   * at the end. `cap` is the inflated size allowed (the limit named by `capName`); the ratio is checked
   * too. Refusals are thrown as `Refused`.
   */
  pieces(entry: ZipEntry, cap: number, capName: WorkbookCap, limits: WorkbookLimits): () => Uint8Array | undefined {
    const data = this.data(entry, cap, capName);
    if (entry.method === 0) {
      let at = 0;
      return () => {
        if (at >= data.length) return undefined;
        const piece = data.subarray(at, Math.min(data.length, at + 256 * 1024));
        at += piece.length;
        if (at > cap) throw new Refused(tooLarge(capName, cap, undefined, entry.name));
        return piece;
      };
    }
    if (entry.method !== 8)
      throw new Refused(
        malformed(
          '无法读取该工作簿（.xlsx）：压缩方式不受支持',
          `The workbook (.xlsx) cannot be read: compression method ${entry.method} of ${entry.name}`,
          'body',
        ),
      );
    const check = inflatedCheck(entry, cap, capName, limits);
    const queue: Uint8Array[] = [];
    let done = false;
    let inflated = 0;
    const inflater = new Inflate((chunk, final) => {
      if (chunk.length) queue.push(chunk);
      inflated += chunk.length;
      if (final) done = true;
    });
    let at = 0;
    return () => {
      while (queue.length === 0) {
        if (done || at >= data.length) {
          if (!done && at >= data.length) {
            done = true;
            try {
              inflater.push(new Uint8Array(0), true);
            } catch {
              throw notDeflate(entry.name);
            }
            if (queue.length) break;
          }
          return undefined;
        }
        const piece = data.subarray(at, Math.min(data.length, at + PIECE));
        at += piece.length;
        try {
          inflater.push(piece, at >= data.length);
        } catch {
          throw notDeflate(entry.name);
        }
        const refused = check(inflated, at);
        if (refused) throw refused;
      }
      return queue.shift();
    };
  }
}
