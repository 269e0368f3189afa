/**
 * Character-code tests for readers of typed text (numbers, dates, certificate numbers): read code by code,
 * a cell needs no regular expression, no copy and no array of its characters.
 */

export const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The value of the ASCII digit at `at`, or -1 when that character is no ASCII digit. */
export function digitAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return isDigitCode(c) ? c - 0x30 : -1;
}

/** True when every character of `text` from `from` to `to` is an ASCII digit. */
export function digitsOnly(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

/** A UTF-16 code unit that is half of a character outside the BMP (so characters and code units count differently). */
export const isSurrogateCode = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** Printable ASCII without spaces or lower-case letters: what NFKC, trimming and upper-casing leave as it is. */
export function isPlainUpperAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}
