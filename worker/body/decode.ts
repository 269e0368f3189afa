/** Text decoding lives in the shared table module; re-exported for the Worker's modules, with the whole-body checks below. */
import { bomOf, invalidUtf8At, type Encoding } from '../../rules/tables/decode.ts';

export { bomOf, createDecoder, encodingOfBody, encodingOfCharset, invalidUtf8At, type ChunkDecoder, type Encoding } from '../../rules/tables/decode.ts';

/**
 * Whether the chunks are valid UTF-8 as a whole, and whether any byte is not ASCII: one native pass of a
 * fatal TextDecoder (several times faster than the byte scan of invalidUtf8At), whose refusals are the
 * same (WHATWG's UTF-8 decoder: overlong forms, surrogates, code points past U+10FFFF, a sequence cut off
 * by the end). The text decoded is let go at once; an all-ASCII body decodes to as many units as it has bytes.
 */
function utf8Scan(chunks: readonly Uint8Array[]): { valid: boolean; ascii: boolean } {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let bytes = 0;
  let units = 0;
  try {
    for (const chunk of chunks) {
      bytes += chunk.length;
      units += decoder.decode(chunk, { stream: true }).length;
    }
    units += decoder.decode().length;
  } catch {
    return { valid: false, ascii: false };
  }
  return { valid: true, ascii: units === bytes };
}

/** The offset of the first byte that is not valid UTF-8 (as invalidUtf8At says), or undefined: the fast check first, the scan only for the offset of a refusal. */
export function invalidUtf8Offset(chunks: readonly Uint8Array[]): number | undefined {
  return utf8Scan(chunks).valid ? undefined : invalidUtf8At(chunks);
}

/**
 * The encoding of a whole body without a declared charset, as rules/tables/decode.ts encodingOfBody says it
 * (a BOM settles it; valid UTF-8 throughout is UTF-8, anything else GB18030; undefined when every byte is
 * ASCII), from one native pass.
 */
export function encodingOfWholeBody(chunks: readonly Uint8Array[]): Encoding | undefined {
  const bom = chunks[0] ? bomOf(chunks[0]) : undefined;
  if (bom) return bom;
  const scan = utf8Scan(chunks);
  return scan.valid ? (scan.ascii ? undefined : 'utf-8') : 'gb18030';
}
