/**
 * The batch answer as a stream that tells the audit the truth:
 * - each pull does a bounded piece of work (at most PULL_ROWS rows and about PULL_CHARS echoed characters; a JSON
 *   answer without `cells` echoes none, and its rows' cells are neither capped nor counted),
 *   so no chunk grows with the answer and a long answer yields to other requests between pieces (an xlsx
 *   piece that the zip holds back yields too, without waiting for output);
 * - the stream has no read-ahead (high-water mark 0): a piece is built only when the runtime asks for it,
 *   and a piece counts as delivered once the runtime asks for the next one, i.e. after it has handed the
 *   piece before to the connection;
 * - `completed` is recorded only when the runtime asks for more after the last byte; a hang-up before that
 *   is `aborted`, with the counts of the rows delivered.
 */
import type { BatchSummary } from '../../rules/index.ts';
import type { TableBatch } from '../../rules/tables/index.ts';
import type { AnsweredRow, AnswerWriter } from './answer.ts';
import type { EchoBudget } from './echo.ts';
import { Utf8Chunk } from './utf8-chunk.ts';

export const PULL_ROWS = 512;
export const PULL_CHARS = 256 * 1024;

export interface AnswerStreamOptions {
  writer: AnswerWriter;
  next: (batch: TableBatch) => AnsweredRow | undefined;
  /** Awaited before each piece of rows (a workbook's rows inflated ahead: worker/batch/sources.ts). */
  ready?: () => Promise<void>;
  batch: TableBatch;
  echo: EchoBudget;
  /** Records the end of the batch (`completed` or `aborted`) with the delivered rows' counts. */
  finish: (status: 'completed' | 'aborted', summary: BatchSummary) => Promise<void>;
  /** Keeps the request alive for work after the client has gone. */
  waitUntil: (promise: Promise<unknown>) => void;
}

const yieldToOthers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function answerStream({ writer, next, ready, batch, echo, finish, waitUntil }: AnswerStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const evaluator = batch.evaluator;
  const empty: BatchSummary = { ...evaluator.summary };
  let delivered: BatchSummary = empty;
  let handedOut: BatchSummary | undefined;
  let started = false;
  let first = true;
  let ended = false;
  let finished = false;
  /** Bytes to make room for in a piece: the last piece's size and an eighth, so a piece is rarely copied to grow. */
  let pieceSize = 1 << 16;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // Asked again: the piece handed out before has been taken.
        if (handedOut) delivered = handedOut;
        if (ended) {
          finished = true;
          await finish('completed', delivered);
          controller.close();
          return;
        }
        for (;;) {
          if (ready) await ready();
          const chunk = new Utf8Chunk(encoder, pieceSize);
          if (!started) writer.head(chunk);
          started = true;
          const echoedBefore = echo.used;
          for (let n = 0; n < PULL_ROWS && echo.used - echoedBefore < PULL_CHARS; n++) {
            const answered = next(batch);
            if (!answered) {
              writer.tail(batch.summary(), chunk);
              ended = true;
              break;
            }
            if (writer.echoes) answered.cells = echo.cap(answered.cells);
            writer.row(answered, first, chunk);
            first = false;
          }
          if (!ended) writer.flush?.(chunk);
          const bytes = chunk.bytes();
          pieceSize = Math.max(1 << 16, bytes.length + (bytes.length >> 3));
          if (bytes.length > 0) {
            handedOut = { ...evaluator.summary };
            controller.enqueue(bytes);
            return;
          }
          if (ended) {
            // The last piece was empty: everything before it has been taken.
            finished = true;
            await finish('completed', { ...evaluator.summary });
            controller.close();
            return;
          }
          // Nothing came out yet (the zip holds it back): let other requests run before the next piece.
          await yieldToOthers();
        }
      },
      cancel() {
        if (!finished) waitUntil(finish('aborted', delivered));
      },
    },
    { highWaterMark: 0 },
  );
}
