import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { openDb } from '../../server/db/client';
import { loadDemo } from '../../server/demo/service';
import { startTestServer } from '../support/browser';

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
  const db = openDb(server.dbPath);
  loadDemo(db, Date.now(), null, 0);
  db.$client.close();
});
afterAll(() => server?.stop());

/** A raw GET, so the test sees the bytes on the wire and their Content-Encoding. */
function get(
  path: string,
  acceptEncoding: string,
): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(new URL(path, server.url), { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('what a phone downloads', () => {
  it('gets the survey page gzipped, and its scripts and styles precompressed with brotli, each decoding to the same bytes as uncompressed', async () => {
    const plain = await get('/s/demo', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    const zipped = await get('/s/demo', 'gzip, deflate, br');
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    const html = gunzipSync(zipped.body).toString('utf8');
    expect(html).toContain('Overall, how satisfied are you with your stay?');

    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const raw = await get(asset, 'identity');
      const br = await get(asset, 'gzip, deflate, br');
      expect(raw.status).toBe(200);
      if (raw.body.length < 1024) continue;
      expect(br.encoding, asset).toBe('br');
      expect(brotliDecompressSync(br.body).equals(raw.body), asset).toBe(true);
      const gz = await get(asset, 'gzip');
      expect(gz.encoding, asset).toBe('gzip');
      expect(gunzipSync(gz.body).equals(raw.body), asset).toBe(true);
    }
  });
});
