/**
 * Node side of the WPS add-in build: the generated files the Worker serves under /wps/ beside the two
 * scripts — manifest.xml, functions.json, ribbon.xml, index.html, taskpane.html, icon, jsplugins.xml.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconPng } from '../icons.ts';
import { DEFAULT_HOST, hostOf } from '../manifest.ts';
import { renderIndexHtml, renderJsplugins, renderRibbon, renderTaskpaneHtml, renderWpsManifest, WPS_FILES } from './files.ts';
import { WPS_FUNCTION_NAME, WPS_NAMESPACE, wpsFunctionsFile } from './metadata.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The Worker's public origin: the one the Excel manifest points at (`npm run manifest -- --host …` sets both). */
export function publicHost(): string {
  try {
    return hostOf(readFileSync(join(root, 'manifest.xml'), 'utf8'));
  } catch {
    return DEFAULT_HOST;
  }
}

export function writeWpsFiles(dir: string, host: string = publicHost()): void {
  mkdirSync(dir, { recursive: true });
  const functions = wpsFunctionsFile();
  const bad = functions.functions.filter((f) => !WPS_FUNCTION_NAME.test(f.name)).map((f) => f.name);
  if (bad.length) throw new Error(`WPS function names must match ${WPS_FUNCTION_NAME}: ${bad.join(', ')}`);
  writeFileSync(join(dir, WPS_FILES.functions), `${JSON.stringify(functions, null, 2)}\n`);
  writeFileSync(join(dir, WPS_FILES.manifest), renderWpsManifest(WPS_NAMESPACE));
  writeFileSync(join(dir, WPS_FILES.ribbon), renderRibbon());
  writeFileSync(join(dir, WPS_FILES.index), renderIndexHtml());
  writeFileSync(join(dir, WPS_FILES.taskpane), renderTaskpaneHtml());
  writeFileSync(join(dir, WPS_FILES.jsplugins), renderJsplugins(host));
  writeFileSync(join(dir, WPS_FILES.icon), iconPng(32));
  copyFileSync(join(root, 'addin/taskpane/taskpane.css'), join(dir, WPS_FILES.css));
}
