/**
 * bt-wps.js, the script index.html loads (plain, not a module): registers every `BT.*` function with
 * `wps.AddCustomFunction` and defines the ribbon's callbacks as globals. Includes the rules package.
 */
import { registerWpsFunctions, type WpsAddinRoot } from './functions.ts';
import { ribbonCallbacks, type WpsApplication } from './ribbon.ts';

const host = globalThis as unknown as {
  wps?: WpsAddinRoot & { Application?: WpsApplication };
  Application?: WpsApplication;
  location?: { href: string };
} & Record<string, unknown>;

if (host.wps) registerWpsFunctions(host.wps);
Object.assign(
  host,
  ribbonCallbacks(
    () => (host.Application ?? host.wps?.Application) as WpsApplication,
    () => host.location?.href ?? '',
  ),
);
