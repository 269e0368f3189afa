import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
// @ts-expect-error plain ESM helper without types
import { writePlanIndex } from './scripts/plan-index.mjs';

// Every project (the Worker's bundle in workerd included) imports the served plans' list: written before any loads.
writePlanIndex(fileURLToPath(new URL('.', import.meta.url)));

/**
 * One `npm test` runs every project: each folder under test/ owns its config
 * (rules and add-in in Node, the Worker inside workerd, the pages in headless Chromium).
 */
export default defineConfig({
  test: {
    projects: ['test/*/vitest.config.ts'],
  },
});
