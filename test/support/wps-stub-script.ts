// The WPS stand-in (wps-stub.ts) bundled as a plain script a browser page can run before the task pane loads.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export async function wpsStubScript(): Promise<string> {
  const bundled = await build({
    stdin: {
      contents: `import { createWpsStub } from './wps-stub.ts';
        const stub = createWpsStub(window.__wpsSelection || { address: 'A1' });
        window.__wpsStub = stub; window.wps = stub.wps; window.Application = stub.Application;`,
      resolveDir: fileURLToPath(new URL('./', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  });
  return bundled.outputFiles[0].text;
}
