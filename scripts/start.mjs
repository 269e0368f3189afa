// `npm start`: builds the site, migrates the local D1 database and serves everything on http://localhost:8787
// (workerd, offline). `npm start -- --https` serves https with wrangler's local certificate, for sideloading into Excel.
import { startLocalWorker } from './local-worker.mjs';

const https = process.argv.includes('--https');
const { url } = await startLocalWorker({ port: Number(process.env.PORT ?? 8787), inherit: true, https });
console.log(`\nBaotou rules Worker: ${url}/  (API ${url}/v1/rules, OpenAPI ${url}/openapi.json, add-in ${url}/addin/)\nPress Ctrl+C to stop.`);
