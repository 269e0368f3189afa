/**
 * Counts the non-empty lines of a CSV body at the byte level, before decoding: an upper bound on its
 * records (a record is at least one line), so a batch over the row limit is refused with 413 before
 * any row is answered. Safe for UTF-8 and GBK/GB18030 alike: their multi-byte sequences never contain
 * the bytes of CR or LF.
 */
export function countNonEmptyLines(chunks: readonly Uint8Array[]): number {
  let lines = 0;
  let inLine = false;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 10 || b === 13) {
        if (inLine) lines++;
        inLine = false;
      } else inLine = true;
    }
  }
  return inLine ? lines + 1 : lines;
}
