import { defineProject } from 'vitest/config';

/** The project's own scripts (npm start, npm test's system packages), in Node. */
export default defineProject({
  test: {
    name: 'scripts',
    environment: 'node',
    include: ['test/scripts/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
