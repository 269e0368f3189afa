// `npm run manifest -- --host https://rules.example.org` rewrites manifest.xml so every URL points at
// that origin (the Worker serving /addin/). Without --host it regenerates for the host already in it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = `${root}manifest.xml`;

const args = process.argv.slice(2);
const at = args.indexOf('--host');
const given = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--host='))?.slice('--host='.length);
if (at >= 0 && !given) {
  console.error('usage: npm run manifest -- --host https://your.host');
  process.exit(2);
}

// addin/manifest.ts is TypeScript: bundle it in memory so this runs on any Node.
const bundled = await build({ entryPoints: [`${root}addin/manifest.ts`], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
const { renderManifest, hostOf, normaliseHost, DEFAULT_HOST } = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
);

let current = DEFAULT_HOST;
try {
  current = hostOf(readFileSync(file, 'utf8'));
} catch {
  // no manifest yet
}
const host = normaliseHost(given ?? current);
if (!host.startsWith('https://')) console.warn(`warning: Office loads add-ins only over https; ${host} is for tests`);
writeFileSync(file, renderManifest(host));
console.log(`manifest.xml → ${host}/addin/`);
