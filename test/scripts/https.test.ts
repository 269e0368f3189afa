// `npm start -- --https`: served with office-addin-dev-certs' certificate (a CA for this machine only), never
// wrangler's own. Certificates are generated into a temporary folder; nothing is installed into a trust store.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { devArgs, devCerts, INSTALL_CERTS, localUrl, root, startLocalWorker } from '../../scripts/local-worker.mjs';
import { generateCertificates } from 'office-addin-dev-certs';

const dir = mkdtempSync(join(tmpdir(), 'bt-certs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const certs = { ca: join(dir, 'ca.crt'), cert: join(dir, 'localhost.crt'), key: join(dir, 'localhost.key') };

const flag = (args: string[], name: string) => args[args.indexOf(name) + 1];

describe('npm start -- --https', () => {
  it('passes office-addin-dev-certs’ key and certificate to wrangler, and never asks for wrangler’s own', () => {
    const args: string[] = devArgs({ port: 8787, persistTo: '/tmp/x', https: true });
    expect(flag(args, '--local-protocol')).toBe('https');
    expect(flag(args, '--https-key-path')).toBe(devCerts.key);
    expect(flag(args, '--https-cert-path')).toBe(devCerts.cert);
    expect(devCerts.cert).toMatch(/\.office-addin-dev-certs[/\\]localhost\.crt$/);
    expect(args).toContain('PUBLIC_ORIGIN:https://localhost:8787');
    const plain: string[] = devArgs({ port: 8787, persistTo: '/tmp/x' });
    expect(plain).not.toContain('--local-protocol');
    expect(plain).not.toContain('--https-key-path');
    expect(plain).toContain(`PUBLIC_ORIGIN:${localUrl(8787, false)}`);
  });

  it('without a certificate it stops at once with the one command to run', async () => {
    const missing = { ca: join(dir, 'none.crt'), cert: join(dir, 'none.crt'), key: join(dir, 'none.key') };
    await expect(startLocalWorker({ https: true, certs: missing, build: false })).rejects.toThrow(INSTALL_CERTS);
  });

  it('serves the certificate office-addin-dev-certs generated, trusted through its CA only', async () => {
    await generateCertificates(certs.ca, certs.cert, certs.key, 2);
    mkdirSync(join(root, 'dist', 'site'), { recursive: true });
    const state = mkdtempSync(join(tmpdir(), 'bt-https-'));
    const worker = await startLocalWorker({ https: true, certs, build: false, persistTo: state });
    try {
      expect(worker.url).toMatch(/^https:\/\/localhost:\d+$/);
      let fingerprint = '';
      const served = await new Promise<{ status?: number }>((resolve, reject) => {
        const req = request(`${worker.url}/v1/rules`, { ca: readFileSync(certs.ca), agent: false }, (res) => {
          res.resume();
          resolve({ status: res.statusCode });
        });
        req.on('socket', (socket) => socket.once('secureConnect', () => (fingerprint = (socket as TLSSocket).getPeerX509Certificate()?.fingerprint256 ?? '')));
        req.on('error', reject);
        req.end();
      });
      expect(served.status).toBe(200);
      expect(fingerprint).toBe(new X509Certificate(readFileSync(certs.cert)).fingerprint256);
      // Issued by the generated CA, which holds the only private key that can sign for it.
      expect(new X509Certificate(readFileSync(certs.cert)).checkIssued(new X509Certificate(readFileSync(certs.ca)))).toBe(true);

      // Issue 13 finding 4: a query string and a body are kept nowhere: not in wrangler's output, not in its
      // local state (its trace store, .wrangler/state/v3/observability, kept every URL before it was turned off).
      const marker = 'QUERYMARK4711';
      await new Promise((resolve, reject) => {
        const req = request(
          `${worker.url}/v1/rules/overquota-reward?totalStaff=${marker}&disabledCounted=9`,
          { ca: readFileSync(certs.ca), agent: false },
          (res) => res.resume().on('end', resolve),
        );
        req.on('error', reject);
        req.end();
      });
      await new Promise((resolve, reject) => {
        const req = request(
          `${worker.url}/v1/rules/overquota-reward`,
          { method: 'POST', headers: { 'content-type': 'application/json' }, ca: readFileSync(certs.ca), agent: false },
          (res) => res.resume().on('end', resolve),
        );
        req.on('error', reject);
        req.end(JSON.stringify({ totalStaff: `BODY${marker}` }));
      });
      await new Promise((r) => setTimeout(r, 1500));
      await worker.stop();
      expect(worker.output()).not.toContain(marker);
      const kept = spawnSync('grep', ['-rl', marker, state], { encoding: 'utf8' });
      expect(kept.stdout).toBe('');
    } finally {
      await worker.stop();
      rmSync(state, { recursive: true, force: true });
    }
  });
});
