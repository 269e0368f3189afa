import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { ADDIN_FILES, DEFAULT_HOST, hostOf, manifestUrls, renderManifest } from '../../addin/manifest.ts';
import { functionsTable } from '../../addin/docs.ts';

const manifestPath = new URL('../../manifest.xml', import.meta.url).pathname;
const manifest = readFileSync(manifestPath, 'utf8');

describe('manifest.xml', () => {
  it('is the generated manifest for its host (regenerate with npm run manifest)', () => {
    expect(manifest).toBe(renderManifest(hostOf(manifest)));
    expect(hostOf(manifest)).toBe(DEFAULT_HOST);
  });

  it("parses with office-addin-manifest's reader", async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.manifestType).toBe('xml');
    expect(info.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEFAULT_HOST}/addin/${ADDIN_FILES.taskpane}`);
    expect(info.iconUrl).toBe(`${DEFAULT_HOST}/addin/${ADDIN_FILES.icon32}`);
  });

  it('declares the shared runtime, namespace BT and the zh-CN metadata override', () => {
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(manifest).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="BT"/>');
    expect(manifest).toMatch(/functions\.json">\s*<bt:Override Locale="zh-CN" Value="https:\/\/localhost:8787\/addin\/functions\.zh-CN\.json"\/>/);
  });

  it('rewrites every URL for another host, and the result still parses', async () => {
    const other = renderManifest('https://rules.example.org/ignored/path');
    const urls = manifestUrls(other);
    expect(urls.length).toBeGreaterThanOrEqual(Object.keys(ADDIN_FILES).length);
    expect(urls.every((u) => u.startsWith('https://rules.example.org/addin/'))).toBe(true);
    expect(other).not.toContain('localhost');
    const dir = mkdtempSync(join(tmpdir(), 'bt-manifest-'));
    writeFileSync(join(dir, 'manifest.xml'), other);
    const info = await OfficeAddinManifest.readManifestFile(join(dir, 'manifest.xml'));
    expect(info.defaultSettings?.sourceLocation).toBe('https://rules.example.org/addin/taskpane.html');
  });
});
