/** The policy text and the rule catalogue, from the copies in spec/ (see spec/README.md). */
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const read = (url: URL) => readFileSync(url, 'utf8');

/** Each copy in spec/ and where its original lives: the team's shared folder beside this repository. */
export const specFiles = [
  { copy: new URL('spec/baotou-2023-43.txt', root), original: new URL('../shared/policy/baotou-2023-43.txt', root) },
  { copy: new URL('spec/RULES.md', root), original: new URL('../shared/RULES.md', root) },
].map((file) => ({ ...file, text: read(file.copy), originalText: existsSync(file.original) ? read(file.original) : undefined }));

export const [policyText, catalogueText] = specFiles.map((file) => file.text);
