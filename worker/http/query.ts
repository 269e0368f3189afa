/**
 * A request's query string as the [name, value] pairs `new URL(url).searchParams` gives, in order, read from the
 * URL's text without parsing the URL when nothing in the query needs decoding: a quick check reads its inputs
 * from the query on every request. The query is what lies after the first `?` and before the first `#`.
 * - Plain queries (printable ASCII without `%`, `+`, quotes, `<`, `>`, `\`, `#` or space, which the URL parser
 *   never rewrites and form decoding never changes) are split at `&` and at each part's first `=`, empty parts
 *   passed over, as application/x-www-form-urlencoded parsing does.
 * - Anything else (percent-escapes, `+` for space, characters the URL parser would escape) is left to the URL parser.
 */
const PLAIN = /^[A-Za-z0-9\-._~!$&()*,/:;=?@[\]^`{|}]*$/;

export function queryPairs(url: string): [string, string][] {
  const mark = url.indexOf('?');
  const fragment = url.indexOf('#');
  if (mark < 0 || (fragment >= 0 && fragment < mark)) return [];
  const query = url.slice(mark + 1, fragment < 0 ? url.length : fragment);
  if (!PLAIN.test(query)) return [...new URL(url).searchParams];
  const pairs: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    pairs.push(equals < 0 ? [part, ''] : [part.slice(0, equals), part.slice(equals + 1)]);
  }
  return pairs;
}
