/**
 * The answer's floor: what a CSV batch costs in workerd when nothing but the answer is made. `by-rule.ts
 * --floor` runs this Worker in place of ours: it reads the body as text, cuts each line at its commas, and
 * answers each row with a copy of a real answer row of the same rule (taken from our answer to the first
 * rows of the same CSV; its own index and rowId), in pieces of 512 rows through JSON.stringify and
 * TextEncoder as ours does. No input is read as a value, no rule runs, no totals are kept: what is left of
 * the goal of 300,000 rows/s after the answer's bytes is what the reading of inputs and the rule may take.
 */
import type { RuleMetadata } from '../../rules/index.ts';
import { writeJsonAnswer } from './json-answer.ts';
import { csvForRule } from './rule-csv.ts';

interface FloorTemplate {
  /** The answer's text before its first row (`…"rows":[`). */
  head: string;
  rows: unknown[];
}

const decoder = new TextDecoder();

/** Rule id → the head and the first `sample` rows of our own JSON answer to its bench CSV. */
function templatesFor(rules: readonly RuleMetadata[], sample: number): Record<string, FloorTemplate> {
  const templates: Record<string, FloorTemplate> = {};
  for (const rule of rules) {
    let text = '';
    writeJsonAnswer(rule.id, new TextEncoder().encode(csvForRule(rule, sample)), (piece) => (text += decoder.decode(piece)));
    const rowsAt = text.indexOf('"rows":[') + '"rows":['.length;
    templates[rule.id] = { head: text.slice(0, rowsAt), rows: (JSON.parse(text) as { rows: unknown[] }).rows };
  }
  return templates;
}

/** The floor Worker's module source for these rules (see the file's comment). */
export function floorWorkerScript(rules: readonly RuleMetadata[], sample = 256): string {
  return `const TEMPLATES = ${JSON.stringify(templatesFor(rules, sample))};
const encoder = new TextEncoder();
export default {
  async fetch(request) {
    const t = TEMPLATES[new URL(request.url).pathname.split('/').pop()];
    const text = await request.text();
    let at = text.indexOf('\\n') + 1;
    let index = 0;
    let first = true;
    const body = new ReadableStream({
      start(c) {
        c.enqueue(encoder.encode(t.head));
      },
      pull(c) {
        const held = [];
        while (held.length < 512 && at < text.length) {
          let end = text.indexOf('\\n', at);
          if (end < 0) end = text.length;
          const cells = text.slice(at, end).split(',');
          at = end + 1;
          const template = t.rows[index % t.rows.length];
          const row = Object.assign({}, template);
          row.index = index++;
          row.rowId = cells[0];
          if (template.result) row.result = { ...template.result };
          held.push(row);
        }
        if (held.length) {
          const rows = JSON.stringify(held);
          c.enqueue(encoder.encode((first ? '' : ',') + rows.slice(1, -1)));
          first = false;
        }
        if (at >= text.length) {
          c.enqueue(encoder.encode('],"summary":{"rows":' + index + ',"ok":' + index + ',"mismatch":0,"invalid":0,"skipped":0}}'));
          c.close();
        }
      },
    });
    return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
  },
};
`;
}
