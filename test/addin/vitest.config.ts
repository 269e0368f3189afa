import { defineProject } from 'vitest/config';

/** The Excel add-in's logic in Node: metadata, cell conversions, functions through a CustomFunctions stub, task pane with office-addin-mock, manifest. */
export default defineProject({
  test: {
    name: 'addin',
    environment: 'node',
    include: ['test/addin/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
  },
});
