// "Two commands": npm test brings its Debian packages when it can, or stops at once with one line naming the
// exact command. The decision is tested with injected facts: nothing is installed or removed here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error plain ESM helper without types
import { decide, ensureSystemPackages, SYSTEM_PACKAGES } from '../../scripts/system-packages.mjs';

const all = ['chromium', 'fonts-wqy-zenhei', 'libreoffice-calc-nogui', 'nginx-light'];
const fake = (missing: string[]) => all.map((name) => ({ name, present: () => !missing.includes(name) }));

describe('npm test’s system packages', () => {
  it('checks Chromium, the CJK font, LibreOffice Calc and nginx', () => {
    expect(SYSTEM_PACKAGES.map((p: { name: string }) => p.name)).toEqual(all);
  });

  it('npm test runs the check before anything else, and .ci/run installs the same packages', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { test: string } };
    expect(pkg.scripts.test).toMatch(/^node scripts\/check-node\.mjs && node scripts\/system-packages\.mjs && /);
    const ci = readFileSync('.ci/run', 'utf8');
    for (const name of all) expect(ci).toContain(name);
  });

  it('nothing missing: nothing to do', () => {
    expect(decide({ missing: [], isRoot: false, hasAptGet: true, hasSudo: false })).toEqual({ action: 'none' });
  });

  it('as root with apt-get: installs exactly what is missing', () => {
    const calls: string[][] = [];
    const outcome = ensureSystemPackages({
      packages: fake(['libreoffice-calc-nogui']).map((p) => ({ ...p, present: () => calls.length > 0 || p.present() })),
      isRoot: true,
      hasAptGet: true,
      hasSudo: false,
      run: (command: string, args: string[]) => (calls.push([command, ...args]), true),
    });
    expect(calls).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', 'libreoffice-calc-nogui'],
    ]);
    expect(outcome).toEqual({ action: 'installed', installed: ['libreoffice-calc-nogui'] });
  });

  it('not root, with password-less sudo: installs through sudo -n', () => {
    expect(decide({ missing: ['chromium'], isRoot: false, hasAptGet: true, hasSudo: true })).toEqual({
      action: 'install',
      commands: [
        ['sudo', ['-n', 'apt-get', 'update', '-qq']],
        ['sudo', ['-n', 'apt-get', 'install', '-y', '-qq', 'chromium']],
      ],
    });
  });

  it('not root and no sudo: fails at once with one line naming the exact command', () => {
    const outcome = decide({ missing: ['chromium', 'libreoffice-calc-nogui'], isRoot: false, hasAptGet: true, hasSudo: false });
    expect(outcome.action).toBe('fail');
    expect(outcome.message).not.toContain('\n');
    expect(outcome.message).toContain("sudo sh -c 'apt-get update && apt-get install -y chromium libreoffice-calc-nogui'");
  });

  it('no apt-get (not Debian): fails with one line naming the packages', () => {
    const outcome = decide({ missing: ['fonts-wqy-zenhei'], isRoot: true, hasAptGet: false, hasSudo: false });
    expect(outcome.action).toBe('fail');
    expect(outcome.message).not.toContain('\n');
    expect(outcome.message).toContain('fonts-wqy-zenhei');
  });

  it('a failed apt-get is one line too, and nothing is claimed installed', () => {
    const outcome = ensureSystemPackages({ packages: fake(['chromium']), isRoot: true, hasAptGet: true, hasSudo: false, run: () => false });
    expect(outcome.action).toBe('fail');
    expect(outcome.message).toContain('apt-get install -y chromium');
    expect(outcome.message).not.toContain('\n');
  });
});
