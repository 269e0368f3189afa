/**
 * A request's path as `new URL(url).pathname` gives it (still percent-encoded), read from the URL's text
 * without parsing it again: `request.url` is already a serialized absolute URL (scheme://authority, then
 * the path, then `?query` and `#fragment`), so its path is what lies between the authority and the first
 * `?` or `#`. Every request needs it at least twice (the self-hosted entry's routing, the security headers).
 */
export function pathOf(url: string): string {
  const scheme = url.indexOf('://');
  const start = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
  if (start < 0) return new URL(url).pathname;
  const query = url.indexOf('?', start);
  const fragment = url.indexOf('#', start);
  const end = query < 0 ? (fragment < 0 ? url.length : fragment) : fragment < 0 ? query : Math.min(query, fragment);
  return url.slice(start, end);
}
