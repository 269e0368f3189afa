// Builds the WPS add-in into <outDir>/wps/: two plain (IIFE, non-module) scripts — bt-wps.js (every BT
// function + the ribbon's callbacks) and bt-taskpane.js (the task pane), each with the rules package —
// and the generated files (site.ts). Called by addin/build.mjs.
import { build as esbuild } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** esbuild options for one WPS script (also used by the tests to build it in memory). */
export const scriptOptions = (entry) => ({
  entryPoints: [join(here, entry)],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  charset: 'utf8',
  logLevel: 'warning',
});

export async function buildWps(outDir) {
  const dir = join(outDir, 'wps');
  await esbuild({ ...scriptOptions('entry.ts'), outfile: join(dir, 'bt-wps.js'), sourcemap: true });
  await esbuild({ ...scriptOptions('taskpane-entry.ts'), outfile: join(dir, 'bt-taskpane.js'), sourcemap: true });
  const { writeWpsFiles } = await import('./site.ts');
  writeWpsFiles(dir);
}
