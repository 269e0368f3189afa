// Builds the Excel add-in into <outDir>/addin/: one browser bundle (custom functions + task pane, shared
// runtime, rules package included), the task pane page and styles, and the generated files (functions
// metadata en/zh-CN, icons, help page). Used by scripts/build.mjs.
import { build as esbuild } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  // The generated files come from TypeScript modules: bundle them for Node and run them in memory.
  const generator = await esbuild({
    entryPoints: [join(here, 'site.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const code = generator.outputFiles[0].text;
  const { writeGeneratedFiles } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  writeGeneratedFiles(addinDir);
}
