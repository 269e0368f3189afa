// The Debian packages `npm test` needs besides npm's: Chromium for the browser tests, a CJK font for their
// screenshots, LibreOffice Calc (headless) to make and open real spreadsheet files, nginx to run selfhost/nginx.conf. Run first by `npm test`:
// what is missing is installed when it can be (as root, or with password-less sudo, through apt-get);
// otherwise the run stops at once with one line naming the exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const dpkgHas = (name) => spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed') ?? false;

/** Each package and how to tell it is there (the binary or file the tests use, or dpkg's word). */
export const SYSTEM_PACKAGES = [
  { name: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { name: 'fonts-wqy-zenhei', present: () => dpkgHas('fonts-wqy-zenhei') || existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc') },
  { name: 'libreoffice-calc-nogui', present: () => onPath('soffice') },
  { name: 'nginx-light', present: () => existsSync('/usr/sbin/nginx') },
];

/**
 * What to do about the missing packages: nothing; install them (the commands, with `sudo -n` when not root);
 * or fail with one line that says the exact command to run.
 */
export function decide({ missing, isRoot, hasAptGet, hasSudo }) {
  if (missing.length === 0) return { action: 'none' };
  const list = missing.join(' ');
  if (!hasAptGet) {
    return { action: 'fail', message: `npm test needs these Debian packages (or their equivalents; set CHROMIUM_PATH for another Chromium): ${list}` };
  }
  const command = `apt-get update && apt-get install -y ${list}`;
  if (isRoot)
    return {
      action: 'install',
      commands: [
        ['apt-get', ['update', '-qq']],
        ['apt-get', ['install', '-y', '-qq', ...missing]],
      ],
    };
  if (hasSudo)
    return {
      action: 'install',
      commands: [
        ['sudo', ['-n', 'apt-get', 'update', '-qq']],
        ['sudo', ['-n', 'apt-get', 'install', '-y', '-qq', ...missing]],
      ],
    };
  return { action: 'fail', message: `npm test needs system packages; run: sudo sh -c '${command}'` };
}

/** Installs what is missing or returns the one line to show; `facts` and `run` are injectable for the tests. */
export function ensureSystemPackages({
  packages = SYSTEM_PACKAGES,
  isRoot = process.getuid?.() === 0,
  hasAptGet = onPath('apt-get'),
  hasSudo = !isRoot && onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  run = (command, args) =>
    spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0,
} = {}) {
  const missing = packages.filter((p) => !p.present()).map((p) => p.name);
  const decision = decide({ missing, isRoot, hasAptGet, hasSudo });
  if (decision.action !== 'install') return decision;
  console.error(`Installing the system packages the tests need: ${missing.join(' ')} …`);
  for (const [command, args] of decision.commands) {
    if (!run(command, args))
      return { action: 'fail', message: `Installing ${missing.join(' ')} failed; run: sudo sh -c 'apt-get update && apt-get install -y ${missing.join(' ')}'` };
  }
  const still = packages.filter((p) => !p.present()).map((p) => p.name);
  return still.length ? { action: 'fail', message: `Still missing after apt-get: ${still.join(' ')}` } : { action: 'installed', installed: missing };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outcome = ensureSystemPackages();
  if (outcome.action === 'fail') {
    console.error(outcome.message);
    process.exit(1);
  }
}
