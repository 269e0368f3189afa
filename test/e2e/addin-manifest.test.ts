import { expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { hostOf, manifestUrls, renderManifest } from '../../addin/manifest.ts';

it('every URL in manifest.xml (rewritten for the test Worker) is served by the running Worker', async () => {
  const workerUrl = inject('workerUrl');
  const original = readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8');
  const local = renderManifest(workerUrl);
  expect(local.replaceAll(workerUrl, hostOf(original))).toBe(original);
  const dir = mkdtempSync(join(tmpdir(), 'bt-manifest-'));
  writeFileSync(join(dir, 'manifest.xml'), local);
  const info = await OfficeAddinManifest.readManifestFile(join(dir, 'manifest.xml'));
  expect(info.defaultSettings?.sourceLocation).toBe(`${workerUrl}/addin/taskpane.html`);
  const urls = manifestUrls(local);
  expect(urls.length).toBeGreaterThanOrEqual(8);
  for (const url of urls) {
    // served as named: a redirect (e.g. to an extensionless URL) is not good enough for Office
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status, url).toBe(200);
    const type = response.headers.get('content-type') ?? '';
    if (url.endsWith('.json')) expect((await response.json()).functions.length, url).toBeGreaterThan(0);
    else if (url.endsWith('.png')) expect(type, url).toContain('image/png');
    else if (url.endsWith('.js')) expect(type, url).toContain('javascript');
    else expect(type, url).toContain('text/html');
  }
});
