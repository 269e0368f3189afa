/**
 * Node side of the add-in build: the generated files the Worker serves under /addin/ beside the bundle —
 * functions metadata (en, zh-CN, validated before writing), icons, the help page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { helpPage } from './docs.ts';
import { iconPng } from './icons.ts';
import { ADDIN_FILES } from './manifest.ts';
import { functionsMetadata, METADATA_FILES } from './metadata/generate.ts';
import { validateMetadata } from './metadata/validate.ts';

export function writeGeneratedFiles(addinDir: string): void {
  mkdirSync(addinDir, { recursive: true });
  for (const lang of ['en', 'zh'] as const) {
    const metadata = functionsMetadata(lang);
    const errors = validateMetadata(metadata);
    if (errors.length) throw new Error(`invalid ${lang} functions metadata:\n${errors.join('\n')}`);
    writeFileSync(join(addinDir, METADATA_FILES[lang]), `${JSON.stringify(metadata, null, 2)}\n`);
  }
  for (const size of [16, 32, 64, 80]) writeFileSync(join(addinDir, `icon-${size}.png`), iconPng(size));
  writeFileSync(join(addinDir, ADDIN_FILES.help), helpPage());
}
