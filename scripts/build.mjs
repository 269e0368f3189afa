// Builds everything the Worker serves as static assets into dist/site:
// the Excel add-in (task pane, functions bundle, functions metadata) and the quick-check page.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as buildPage } from '../page/build.mjs';
import { build as buildAddin } from '../addin/build.mjs';
import { headersFile } from '../worker/http/security-headers.ts';
import { ensurePlanIndex } from './plan-index.mjs';

// The page and the task pane bundle the rules, which import the served plans' list: written first.
ensurePlanIndex();

// `--out DIR` builds elsewhere (the contract tests serve a private copy while other suites rebuild dist/site).
const at = process.argv.indexOf('--out');
const out = at > 0 ? `${resolve(process.argv[at + 1])}/` : fileURLToPath(new URL('../dist/site/', import.meta.url));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// Each part exports `build(outDir)`; add a line per part.
const parts = [buildPage, buildAddin];
for (const part of parts) await part(out);

// No source maps in the served site: the maps are removed, and so are the comments that point to them.
const strip = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) strip(path);
    else if (entry.name.endsWith('.map')) rmSync(path);
    else if (/\.(m?js|css)$/.test(entry.name)) {
      const text = readFileSync(path, 'utf8');
      const bare = text.replace(/\n?\/[/*][#@] sourceMappingURL=[^\n]*$/gm, '');
      if (bare !== text) writeFileSync(path, bare);
    }
  }
};
strip(out);

// The security headers of the static files on Cloudflare (worker/http/security-headers.ts; self-hosted, selfhost/worker.ts sets them).
writeFileSync(join(out, '_headers'), headersFile());
