// `npm start`: builds the site, migrates the local D1 database and serves everything on http://localhost:8787 (workerd, offline).
import { startLocalWorker } from './local-worker.mjs';

const { url } = await startLocalWorker({ port: Number(process.env.PORT ?? 8787), inherit: true });
console.log(`\nBaotou rules Worker: ${url}/  (API ${url}/v1/rules, OpenAPI ${url}/openapi.json, add-in ${url}/addin/)\nPress Ctrl+C to stop.`);
