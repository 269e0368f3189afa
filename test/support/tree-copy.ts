/**
 * A throw-away copy of this repository's working tree for the tests that follow a developer recipe on it
 * (adding a rule, adding a plan): the files git lists (tracked and untracked, not the ignored ones, so
 * nothing generated comes along), with node_modules linked rather than copied.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;

/** Copies the working tree into a new temporary folder and returns its path (the caller removes it). */
export function copyWorkingTree(prefix: string): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    try {
      cpSync(join(root, file), join(copy, file), { recursive: false });
    } catch {
      // a file deleted in the working tree but still in the index
    }
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

/** Runs a command in `cwd` with the project's tools first on PATH; its status and the tail of its output. */
export function run(cwd: string, command: string, args: string[]) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(cwd, 'node_modules', '.bin')}:${process.env.PATH}`, CI: '1' },
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}`.slice(-6000) };
}
