// Security headers on every page, static file and answer, on both servers (self-hosted workerd, and wrangler
// dev with the build's _headers file as on Cloudflare), and no source maps in the served site.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CSP } from '../../worker/http/security-headers.ts';

const servers = inject('servers');
const site = inject('siteDir');

function sitePaths(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sitePaths(path, root) : [`/${relative(root, path)}`];
  });
}

const policyOf = (path: string) =>
  path.startsWith('/addin/') ? CSP.addin : path.startsWith('/wps/') ? CSP.wps : path.startsWith('/v1/') || path === '/openapi.json' ? CSP.api : CSP.page;

describe('the served site has no source maps', () => {
  it('no .map file and no sourceMappingURL comment', () => {
    const paths = sitePaths(site);
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
    for (const path of paths.filter((p) => /\.(js|css)$/.test(p))) expect(readFileSync(join(site, path), 'utf8'), path).not.toContain('sourceMappingURL');
  });
});

describe.each(servers.map((s) => [s.name, s.url] as const))('%s', (_name, url) => {
  it('every file, page and route carries nosniff, Referrer-Policy and its area’s CSP', async () => {
    const paths = [...sitePaths(site).filter((p) => p !== '/_headers'), '/', '/wps/', '/v1/rules', '/openapi.json', '/nope.html'];
    for (const path of paths) {
      const response = await fetch(`${url}${path}`, { redirect: 'manual' });
      await response.arrayBuffer();
      expect([path, response.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect([path, response.headers.get('referrer-policy')]).toEqual([path, 'no-referrer']);
      expect([path, response.headers.get('content-security-policy')]).toEqual([path, policyOf(path)]);
    }
  });

  it('the task pane may load office.js from Microsoft’s CDN and be framed by Office; the WPS pane by WPS; the page by no one', () => {
    expect(CSP.addin).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(CSP.addin).toMatch(/frame-ancestors 'self' .*https:\/\/\*\.officeapps\.live\.com/);
    expect(CSP.wps).toMatch(/frame-ancestors 'self' .*https:\/\/\*\.kdocs\.cn/);
    expect(CSP.page).toContain("frame-ancestors 'none'");
    expect(CSP.page).not.toContain('unsafe');
  });
});
