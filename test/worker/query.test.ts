/** worker/http/query.ts: a query read from the URL's text gives the pairs the URL parser's `searchParams` gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryPairs } from '../../worker/http/query.ts';

const parsed = (url: string) => [...new URL(url).searchParams];

describe('queryPairs', () => {
  it('is [...new URL(url).searchParams] for every serialized URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withPort: true, withUserInfo: true } }), (written) => {
        const url = new URL(written).href; // a request's url is serialized so
        expect(queryPairs(url)).toEqual(parsed(url));
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('is the same for queries made of the characters that matter (& = + % ? # and the rest)', () => {
    const piece = fc.constantFrom(
      '&',
      '=',
      '+',
      '%',
      '%2',
      '%41',
      '%E4%BD%A0',
      '%FF',
      '?',
      '#',
      ' ',
      "'",
      '"',
      '<',
      '\\',
      '\t',
      'a',
      'Z',
      '9',
      '-',
      '.',
      '_',
      '~',
      '你',
      ';',
      '/',
      '[',
      '`',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const url = new URL(`https://rules.test/v1/rules/x?${pieces.join('')}`).href;
        expect(queryPairs(url)).toEqual(parsed(url));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    'http://h/p',
    'http://h/p?',
    'http://h/p?&&',
    'http://h/p?a',
    'http://h/p?a=',
    'http://h/p?=b',
    'http://h/p?a=1&a=2&b==3',
    'http://h/p??a=1',
    'http://h/p?a=1#b=2',
    'http://h/p#x?a=1',
    'http://h/p?a+b=c%20d',
    'http://h/p?__proto__=1&constructor=2',
    'http://127.0.0.1:8787/v1/rules/overquota-reward?totalStaff=400&disabledCounted=9&monthlyMinWage=1980',
  ])('%s', (written) => {
    const url = new URL(written).href;
    expect(queryPairs(url)).toEqual(parsed(url));
  });
});
