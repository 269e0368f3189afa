// Builds the Excel add-in into <outDir>/addin/: one browser bundle (custom functions + task pane, shared
// runtime, rules package included), the task pane page and styles, and the generated files (functions
// metadata en/zh-CN, icons, help page); then the WPS add-in into <outDir>/wps/. Used by scripts/build.mjs.
import { build as esbuild } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWps } from './wps/build.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

export async function build(outDir) {
  const addinDir = join(outDir, 'addin');
  mkdirSync(addinDir, { recursive: true });
  await esbuild({
    entryPoints: [join(here, 'entry.ts')],
    outfile: join(addinDir, 'bundle.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    charset: 'utf8',
    logLevel: 'warning',
  });
  for (const file of ['taskpane.html', 'taskpane.css']) copyFileSync(join(here, 'taskpane', file), join(addinDir, file));
  // The generated files (metadata, icons, help page) come from TypeScript modules, which Node 24 runs as they are.
  const { writeGeneratedFiles } = await import('./site.ts');
  writeGeneratedFiles(addinDir);
  // The same functions and task pane as a WPS add-in, under /wps/.
  await buildWps(outDir);
}
