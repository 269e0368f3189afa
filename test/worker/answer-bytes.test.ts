/**
 * worker/http/answer-bytes.ts: a quick check's body, written as bytes into a reused buffer with the shared parts'
 * bytes copied, is exactly the UTF-8 of JSON.stringify(answer); each Response keeps its own copy.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { withAnswerBody } from '../../worker/http/answer-bytes.ts';
import { call, postJson } from './helpers.ts';

const example = { totalStaff: '400', disabledCounted: '9', monthlyMinWage: '1980' };
const utf8 = (body: Uint8Array | string) => (typeof body === 'string' ? body : new TextDecoder().decode(body));

describe('answer bytes', () => {
  it.each([
    ['an answer', evaluate('overquota-reward', example)],
    ['an answer without a date, by date', evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, district: '昆都仑区' })],
    ['a refusal', evaluate('overquota-reward', { totalStaff: 'x' })],
    ['an unknown rule', evaluate('nope', {})],
    ['plain data', { a: [undefined, 1, 'é\u2028'], b: undefined, c: { d: '包头' } }],
  ])('%s: the UTF-8 of JSON.stringify', (_name, answer) => {
    const body = withAnswerBody(answer, (b) => (typeof b === 'string' ? b : b.slice()));
    expect(body).toBeInstanceOf(Uint8Array);
    expect(utf8(body)).toBe(JSON.stringify(answer));
  });

  it('an answer larger than the buffer is given as its text', () => {
    const answer = { rows: Array.from({ length: 5000 }, (_, i) => ({ i, text: '残疾人就业'.repeat(3) })) };
    const body = withAnswerBody(answer, (b) => b);
    expect(typeof body).toBe('string');
    expect(body).toBe(JSON.stringify(answer));
  });

  it('each Response has its own bytes: one made after another leaves the first whole', async () => {
    const first = withAnswerBody(evaluate('overquota-reward', example), (b) => new Response(b));
    const second = withAnswerBody(evaluate('overquota-reward', { totalStaff: 'x' }), (b) => new Response(b));
    expect(await first.text()).toBe(JSON.stringify(evaluate('overquota-reward', example)));
    expect(await second.text()).toBe(JSON.stringify(evaluate('overquota-reward', { totalStaff: 'x' })));
  });

  it('GET and POST quick checks answer the text of JSON.stringify, byte for byte', async () => {
    const [got, posted] = await Promise.all([
      call('/v1/rules/overquota-reward?totalStaff=400&disabledCounted=9&monthlyMinWage=1980'),
      postJson('/v1/rules/overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 }),
    ]);
    expect(await got.text()).toBe(JSON.stringify(evaluate('overquota-reward', example)));
    expect(await posted.text()).toBe(JSON.stringify(evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 })));
  });
});
