// The served plans are the folders under rules/plans/: this writes rules/plans/served.generated.ts (git-ignored),
// which imports each folder's plan.ts (its default export is the plan), so adding a plan is one new folder.
// No bundler glob works alike in Node, wrangler's esbuild, vite/vitest and tsc; a plain module they all read does.
// Every entry point runs it first: npm install (`prepare`), scripts/check-node.mjs (npm test, test:quick, bench),
// npm run typecheck and docs, scripts/build.mjs, the self-hosted and local Worker builds, and vitest.config.ts.
// It writes only when the list changed, and fails with one line naming the folder that has no plan.
// Plain JavaScript, reading no TypeScript, so it runs on any Node, before anything imports the rules.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATED = 'rules/plans/served.generated.ts';

/** The source of the generated module for these plan folders (sorted by name; `rules/plans/index.ts` orders the plans by date). */
export function planIndexSource(folders) {
  const imports = folders.map((folder, i) => `import plan${i} from './${folder.replace(/[\\']/g, '\\$&')}/plan.ts';\n`).join('');
  return `// Written by scripts/plan-index.mjs from the folders rules/plans/*/ (each plan.ts's default export): not tracked, do not edit.
import type { Plan } from './types.ts';
${imports}
/** The plans of the folders under rules/plans/, in folder-name order. */
export const plansInFolders: readonly Plan[] = [${folders.map((_, i) => `plan${i}`).join(', ')}];
`;
}

/** The plan folders under `root`/rules/plans/; throws one line for a folder without a plan.ts that exports its plan by default. */
export function planFolders(root) {
  const dir = join(root, 'rules', 'plans');
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const plan = join(dir, folder, 'plan.ts');
    if (!existsSync(plan))
      throw new Error(`rules/plans/${folder}/ has no plan.ts: each folder under rules/plans/ is a plan (docs/developers/adding-a-plan.md)`);
    if (!/^export default\b/m.test(readFileSync(plan, 'utf8'))) {
      throw new Error(`rules/plans/${folder}/plan.ts has no \`export default\` of its plan (docs/developers/adding-a-plan.md)`);
    }
  }
  if (folders.length === 0) throw new Error('rules/plans/ has no plan folder');
  return folders;
}

/** Writes the generated module under `root` when it is missing or differs; returns the plan folders. */
export function writePlanIndex(root = fileURLToPath(new URL('..', import.meta.url))) {
  const folders = planFolders(root);
  const source = planIndexSource(folders);
  const file = join(root, GENERATED);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== source) writeFileSync(file, source);
  return folders;
}

/** For a script's first step: writes the module, or stops the process with the one line that says why not. */
export function ensurePlanIndex(root) {
  try {
    return writePlanIndex(root);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensurePlanIndex();
