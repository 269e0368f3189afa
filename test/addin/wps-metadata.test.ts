/**
 * WPS's functions.json against wpsjs's own scanner: the functions are written as JSDoc-annotated
 * JavaScript from the registry, wpsjs 2.2.3's `TsParser` (the parser behind its vite plugin
 * `functionsScanner`) reads them, and what it writes must be exactly our functions.json. Also the
 * generated manifest.xml, ribbon.xml and jsplugins.xml against the template's shapes.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRules } from '../../rules/index.ts';
import { renderJsplugins, renderRibbon, renderWpsManifest, TASKPANE_BUTTON, WPS_ADDIN_NAME, WPS_FILES } from '../../addin/wps/files.ts';
import { publicHost, writeWpsFiles } from '../../addin/wps/site.ts';
import { hostOf } from '../../addin/manifest.ts';
import { explainArity, jsdocSource, labelIdentifier, WPS_FUNCTION_NAME, WPS_NAMESPACE, wpsFunctionsFile } from '../../addin/wps/metadata.ts';

const require = createRequire(import.meta.url);
const { TsParser } = require('wpsjs/vite_plugins') as { TsParser: new (path: string) => { generateFunctionsJson(): unknown } };
const wpsjsDir = join(require.resolve('wpsjs/vite_plugins'), '../..');

function scan(source: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'bt-wps-scan-'));
  writeFileSync(join(dir, 'functions.js'), source);
  return new TsParser(join(dir, 'functions.js')).generateFunctionsJson();
}

describe('functions.json', () => {
  const file = wpsFunctionsFile();

  it("is exactly what wpsjs's scanner writes for the same functions as JSDoc", { timeout: 60_000 }, () => {
    const scanned = scan(jsdocSource(file));
    expect(JSON.stringify(scanned, null, 2)).toBe(JSON.stringify(file, null, 2));
  });

  it("reads the template's own example the way we assume (types, `?` on optional, description)", { timeout: 60_000 }, () => {
    const template = readFileSync(join(wpsjsDir, 'packages/@wps-jsapi/et/js/functions.js'), 'utf8');
    const scanned = scan(
      `${template}\n/**\n * 例\n * @customfunction\n * @param {number} [a] - 可选\n * @param {any[][]} b - 区域\n * @returns {any}\n */\nfunction ours(a, b) {}\n`,
    ) as { functions: unknown[] };
    expect(scanned.functions[0]).toMatchObject({
      name: 'custom_function',
      result: { type: 'number' },
      parameters: [{ name: 'arg0', type: 'string', description: '支持字符串参数' }, { type: 'number' }, { type: 'boolean' }, { type: 'any' }, { type: 'any' }],
    });
    expect(scanned.functions[1]).toEqual({
      name: 'ours',
      description: '例',
      parameters: [
        { name: 'a', description: '可选', type: 'number?' },
        { name: 'b', description: '区域', type: 'any[][]' },
      ],
      result: { type: 'any' },
    });
  });

  it('has one function per rule plus EXPLAIN, same names and argument order as Excel, Chinese help', () => {
    const rules = listRules();
    expect(file.functions.map((f) => f.name)).toEqual([...rules.map((r) => r.functionName), 'EXPLAIN']);
    for (const meta of rules) {
      const fn = file.functions.find((f) => f.name === meta.functionName)!;
      expect(fn.name).toMatch(WPS_FUNCTION_NAME);
      expect(fn.description).toContain(meta.title.zh);
      expect(fn.description).toContain(meta.clause.id);
      expect(fn.parameters.map((p) => p.name)).toEqual(meta.inputs.map((i) => labelIdentifier(i.label.zh)));
      meta.inputs.forEach((input, i) => {
        // the description, its closing bracket opened for the unit where it has one ("（可选，单位：个）")
        expect(fn.parameters[i].description.startsWith(input.description.zh.replace(/）$/, ''))).toBe(true);
        if (!input.required) expect(fn.parameters[i].type.endsWith('?')).toBe(true);
      });
      // Optional parameters come last.
      const optional = fn.parameters.map((p) => p.type.endsWith('?'));
      expect(optional.indexOf(true) === -1 || optional.slice(optional.indexOf(true)).every(Boolean)).toBe(true);
      expect(new Set(fn.parameters.map((p) => p.name)).size).toBe(fn.parameters.length);
    }
    const explain = file.functions.at(-1)!;
    expect(explain.parameters).toHaveLength(1 + explainArity(rules));
    expect(explain.result.type).toBe('any[][]');
  });
});

describe('manifest.xml, ribbon.xml, jsplugins.xml', () => {
  const template = (name: string) => readFileSync(join(wpsjsDir, 'packages/@wps-jsapi/et', name), 'utf8');
  const tags = (xml: string) => [...xml.matchAll(/<([A-Za-z]+)[\s>]/g)].map((m) => m[1]);

  it("manifest.xml has the template's JsPlugin elements, our functions.json and the namespace BT", () => {
    const ours = renderWpsManifest(WPS_NAMESPACE);
    expect(tags(ours)).toEqual(tags(template('manifest.xml')));
    expect(ours).toContain('<Uri>/functions.json</Uri>');
    expect(ours).toContain('<Namespace>BT</Namespace>');
  });

  it("ribbon.xml: the template's customUI with one button that calls OnAction, after OnAddinLoad", () => {
    const ours = renderRibbon();
    expect(ours.split('\n')[0]).toBe(template('ribbon.xml').split(/\r?\n/)[0]);
    expect(ours).toMatch(new RegExp(`<button id="${TASKPANE_BUTTON}"[^>]* onAction="OnAction"[^>]* getImage="GetImage"`));
  });

  it("jsplugins.xml names the add-in online, as wpsjs's debug_xmlplugin.js writes it", () => {
    const debug = readFileSync(join(wpsjsDir, 'src/lib/debug_xmlplugin.js'), 'utf8');
    expect(debug).toContain('jspluginonline');
    expect(renderJsplugins('https://rules.example.org/anything')).toContain(
      `<jspluginonline name="${WPS_ADDIN_NAME}" type="et" url="https://rules.example.org/wps/"/>`,
    );
  });
});

describe('the build', () => {
  it('writes every /wps/ file, jsplugins.xml for the host manifest.xml names (or the one given)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-wps-site-'));
    writeWpsFiles(dir, 'https://rules.example.org');
    // (the two scripts come from esbuild, beside these; the e2e test fetches them from the Worker)
    for (const file of Object.values(WPS_FILES).filter((f) => !f.endsWith('.js'))) expect(readFileSync(join(dir, file)).length, file).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, WPS_FILES.functions), 'utf8'))).toEqual(wpsFunctionsFile());
    expect(readFileSync(join(dir, WPS_FILES.jsplugins), 'utf8')).toContain('url="https://rules.example.org/wps/"');
    expect(publicHost()).toBe(hostOf(readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8')));
    expect(readFileSync(join(dir, WPS_FILES.index), 'utf8')).toMatch(new RegExp(`<script type="text/javascript" src="${WPS_FILES.script}"></script>`));
    expect(readFileSync(join(dir, WPS_FILES.index), 'utf8')).not.toContain('type="module"');
  });
});
