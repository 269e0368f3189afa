// Builds the quick-check page into <outDir>/index.html and <outDir>/page/app.js + styles.css (esbuild, no framework).
import { build as esbuild } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export async function build(outDir) {
  const pageOut = join(outDir, 'page');
  mkdirSync(pageOut, { recursive: true });
  await esbuild({
    entryPoints: [join(here, 'app.ts')],
    outfile: join(pageOut, 'app.js'),
    bundle: true,
    format: 'esm',
    target: ['es2020', 'chrome100', 'safari15', 'firefox100'],
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  copyFileSync(join(here, 'styles.css'), join(pageOut, 'styles.css'));
  copyFileSync(join(here, 'index.html'), join(outDir, 'index.html'));
}
