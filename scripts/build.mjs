// Builds everything the Worker serves as static assets into dist/site:
// the Excel add-in (task pane, functions bundle, functions metadata) and the quick-check page.
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build as buildPage } from '../page/build.mjs';
import { build as buildAddin } from '../addin/build.mjs';

const out = fileURLToPath(new URL('../dist/site/', import.meta.url));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// Each part exports `build(outDir)`; add a line per part.
const parts = [buildPage, buildAddin];
for (const part of parts) await part(out);
