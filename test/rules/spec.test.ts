import { expect, it } from 'vitest';
import { catalogueText, policyText, specFiles } from '../support/spec.ts';

it('keeps spec/ equal to the shared originals wherever they are beside the repository', () => {
  expect(policyText).toContain('包府办发〔2023〕43号');
  expect(catalogueText).toContain('# The rules catalogue');
  for (const file of specFiles) {
    if (file.originalText !== undefined) expect(file.text, file.copy.pathname).toBe(file.originalText);
  }
});
