/**
 * The security headers of every page, static file and answer, one table for both hosts: the Worker sets them
 * on what it answers, the build writes them into dist/site/_headers for Cloudflare's static assets, and the
 * self-hosted entry sets them on the files it serves.
 * - `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer` everywhere;
 * - a Content-Security-Policy per area, allowing exactly what it loads:
 *   - the quick-check page (`/`, `/index.html`, `/page/*`): its own script, styles and API, never framed;
 *   - the Excel task pane (`/addin/*`): office.js from Microsoft's CDN, the Worker it is set to call (any
 *     https origin, chosen in its settings), framed only by Office (Office on the web's hosts);
 *   - the WPS add-in (`/wps/*`): its own scripts, the Worker it calls, framed only by WPS / 金山文档;
 *   - the API (`/v1/*`, `/openapi.json`): nothing to load, never framed.
 */
const OFFICE_JS = 'https://appsforoffice.microsoft.com';
const OFFICE_FRAMES = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.sharepoint.com',
  'https://*.microsoft.com',
  'https://*.cloud.microsoft',
];
const WPS_FRAMES = ['https://*.wps.cn', 'https://*.wps.com', 'https://*.kdocs.cn'];

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

const base = { 'object-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'self'"] };

export const CSP = {
  page: policy({
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    ...base,
    'frame-ancestors': ["'none'"],
  }),
  addin: policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", OFFICE_JS],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', OFFICE_JS],
    'connect-src': ["'self'", 'https:'],
    'frame-src': [OFFICE_JS],
    ...base,
    'frame-ancestors': ["'self'", ...OFFICE_FRAMES],
  }),
  wps: policy({
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'https:'],
    ...base,
    'frame-ancestors': ["'self'", ...WPS_FRAMES],
  }),
  api: policy({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] }),
};

export const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } as const;

/** Which policy a path gets. */
export function cspFor(path: string): string {
  if (path.startsWith('/addin/')) return CSP.addin;
  if (path === '/wps' || path.startsWith('/wps/')) return CSP.wps;
  if (path.startsWith('/v1/') || path === '/v1' || path === '/openapi.json') return CSP.api;
  return CSP.page;
}

export const securityHeadersFor = (path: string): Record<string, string> => ({ ...COMMON_HEADERS, 'Content-Security-Policy': cspFor(path) });

/** The same headers as [name, value] pairs, made once per policy: the Worker sets them on every answer. */
const entriesByPolicy = new Map<string, readonly (readonly [string, string])[]>();
export function securityHeaderEntriesFor(path: string): readonly (readonly [string, string])[] {
  const csp = cspFor(path);
  let entries = entriesByPolicy.get(csp);
  if (!entries) entriesByPolicy.set(csp, (entries = Object.entries({ ...COMMON_HEADERS, 'Content-Security-Policy': csp })));
  return entries;
}

/**
 * Cloudflare's `_headers` file for the static assets. Each path pattern gets exactly one policy: rules that
 * match one path are merged, and two CSP headers would both apply.
 */
export function headersFile(): string {
  const block = (pattern: string, headers: Record<string, string>) =>
    `${pattern}\n${Object.entries(headers)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}\n`;
  return [
    block('/*', { ...COMMON_HEADERS }),
    block('/index.html', { 'Content-Security-Policy': CSP.page }),
    block('/page/*', { 'Content-Security-Policy': CSP.page }),
    block('/addin/*', { 'Content-Security-Policy': CSP.addin }),
    block('/wps/*', { 'Content-Security-Policy': CSP.wps }),
  ].join('\n');
}
