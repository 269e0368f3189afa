// `npm start`: builds the site, migrates the local D1 database and serves everything on http://localhost:8787
// (workerd, offline). `npm start -- --https` serves https with the certificate of Microsoft's office-addin-dev-certs
// (`npx office-addin-dev-certs install` once), for sideloading into Excel.
import { startLocalWorker } from './local-worker.mjs';

const https = process.argv.includes('--https');
let url;
try {
  ({ url } = await startLocalWorker({ port: Number(process.env.PORT ?? 8787), inherit: true, https }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
console.log(`\nBaotou rules Worker: ${url}/  (API ${url}/v1/rules, OpenAPI ${url}/openapi.json, add-in ${url}/addin/)\nPress Ctrl+C to stop.`);
