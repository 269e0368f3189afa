/**
 * A forward scan of XML bytes that arrive in pieces: tags and text runs one at a time, with no DOM and
 * no whole-document string. Only the piece being read (plus a token cut across two pieces) is held.
 * A DOCTYPE or ENTITY declaration is refused (no entity expansion at all); the five predefined entities
 * and numeric character references are decoded, as are OOXML's `_xHHHH_` escapes in cell text.
 */
import { malformed } from './workbook-limits.ts';
import { Refused } from './zip-entries.ts';

export const TEXT = 1;
export const OPEN = 2;
export const CLOSE = 3;
export const END = 0;

/** What `XmlScanner.cell` read: nothing (0), a `<c …/>`, a cell whose content follows, or a cell with its plain value. */
export const CELL_EMPTY = 1;
export const CELL_OPEN = 2;
export const CELL_VALUE = 3;
/** `cellType` for `t="str"` and `t="inlineStr"` (a one-letter kind is its byte). */
export const CELL_STR = 1;
export const CELL_INLINE_STR = 2;

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;

const utf8 = new TextDecoder('utf-8');
const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const DOCTYPE = bytesOf('<!DOCTYPE');
const ENTITY = bytesOf('<!ENTITY');
const COMMENT = bytesOf('<!--');
const CDATA = bytesOf('<![CDATA[');
const VALUE_START = bytesOf('<v>');
const VALUE_END = bytesOf('</v></c>');
const VALUE_CLOSE = bytesOf('</v>');
const STRING_START = bytesOf('<si><t>');
const STRING_END = bytesOf('</t></si>');
/** Bytes of small pieces joined at a time (see `more`). */
const JOINED = 64 * 1024;

export class XmlScanner {
  private buf: Uint8Array = new Uint8Array(0);
  /** Where pieces are joined (see `more`): `buf` is a view of it, or a piece as it came. */
  private joined: Uint8Array = new Uint8Array(0);
  private pos = 0;
  /** The current token: its kind, and for a tag the local name's and attributes' ranges in `buf`. */
  kind = END;
  start = 0;
  end = 0;
  nameStart = 0;
  nameEnd = 0;
  selfClosing = false;
  /** Whether the current text token came from a CDATA section (no entities to decode). */
  cdata = false;

  private readonly pull: () => Uint8Array | undefined;
  private readonly maxToken: number;
  private readonly oversize: () => Refused;

  /** `maxToken`: the longest token (a tag or a text run) that may be held, in bytes; `oversize`: the refusal past it. */
  constructor(pull: () => Uint8Array | undefined, maxToken: number, oversize: () => Refused) {
    this.pull = pull;
    this.maxToken = maxToken;
    this.oversize = oversize;
  }

  /**
   * Appends the next piece to what is left from `pos`; false at the end. Small pieces (a native inflater
   * hands out a few KB at a time) are taken several at once, up to JOINED bytes, so that what is left is
   * copied once for all of them. What was read before is overwritten: a token is valid until the next one.
   */
  private more(): boolean {
    const piece = this.pull();
    if (!piece) return false;
    const left = this.buf.length - this.pos;
    if (left === 0 && piece.length >= JOINED) this.buf = piece;
    else {
      const pieces = [piece];
      let size = left + piece.length;
      while (size < JOINED) {
        const next = this.pull();
        if (!next) break;
        pieces.push(next);
        size += next.length;
      }
      if (left === 0 && pieces.length === 1) this.buf = piece;
      else {
        // joined in one buffer kept for the purpose (what is left of it moved to its start), grown as needed
        let joined = this.joined;
        if (joined.length < size) {
          joined = this.joined = new Uint8Array(Math.max(size, 2 * JOINED));
          joined.set(this.buf.subarray(this.pos));
        } else if (this.buf.buffer === joined.buffer) joined.copyWithin(0, this.pos, this.buf.length);
        else joined.set(this.buf.subarray(this.pos));
        let at = left;
        for (const p of pieces) (joined.set(p, at), (at += p.length));
        this.buf = joined.subarray(0, size);
      }
    }
    this.pos = 0;
    return true;
  }

  private startsWith(at: number, word: Uint8Array): boolean {
    while (this.buf.length - at < word.length) {
      const shift = this.pos;
      if (!this.more()) return false;
      at -= shift;
    }
    for (let i = 0; i < word.length; i++) if (this.buf[at + i] !== word[i]) return false;
    return true;
  }

  /** Finds `word` from `from` (refilling as needed): its index, or −1 at the end of the input. */
  private find(from: number, word: Uint8Array): number {
    let at = from;
    for (;;) {
      const buf = this.buf;
      let i = buf.indexOf(word[0], at);
      while (i >= 0 && i + word.length <= buf.length) {
        let k = 1;
        while (k < word.length && buf[i + k] === word[k]) k++;
        if (k === word.length) return i;
        i = buf.indexOf(word[0], i + 1);
      }
      at = Math.max(this.pos, buf.length - word.length + 1);
      if (buf.length - this.pos > this.maxToken) throw this.oversize();
      const shift = this.pos;
      if (!this.more()) return -1;
      at -= shift;
    }
  }

  /** Moves to the next token and returns its kind. */
  next(): number {
    for (;;) {
      if (this.pos >= this.buf.length && !this.more()) return (this.kind = END);
      const buf = this.buf;
      if (buf[this.pos] !== LT) {
        // a text run, up to the next '<'
        let i = buf.indexOf(LT, this.pos);
        while (i < 0) {
          if (this.buf.length - this.pos > this.maxToken) throw this.oversize();
          const scanned = this.buf.length - this.pos;
          if (!this.more()) {
            i = this.buf.length;
            break;
          }
          i = this.buf.indexOf(LT, scanned);
        }
        this.start = this.pos;
        this.end = i;
        this.pos = i;
        this.cdata = false;
        return (this.kind = TEXT);
      }
      const second = this.pos + 1 < buf.length ? buf[this.pos + 1] : this.peek(1);
      if (second === BANG) {
        if (this.startsWith(this.pos, COMMENT)) {
          const close = this.find(this.pos + 4, bytesOf('-->'));
          if (close < 0) throw unclosed();
          this.pos = close + 3;
          continue;
        }
        if (this.startsWith(this.pos, CDATA)) {
          const close = this.find(this.pos + 9, bytesOf(']]>'));
          if (close < 0) throw unclosed();
          this.start = this.pos + 9;
          this.end = close;
          this.pos = close + 3;
          this.cdata = true;
          return (this.kind = TEXT);
        }
        if (this.startsWith(this.pos, DOCTYPE) || this.startsWith(this.pos, ENTITY)) throw declared();
        throw unclosed();
      }
      if (second === QUESTION) {
        const close = this.find(this.pos + 2, bytesOf('?>'));
        if (close < 0) throw unclosed();
        this.pos = close + 2;
        continue;
      }
      // a tag: up to the '>' outside quotes
      let i = this.pos + 1;
      let quote = 0;
      let bytes = this.buf; // peek may have refilled it
      for (;;) {
        const length = bytes.length;
        if (quote) {
          while (i < length && bytes[i] !== quote) i++;
          if (i < length) {
            quote = 0;
            i++;
            continue;
          }
        } else {
          let b = 0;
          while (i < length && (b = bytes[i]) !== GT && b !== QUOTE && b !== APOS) i++;
          if (i < length) {
            if (b === GT) break;
            quote = b;
            i++;
            continue;
          }
        }
        if (length - this.pos > this.maxToken) throw this.oversize();
        const shift = this.pos;
        if (!this.more()) throw unclosed();
        bytes = this.buf;
        i -= shift;
      }
      const tag = this.buf;
      const closing = tag[this.pos + 1] === SLASH;
      let n = this.pos + (closing ? 2 : 1);
      let nameEnd = n;
      while (nameEnd < i && tag[nameEnd] > 32 && tag[nameEnd] !== SLASH && tag[nameEnd] !== GT) {
        if (tag[nameEnd] === COLON) n = nameEnd + 1; // the local name, without its prefix
        nameEnd++;
      }
      this.nameStart = n;
      this.nameEnd = nameEnd;
      this.start = nameEnd;
      this.end = i;
      this.selfClosing = !closing && tag[i - 1] === SLASH;
      this.pos = i + 1;
      return (this.kind = closing ? CLOSE : OPEN);
    }
  }

  /**
   * When the current tag is followed by `<v>`, a text and `</v></c>` (a cell's plain value, as nearly
   * every cell is written), all in the piece at hand: moves past them with the text as the current
   * token, and true. Otherwise nothing moves (the tokens are read one by one).
   */
  plainValue(): boolean {
    return this.plainRun(VALUE_START, VALUE_END);
  }

  /**
   * When the next bytes are `<si><t>`, a text and `</t></si>` (a shared string of one plain run, as nearly
   * every one is written), all in the piece at hand: moves past them with the text as the current token,
   * and true. Otherwise nothing moves.
   */
  plainString(): boolean {
    return this.plainRun(STRING_START, STRING_END);
  }

  /** `open`, a text without markup and `close`, all in the piece at hand: moves past them with the text as the current token, and true; otherwise nothing moves. */
  private plainRun(open: Uint8Array, close: Uint8Array): boolean {
    const buf = this.buf;
    const at = this.pos;
    const length = buf.length;
    const from = at + open.length;
    if (from + 1 + close.length > length) return false;
    for (let k = 0; k < open.length; k++) if (buf[at + k] !== open[k]) return false;
    let end = from;
    while (end < length && buf[end] !== LT) end++;
    if (end === from || end + close.length > length) return false;
    for (let k = 0; k < close.length; k++) if (buf[end + k] !== close[k]) return false;
    this.kind = TEXT;
    this.start = from;
    this.end = end;
    this.cdata = false;
    this.pos = end + close.length;
    return true;
  }

  /** The `r` and `t` attributes of the cell tag last read (`cell` or `cellAttributes`): each value's range in the tag, −1 when absent (for messages). */
  cellR = -1;
  cellREnd = -1;
  cellT = -1;
  cellTEnd = -1;
  /** That cell's column (A = 0) by its `r`: −1 when `r` has no letters, −2 when there is no `r`. */
  cellColumn = -2;
  /** Its `t`: 0 when absent, the byte of a one-letter kind (`s`, `n`, `b`, `e`, `d`), CELL_STR, CELL_INLINE_STR, or −1 for any other. */
  cellType = 0;
  /** Its `s` as a style index: 0 when absent or not a non-negative integer. */
  cellStyle = 0;
  /** For CELL_VALUE: the value when it is plain digits (at most 15: as `number` reads them), else −1. */
  cellInt = -1;

  /**
   * Reads the next cell when the next bytes are a whole `<c …>` (or `<c …/>`) start tag in the piece at
   * hand, written as nearly every cell is (attributes `name="value"`, no space around `=`), and with it,
   * for a number or shared-string cell, a plain value `<v>text</v></c>` when that follows in the piece
   * too. Sets cellColumn, cellType and cellStyle (and the `r` and `t` ranges), and returns:
   * CELL_VALUE when the value was read as well (the current token is its text, the cell's end passed),
   * CELL_EMPTY for `<c …/>`, CELL_OPEN when the cell's content follows (the current token is the start
   * tag, as `next` would give it), or 0 when nothing moved (`next` then reads the tag as any other).
   */
  cell(): number {
    const buf = this.buf;
    const at = this.pos;
    const length = buf.length;
    if (at + 3 >= length || buf[at] !== LT || buf[at + 1] !== 99) return 0;
    let i = at + 2;
    let b = buf[i];
    if (b !== 32 && b !== GT && b !== SLASH) return 0;
    let r = -1;
    let rEnd = -1;
    let s = -1;
    let sEnd = -1;
    let t = -1;
    let tEnd = -1;
    for (;;) {
      while (i < length && (b = buf[i]) === 32) i++;
      if (i >= length) return 0;
      if (b === GT || b === SLASH) break;
      // a name, then `="` or `='`, then the value up to the same quote
      const nameAt = i;
      if (i + 1 < length && buf[i + 1] === 61 && b > 32 && b !== 61 && b !== QUOTE && b !== APOS) i++;
      else {
        while (i < length && (b = buf[i]) !== 61 && b > 32 && b !== GT && b !== SLASH && b !== QUOTE && b !== APOS) i++;
        if (b !== 61 || i === nameAt) return 0;
      }
      if (i + 1 >= length) return 0;
      const quote = buf[i + 1];
      if (quote !== QUOTE && quote !== APOS) return 0;
      const valueAt = i + 2;
      let valueTo = valueAt;
      while (valueTo < length && buf[valueTo] !== quote) valueTo++;
      if (valueTo >= length) return 0;
      const name = i - nameAt === 1 ? buf[nameAt] : 0;
      if (name === 114 && r < 0) ((r = valueAt), (rEnd = valueTo));
      else if (name === 115 && s < 0) ((s = valueAt), (sEnd = valueTo));
      else if (name === 116 && t < 0) ((t = valueAt), (tEnd = valueTo));
      i = valueTo + 1;
      if (i < length && (b = buf[i]) !== 32 && b !== GT && b !== SLASH) return 0;
    }
    let end = i;
    if (b === SLASH) {
      if (i + 1 >= length || buf[i + 1] !== GT) return 0;
      end = i + 1;
    }
    const closed = b === SLASH;
    this.kind = OPEN;
    this.nameStart = at + 1;
    this.nameEnd = at + 2;
    this.start = at + 2;
    this.end = end;
    this.selfClosing = closed;
    this.pos = end + 1;
    this.setCell(r, rEnd, s, sEnd, t, tEnd);
    const type = this.cellType;
    if (closed) return CELL_EMPTY;
    if (type !== 0 && type !== 110 && type !== 115) return CELL_OPEN;
    // `<v>`, a text without markup, `</v></c>`
    const from = end + 4;
    if (from + 9 > length || buf[end + 1] !== LT || buf[end + 2] !== 118 || buf[end + 3] !== GT) return CELL_OPEN;
    // plain digits are read as they are passed (`cellInt`)
    let to = from;
    let n = 0;
    let c = 0;
    while (to < length && (c = buf[to]) >= 48 && c <= 57) ((n = n * 10 + c - 48), to++);
    const plain = c === LT && to - from <= 15;
    while (to < length && buf[to] !== LT) to++;
    if (to === from || to + 8 > length) return CELL_OPEN;
    if (
      buf[to + 1] !== SLASH ||
      buf[to + 2] !== 118 ||
      buf[to + 3] !== GT ||
      buf[to + 4] !== LT ||
      buf[to + 5] !== SLASH ||
      buf[to + 6] !== 99 ||
      buf[to + 7] !== GT
    )
      return CELL_OPEN;
    this.cellInt = plain ? n : -1;
    this.kind = TEXT;
    this.start = from;
    this.end = to;
    this.cdata = false;
    this.pos = to + 8;
    return CELL_VALUE;
  }

  /** For a `<c>` tag read by `next`: its column, kind and style, as `cell` sets them. */
  cellAttributes(): void {
    let r = -1;
    let rEnd = -1;
    let s = -1;
    let sEnd = -1;
    let t = -1;
    let tEnd = -1;
    if (this.has('r')) ((r = this.valueStart), (rEnd = this.valueEnd));
    if (this.has('s')) ((s = this.valueStart), (sEnd = this.valueEnd));
    if (this.has('t')) ((t = this.valueStart), (tEnd = this.valueEnd));
    this.setCell(r, rEnd, s, sEnd, t, tEnd);
  }

  private setCell(r: number, rEnd: number, s: number, sEnd: number, t: number, tEnd: number): void {
    this.cellR = r;
    this.cellREnd = rEnd;
    this.cellT = t;
    this.cellTEnd = tEnd;
    this.cellColumn = r < 0 ? -2 : this.columnAt(r, rEnd);
    let style = 0;
    if (s >= 0) {
      style = this.intAt(s, sEnd);
      if (style < 0) style = 0;
    }
    this.cellStyle = style;
    this.cellType = t < 0 ? 0 : this.typeAt(t, tEnd);
  }

  /** A `t` value (from `start` to `end`) as `cellType` gives it. */
  private typeAt(start: number, end: number): number {
    return end - start === 1 ? this.buf[start] : this.equalsAt(start, end, 'str') ? CELL_STR : this.equalsAt(start, end, 'inlineStr') ? CELL_INLINE_STR : -1;
  }

  /** Whether the next bytes are `</v>` (a cell's value ends with the text token read): reading on into the next piece as needed, so the current token is then no longer valid. */
  closesValue(): boolean {
    return this.startsWith(this.pos, VALUE_CLOSE);
  }

  /** When the next bytes are `</row>`: moves past them as the current token (a CLOSE tag, as `next` would give it), and true. */
  rowEnd(): boolean {
    const buf = this.buf;
    const at = this.pos;
    if (
      at + 6 > buf.length ||
      buf[at] !== LT ||
      buf[at + 1] !== SLASH ||
      buf[at + 2] !== 114 ||
      buf[at + 3] !== 111 ||
      buf[at + 4] !== 119 ||
      buf[at + 5] !== GT
    )
      return false;
    this.kind = CLOSE;
    this.nameStart = at + 2;
    this.nameEnd = at + 5;
    this.start = this.end = at + 5;
    this.selfClosing = false;
    this.pos = at + 6;
    return true;
  }

  /** Moves to the next tag, skipping text (which never holds a '<'), and returns its kind. */
  nextMarkup(): number {
    let i = this.buf.indexOf(LT, this.pos);
    while (i < 0) {
      this.pos = this.buf.length;
      if (!this.more()) return (this.kind = END);
      i = this.buf.indexOf(LT, 0);
    }
    this.pos = i;
    return this.next();
  }

  /**
   * The current text token as a number, as `Number()` reads it: plain decimals (`-12000.5`) are read
   * from the bytes (an integer divided by a power of ten is correctly rounded, as parsing is), anything
   * else through `Number()`; NaN when it is not a number.
   */
  number(): number {
    const { buf, start, end } = this;
    let i = start;
    const negative = buf[i] === 45;
    if (negative) i++;
    let n = 0;
    let digits = 0;
    let scale = -1;
    for (; i < end; i++) {
      const b = buf[i];
      if (b >= 48 && b <= 57) {
        n = n * 10 + (b - 48);
        digits++;
        if (scale >= 0) scale++;
      } else if (b === 46 && scale < 0) scale = 0;
      else break;
    }
    if (i < end || digits === 0 || digits > 15 || scale > 22) return Number(this.ascii().trim() || 'x');
    const value = scale > 0 ? n / POWERS[scale] : n;
    return negative ? -value : value;
  }

  private peek(offset: number): number {
    while (this.pos + offset >= this.buf.length) if (!this.more()) return -1;
    return this.buf[this.pos + offset];
  }

  /** Whether the current tag's local name is `name` (ASCII). */
  is(name: string): boolean {
    if (this.nameEnd - this.nameStart !== name.length) return false;
    for (let i = 0; i < name.length; i++) if (this.buf[this.nameStart + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  /** Where the value of the attribute last found by `has` starts and ends in the tag. */
  valueStart = 0;
  valueEnd = 0;

  /** The value of the current tag's attribute `name` (ASCII name, prefix-free), entities decoded, or undefined. */
  attr(name: string): string | undefined {
    return this.has(name) ? decodeText(this.buf, this.valueStart, this.valueEnd, false) : undefined;
  }

  /** The attribute's value as a non-negative integer, −1 when absent, −2 when not an integer. */
  attrInt(name: string): number {
    return this.has(name) ? this.intAt(this.valueStart, this.valueEnd) : -1;
  }

  /** The bytes from `start` to `end` as a non-negative integer, −2 when they are not one. */
  intAt(start: number, end: number): number {
    const buf = this.buf;
    if (end === start || end - start > 15) return -2;
    let n = 0;
    for (let i = start; i < end; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) return -2;
      n = n * 10 + d;
    }
    return n;
  }

  /** Whether the attribute's value (found by `has`) is `value` (ASCII). */
  valueIs(value: string): boolean {
    return this.equalsAt(this.valueStart, this.valueEnd, value);
  }

  /** Whether the bytes from `start` to `end` are `value` (ASCII). */
  equalsAt(start: number, end: number, value: string): boolean {
    if (end - start !== value.length) return false;
    for (let i = 0; i < value.length; i++) if (this.buf[start + i] !== value.charCodeAt(i)) return false;
    return true;
  }

  /** A cell reference's column (A = 0) in the attribute found by `has`; −1 when it has no letters. */
  valueColumn(): number {
    return this.columnAt(this.valueStart, this.valueEnd);
  }

  /** A cell reference's column (A = 0) in the bytes from `start` to `end`; −1 when it has no letters. */
  columnAt(start: number, end: number): number {
    let c = 0;
    let i = start;
    for (; i < end; i++) {
      const code = this.buf[i] | 32;
      if (code < 97 || code > 122) break;
      c = c * 26 + (code - 96);
      if (c > 1_000_000) return c;
    }
    return i === start ? -1 : c - 1;
  }

  /** The bytes from `start` to `end` as text, entities decoded (an attribute's value). */
  textAt(start: number, end: number): string {
    return decodeText(this.buf, start, end, false);
  }

  /** Finds the current tag's attribute `name`: true, with its value's range in valueStart/valueEnd. */
  has(name: string): boolean {
    const buf = this.buf;
    let i = this.start;
    const end = this.end;
    while (i < end) {
      while (i < end && (buf[i] <= 32 || buf[i] === SLASH)) i++;
      const nameAt = i;
      while (i < end && buf[i] !== 61 && buf[i] > 32) i++;
      const nameTo = i;
      while (i < end && buf[i] !== QUOTE && buf[i] !== APOS) i++;
      const quote = buf[i];
      const valueAt = ++i;
      while (i < end && buf[i] !== quote) i++;
      const valueTo = i++;
      if (nameTo - nameAt === name.length) {
        let same = true;
        for (let k = 0; k < name.length; k++) if (buf[nameAt + k] !== name.charCodeAt(k)) same = false;
        if (same) {
          this.valueStart = valueAt;
          this.valueEnd = valueTo;
          return true;
        }
      }
    }
    return false;
  }

  /** Bytes in the current text token. */
  get length(): number {
    return this.end - this.start;
  }

  /** The current text token as a string (entities decoded; `_xHHHH_` too when `ooxml`). */
  text(ooxml = true): string {
    return this.cdata ? utf8.decode(this.buf.subarray(this.start, this.end)) : decodeText(this.buf, this.start, this.end, ooxml);
  }

  /**
   * The buffer the current token lies in (a text token's bytes as they stand in the XML, nothing decoded, from `start`
   * to `end`), valid until the next token: read in place, no view of them made (a typed array costs microseconds to
   * make in workerd, and a shared-strings part would make one per string).
   */
  get bytes(): Uint8Array {
    return this.buf;
  }

  /** The current text token's bytes, for a number (ASCII only). */
  ascii(): string {
    const { buf, start, end } = this;
    if (end - start > 64) return utf8.decode(buf.subarray(start, end));
    let out = '';
    for (let i = start; i < end; i++) out += String.fromCharCode(buf[i]);
    return out;
  }

  /** Skips to the end of the element whose start tag is current. */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    while (depth > 0) {
      const kind = this.next();
      if (kind === END) return;
      if (kind === OPEN && !this.selfClosing) depth++;
      else if (kind === CLOSE) depth--;
    }
  }
}

const unclosed = () =>
  new Refused(malformed('无法读取该工作簿（.xlsx）：XML 不完整', 'The workbook (.xlsx) cannot be read: its XML is incomplete or malformed', 'body'));
const declared = () =>
  new Refused(
    malformed(
      '无法读取该工作簿（.xlsx）：XML 含有 DOCTYPE 或 ENTITY 声明，不予读取',
      'The workbook (.xlsx) cannot be read: its XML declares a DOCTYPE or ENTITY, which is refused',
      'body',
    ),
  );

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes UTF-8 bytes with XML entities (and OOXML `_xHHHH_` escapes when `ooxml`). */
export function decodeText(buf: Uint8Array, start: number, end: number, ooxml: boolean): string {
  if (end - start <= 32) {
    // short ASCII with nothing to decode: no decoder call
    let out = '';
    let i = start;
    for (; i < end; i++) {
      const b = buf[i];
      if (b >= 128 || b === 38 || b === 95) break;
      out += String.fromCharCode(b);
    }
    if (i === end) return out;
  }
  const text = utf8.decode(buf.subarray(start, end));
  return unescapeXml(text, ooxml);
}

export function unescapeXml(text: string, ooxml: boolean): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref];
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (ooxml && out.includes('_x')) out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}
