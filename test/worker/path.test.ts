/** worker/http/path.ts: a request's path read from its URL's text is the URL parser's own `pathname`. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathOf } from '../../worker/http/path.ts';

describe('pathOf', () => {
  it('is new URL(url).pathname for every serialized URL', () => {
    fc.assert(
      fc.property(
        fc.webUrl({
          withQueryParameters: true,
          withFragments: true,
          authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
        }),
        (written) => {
          const url = new URL(written).href; // a request's url is serialized so
          expect(pathOf(url)).toBe(new URL(url).pathname);
        },
      ),
      { numRuns: 100 },
    );
  }, 30_000);

  it.each([
    'http://127.0.0.1:8787/v1/rules/overquota-reward?totalStaff=400',
    'https://rules.example.org/%761/rules#top?not-a-query',
    'http://h/a/b?c#d',
    'http://h/a#b?c',
    'http://h?x=1',
    'http://h#f',
    'http://user:p%2Fw@[::1]:8080/x/y/?q=/z',
    'http://h/a%20b/%E5%8C%85/',
  ])('%s', (written) => {
    const url = new URL(written).href;
    expect(pathOf(url)).toBe(new URL(url).pathname);
  });
});
