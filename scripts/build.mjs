// Builds everything the Worker serves as static assets into dist/site:
// the Excel add-in (task pane, functions bundle, functions metadata) and the quick-check page.
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as buildPage } from '../page/build.mjs';
import { build as buildAddin } from '../addin/build.mjs';

// `--out DIR` builds elsewhere (the contract tests serve a private copy while other suites rebuild dist/site).
const at = process.argv.indexOf('--out');
const out = at > 0 ? `${resolve(process.argv[at + 1])}/` : fileURLToPath(new URL('../dist/site/', import.meta.url));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// Each part exports `build(outDir)`; add a line per part.
const parts = [buildPage, buildAddin];
for (const part of parts) await part(out);
