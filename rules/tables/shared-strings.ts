/**
 * The shared strings of an `.xlsx` (sharedStrings.xml), read piece by piece and held compactly: the
 * characters of every string in a few large byte chunks, one position per string, and each string
 * decoded only when a cell that uses it is read. A clerk's table can hold a different text on every row
 * in several columns (200,000 strings in a 100,000-row batch with two such columns): as JavaScript
 * strings in an array they would fill the isolate's heap; here they are plain bytes, outside it (but
 * still memory: they are counted in the isolate's total, not in its V8 heap).
 *
 * Each string is kept in the shorter of two encodings: its UTF-8 bytes as they stand in the XML, when
 * it is one run of text with no entity or `_xHHHH_` escape to decode (every ASCII string), or its
 * UTF-16 code units (Chinese text: two bytes a character instead of three, and any string whose XML
 * had entities, escapes or several runs). Either way a string decodes to exactly the text that reading
 * it from the XML gives, and its length is checked against `maxCellText` while it is read.
 */
import { tooLarge, type WorkbookLimits } from './workbook-limits.ts';
import { CLOSE, decodeText, END, OPEN, TEXT, type XmlScanner } from './xml-scan.ts';
import { Refused } from './zip-entries.ts';
import { objectList } from './object-list.ts';

const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Bytes of the first chunk; each next one doubles, up to the table's largest. */
const FIRST_CHUNK = 64 * 1024;
const LARGEST_CHUNK = 1024 * 1024;

/** Slots for strings lately read (a power of two), and the bytes a string may take to be kept there. */
const RECENT = 256;
const SHORT = 64;

/** The table: `has(i)` and `at(i)` by the index a cell's `<v>` holds. */
export class SharedStrings {
  /** Strings in the table. */
  count = 0;
  private readonly chunks: Uint8Array[] = objectList();
  /** Bytes used in each chunk. */
  private readonly filled: number[] = [];
  /** A chunk's room: positions are chunk × `span` + offset, so a string's chunk is its position over `span`. */
  private readonly span: number;
  /** Each string's position; it ends where the next one starts, or at its chunk's end. */
  private starts = new Uint32Array(1024);
  /** One bit a string: set when it is kept as UTF-16. */
  private wide = new Uint8Array(128);
  /** Short strings lately read, by index modulo RECENT: a column whose few texts repeat (a district) is decoded once. */
  private readonly recentIndex = new Int32Array(RECENT).fill(-1);
  /** Filled to its length when made (a `[]` written at a slot changes V8's kind of elements at the first string, and code reading it deoptimised on each new table). */
  private readonly recentText: string[] = new Array<string>(RECENT).fill('');

  private readonly limits: WorkbookLimits;

  constructor(limits: WorkbookLimits) {
    // one string takes at most two bytes a character of the longest text a cell may hold, and a chunk is at least half full before the next one is started
    let span = LARGEST_CHUNK;
    while (span < 4 * limits.maxCellText) span *= 2;
    this.span = span;
    this.limits = limits;
  }

  has(index: number): boolean {
    return index >= 0 && index < this.count;
  }

  /** String `index`, or undefined when the table has none by that index. */
  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const slot = index & (RECENT - 1);
    if (this.recentIndex[slot] === index) return this.recentText[slot];
    const start = this.starts[index];
    const chunk = Math.floor(start / this.span);
    const next = index + 1 < this.count ? this.starts[index + 1] : -1;
    const from = start - chunk * this.span;
    const to = next >= 0 && Math.floor(next / this.span) === chunk ? next - chunk * this.span : this.filled[chunk];
    const bytes = this.chunks[chunk];
    const text = (this.wide[index >>> 3] >> (index & 7)) & 1 ? fromUtf16(bytes, from, to) : decodeText(bytes, from, to, false);
    if (to - from <= SHORT) {
      this.recentIndex[slot] = index;
      this.recentText[slot] = text;
    }
    return text;
  }

  /** Room for `bytes` more in the last chunk (a new chunk when they do not fit): where they go. */
  room(bytes: number): { chunk: Uint8Array; at: number } {
    const last = this.chunks.length - 1;
    if (last >= 0 && this.chunks[last].length - this.filled[last] >= bytes) return { chunk: this.chunks[last], at: this.filled[last] };
    let size = last < 0 ? FIRST_CHUNK : Math.min(this.span, this.chunks[last].length * 2);
    while (size < bytes) size *= 2;
    // positions are 32-bit: past 4 GiB of chunks (the byte caps would have to be raised far past the isolate's memory)
    if ((this.chunks.length + 1) * this.span > 0xffffffff) throw new Refused(tooLarge('maxSharedStringBytes', this.limits.maxSharedStringBytes));
    this.chunks.push(new Uint8Array(size));
    this.filled.push(0);
    return { chunk: this.chunks[last + 1], at: 0 };
  }

  /** Adds the string whose `bytes` were just written where `room` (called first) said, as UTF-16 when `wide`. */
  add(bytes: number, wide: boolean): void {
    const last = this.chunks.length - 1;
    if (this.count === this.starts.length) {
      const starts = new Uint32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const bits = new Uint8Array(this.wide.length * 2);
      bits.set(this.wide);
      this.wide = bits;
    }
    this.starts[this.count] = last * this.span + this.filled[last];
    if (wide) this.wide[this.count >>> 3] |= 1 << (this.count & 7);
    this.count++;
    this.filled[last] += bytes;
  }

  /** Adds a string as UTF-16. */
  addText(text: string): void {
    const { chunk, at } = this.room(2 * text.length);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      chunk[at + 2 * i] = unit & 0xff;
      chunk[at + 2 * i + 1] = unit >>> 8;
    }
    this.add(2 * text.length, true);
  }
}

/** Code units of a short string being decoded (reused: no array a string). */
const UNITS: number[] = [];
/** Strings of at most this many code units are made from their units directly (quicker than a decoder call). */
const FEW_UNITS = 256;

/** UTF-16LE bytes as a string, unpaired surrogates kept as they were (the decoder would put U+FFFD in their place). */
function fromUtf16(bytes: Uint8Array, from: number, to: number): string {
  const count = (to - from) >> 1;
  if (count <= FEW_UNITS) {
    UNITS.length = count;
    for (let i = 0, at = from; i < count; i++, at += 2) UNITS[i] = bytes[at] | (bytes[at + 1] << 8);
    return String.fromCharCode.apply(null, UNITS);
  }
  const text = utf16.decode(bytes.subarray(from, to));
  if (!text.includes('\uFFFD')) return text;
  let out = '';
  for (let i = from; i < to; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
  return out;
}

/**
 * Writes one run's UTF-8 bytes (at most `cap`) into the table's last chunk in the shorter encoding: as
 * they stand when UTF-8 is no longer than UTF-16, else as UTF-16. Returns the bytes written (fewer than
 * the run's only when UTF-16), or −1 when the run must be decoded instead: it holds an entity or an
 * `_xHHHH_` escape (`&`, `_`), or is not valid UTF-8. The string is not added (`SharedStrings.add`).
 */
function writePlain(table: SharedStrings, bytes: Uint8Array, from: number, to: number): number {
  const length = to - from;
  const { chunk, at } = table.room(2 * length);
  const wide = utf8AsUtf16(bytes, from, to, chunk, at);
  if (wide < 0) return -1;
  if (wide < length) return wide;
  // as they stand (over the UTF-16 just written): copied in a loop, no view of them made
  for (let i = 0; i < length; i++) chunk[at + i] = bytes[from + i];
  return length;
}

/**
 * The UTF-8 bytes from `from` to `to` written as UTF-16LE into `out` at `at` (a byte-order mark first left out, as the decoder
 * does): the bytes written, or −1 at an `&` or `_` (an entity or escape to decode) or at the first
 * sequence that is not valid UTF-8 (the decoder's own replacement then applies).
 */
function utf8AsUtf16(bytes: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number {
  let o = at;
  let i = to - from >= 3 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf ? from + 3 : from;
  while (i < to) {
    const b = bytes[i];
    let code: number;
    if (b < 0x80) {
      if (b === 38 || b === 95) return -1;
      code = b;
      i += 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
      // a sequence cut by the run's end is not valid (the bytes after it are the XML's, not the run's)
      if (i + 1 >= to) return -1;
      const b1 = bytes[i + 1];
      if ((b1 & 0xc0) !== 0x80) return -1;
      code = ((b & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      if (i + 2 >= to) return -1;
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return -1;
      code = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) return -1;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      if (i + 3 >= to) return -1;
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      const b3 = bytes[i + 3];
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return -1;
      code = ((b & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      if (code < 0x10000 || code > 0x10ffff) return -1;
      const high = 0xd800 + ((code - 0x10000) >> 10);
      out[o++] = high & 0xff;
      out[o++] = high >>> 8;
      code = 0xdc00 + ((code - 0x10000) & 0x3ff);
      i += 4;
    } else return -1;
    out[o++] = code & 0xff;
    out[o++] = code >>> 8;
  }
  return o - at;
}

/**
 * Reads the table from sharedStrings.xml's scanner: each `<si>`'s text (its runs joined, phonetic runs
 * left out), checked against `maxCellText` as it grows; the part's XML is never held.
 */
export function readSharedStrings(scan: XmlScanner, limits: WorkbookLimits): SharedStrings {
  const reader = new SharedStringsReader(scan, limits);
  reader.read();
  return reader.table;
}

/** The same, in steps: `read(pause)` stops between two strings when `pause()` says so, and goes on when called again. */
export class SharedStringsReader {
  readonly table: SharedStrings;
  private readonly scan: XmlScanner;
  private readonly cap: number;
  /** Within a `<t>` (where text is read), and within how many phonetic runs (where it is not). */
  private inText = false;
  private phonetic = 0;

  constructor(scan: XmlScanner, limits: WorkbookLimits) {
    this.scan = scan;
    this.cap = limits.maxCellText;
    this.table = new SharedStrings(limits);
  }

  /** Reads strings up to the part's end (true), or until `pause()`, asked between two strings, says to stop (false). */
  read(pause?: () => boolean): boolean {
    const { scan, cap, table } = this;
    let { inText, phonetic } = this;
    /** The string being read: undefined outside `<si>`; its text so far once decoded. */
    let current: string | undefined;
    /** Bytes of its one run written as they stand (not yet added), or −1. */
    let raw = -1;
    /** Whether those bytes are UTF-16. */
    let rawWide = false;
    if (pause?.()) return false;
    for (;;) {
      if (current === undefined && phonetic === 0 && scan.plainString()) {
        // a whole `<si>` of one run, as the tokens below would read it
        inText = false;
        this.addRun(scan);
        if (pause?.()) {
          this.inText = inText;
          this.phonetic = phonetic;
          return false;
        }
        continue;
      }
      const kind = scan.next();
      if (kind === END) break;
      if (kind === OPEN) {
        if (scan.is('si')) {
          raw = -1;
          if (scan.selfClosing) (table.addText(''), (current = undefined));
          else current = '';
        } else if (scan.is('rPh')) phonetic += scan.selfClosing ? 0 : 1;
        else if (scan.is('t')) inText = !scan.selfClosing;
      } else if (kind === CLOSE) {
        if (scan.is('si')) {
          if (raw >= 0) table.add(raw, rawWide);
          else if (current !== undefined) {
            if (current.length > cap) throw new Refused(tooLarge('maxCellText', cap, current.length));
            table.addText(current);
          }
          current = undefined;
          raw = -1;
          if (pause?.()) {
            this.inText = inText;
            this.phonetic = phonetic;
            return false;
          }
        } else if (scan.is('rPh')) phonetic--;
        else if (scan.is('t')) inText = false;
      } else if (kind === TEXT && inText && phonetic === 0 && current !== undefined) {
        if (raw >= 0) {
          // a second run: the first one's bytes are decoded as they would have been alone
          const { chunk, at } = table.room(0);
          current = rawWide ? fromUtf16(chunk, at, at + raw) : decodeText(chunk, at, at + raw, false);
          raw = -1;
        }
        if (current === '') {
          const length = scan.end - scan.start;
          // a text's characters never outnumber its bytes: within the cap, one plain run is kept as it stands when UTF-8 is no longer than UTF-16, else as UTF-16
          raw = length <= cap ? writePlain(table, scan.bytes, scan.start, scan.end) : -1;
          if (raw >= 0) {
            rawWide = raw < length;
            continue;
          }
          current = scan.text();
        } else current += scan.text();
        if (current.length > cap) throw new Refused(tooLarge('maxCellText', cap, current.length));
      }
    }
    return true;
  }

  /** Adds the current text token as a string of one run (as `read` reads an `<si>` of one `<t>`). */
  private addRun(scan: XmlScanner): void {
    const { cap, table } = this;
    const length = scan.end - scan.start;
    const raw = length <= cap ? writePlain(table, scan.bytes, scan.start, scan.end) : -1;
    if (raw >= 0) return table.add(raw, raw < length);
    const text = scan.text();
    if (text.length > cap) throw new Refused(tooLarge('maxCellText', cap, text.length));
    table.addText(text);
  }
}
