/** Reading request bodies with a byte limit, so an oversized body is a 413, never an out-of-memory. */
import { apiError } from '../http/errors.ts';

export type BodyRead = { ok: true; bytes: Uint8Array[]; size: number } | { ok: false; response: Response };

export function tooLarge(limit: number): Response {
  return apiError('payload-too-large', { limit }).getResponse();
}

/**
 * Reads the body as byte chunks, stopping as soon as it passes `limit` bytes (413). `onChunk` sees
 * every chunk as it arrives (e.g. to hash it while reading).
 */
export async function readBody(request: Request, limit: number, onChunk?: (chunk: Uint8Array) => void | Promise<void>): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, response: tooLarge(limit) };
  const bytes: Uint8Array[] = [];
  let size = 0;
  if (!request.body) return { ok: true, bytes, size };
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, response: tooLarge(limit) };
    }
    bytes.push(value);
    await onChunk?.(value);
  }
  return { ok: true, bytes, size };
}

/** Joins byte chunks and decodes them as UTF-8 (a leading BOM dropped; invalid bytes become U+FFFD). */
export function utf8Text(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** `application/json`, `application/problem+json`, … */
export const isJsonType = (contentType: string | undefined) => /^application\/([\w.+-]*\+)?json\s*(;|$)/i.test((contentType ?? '').trim());
