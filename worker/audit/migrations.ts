/**
 * worker/migrations as data, for the self-hosted audit (workerd's Durable Object SQLite), so it runs
 * the same schema as D1. Bundled as text by selfhost/bundle.mjs; a test keeps this list equal to the folder.
 */
import m0001 from '../migrations/0001_audit.sql';
import m0002 from '../migrations/0002_audit_lifecycle.sql';
import m0003 from '../migrations/0003_audit_whatif.sql';

/** The statements of a migration file, without `--` comments. */
export function sqlStatements(text: string): string[] {
  return text
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export const MIGRATIONS = [
  { name: '0001_audit.sql', statements: sqlStatements(m0001) },
  { name: '0002_audit_lifecycle.sql', statements: sqlStatements(m0002) },
  { name: '0003_audit_whatif.sql', statements: sqlStatements(m0003) },
];
