import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs every project: each folder under test/ owns its config
 * (rules and add-in in Node, the Worker inside workerd, the pages in headless Chromium).
 */
export default defineConfig({
  test: {
    projects: ['test/*/vitest.config.ts'],
  },
});
