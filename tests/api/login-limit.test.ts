/**
 * Sign-in limits: per client address (behind a proxy, the address our proxy saw, never a hop the
 * client wrote) and per account (against guesses from rotating addresses).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, Agent, makeTestApp, signedInAgents } from '../support/api';
import { loadConfig } from '../../server/config';
import { createApp } from '../../server/app';
import { ACCOUNT_ATTEMPTS, ACCOUNT_WINDOW_MS } from '../../server/auth/account-limit';

// Every attempt runs scrypt (unknown addresses too, so timing tells nothing): tens of them per test.
vi.setConfig({ testTimeout: 60_000 });

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t.cleanup());

const login = (email: string, password: string, forwardedFor?: string) =>
  new Agent(t.app).request(
    'POST',
    '/api/auth/login',
    { email, password },
    forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  );
/** Wrong passwords for `n` different accounts, so only the per-address limit can answer 429. */
async function wrongTries(n: number, forwardedFor: (i: number) => string | undefined) {
  const codes: number[] = [];
  for (let i = 0; i < n; i++)
    codes.push((await login(`nobody-${i}@example.com`, 'wrong-password', forwardedFor(i))).status);
  return codes;
}

describe('the per-address sign-in limit behind a proxy', () => {
  it('with TRUST_PROXY=1 keys on the last X-Forwarded-For hop, so a rotating first hop gains nothing', async () => {
    t = makeTestApp({ TRUST_PROXY: '1' });
    const codes = await wrongTries(12, (i) => `10.9.${i}.1, 203.0.113.7`);
    expect(codes).toEqual([...Array(10).fill(401), 429, 429]);
    // Another address the proxy saw is another client.
    expect((await login('nobody@example.com', 'wrong-password', '203.0.113.8')).status).toBe(401);
  });

  it('with TRUST_PROXY_HOPS=2 keys on the address the outer proxy saw', async () => {
    t = makeTestApp({ TRUST_PROXY: '1', TRUST_PROXY_HOPS: '2' });
    // client → CDN (appends the client) → our proxy (appends the CDN): "<spoofed>, client, cdn".
    expect(await wrongTries(11, (i) => `198.51.100.${i}, 203.0.113.7, 192.0.2.1`)).toEqual([
      ...Array(10).fill(401),
      429,
    ]);
    // Different clients behind the same CDN node are counted apart.
    expect(await wrongTries(11, (i) => `203.0.113.${100 + i}, 192.0.2.1`)).toEqual(Array(11).fill(401));
  });

  it('without TRUST_PROXY ignores X-Forwarded-For altogether', async () => {
    t = makeTestApp();
    expect(await wrongTries(11, (i) => `203.0.113.${i}`)).toEqual([...Array(10).fill(401), 429]);
  });

  it('refuses TRUST_PROXY_HOPS below 1 at boot, naming the variable', () => {
    t = makeTestApp();
    expect(() => loadConfig({ TRUST_PROXY_HOPS: '0' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => loadConfig({ TRUST_PROXY_HOPS: 'two' })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe('the per-account sign-in limit', () => {
  it(`locks an account after ${ACCOUNT_ATTEMPTS} wrong passwords from rotating addresses, even to the right one, until the window ends`, async () => {
    t = makeTestApp({ TRUST_PROXY: '1' });
    await signedInAgents(t.app);
    const ip = (i: number) => `203.0.113.${i}`;
    for (let i = 0; i < ACCOUNT_ATTEMPTS; i++) expect((await login(ADMIN.email, `guess-${i}`, ip(i))).status).toBe(401);
    const locked = await login(ADMIN.email, 'guess-x', ip(50));
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('account-locked');
    expect(Number(locked.headers.get('retry-after'))).toBe(ACCOUNT_WINDOW_MS / 1000);
    // The right password learns nothing while locked; the address case changes nothing.
    expect((await login(ADMIN.email, ADMIN.password, ip(51))).body.error.code).toBe('account-locked');
    expect((await login(ADMIN.email.toUpperCase(), ADMIN.password, ip(52))).status).toBe(429);
    // Other accounts are not affected.
    expect((await login('viewer@example.com', 'password-for-viewer', ip(53))).status).toBe(200);
    t.clock.advance(ACCOUNT_WINDOW_MS);
    expect((await login(ADMIN.email, ADMIN.password, ip(54))).status).toBe(200);
  });

  it('counts parallel guesses before their passwords are checked, so a burst gets no more tries', async () => {
    t = makeTestApp({ TRUST_PROXY: '1' });
    await signedInAgents(t.app);
    const codes = (
      await Promise.all(Array.from({ length: 25 }, (_, i) => login(ADMIN.email, `guess-${i}`, `198.51.100.${i}`)))
    ).map((r) => r.status);
    expect(codes.filter((c) => c === 401)).toHaveLength(ACCOUNT_ATTEMPTS);
    expect(codes.filter((c) => c === 429)).toHaveLength(25 - ACCOUNT_ATTEMPTS);
  });

  it('counts guesses spread over two nodes on one database together', async () => {
    t = makeTestApp({ TRUST_PROXY: '1' });
    await signedInAgents(t.app);
    // A second app on the same database, with memory of its own: what another node is.
    const other = createApp({ db: t.db, store: t.store, config: t.config, clock: t.clock });
    const codes: number[] = [];
    for (let i = 0; i < ACCOUNT_ATTEMPTS + 2; i++) {
      const agent = new Agent(i % 2 ? other : t.app);
      const r = await agent.request(
        'POST',
        '/api/auth/login',
        { email: ADMIN.email, password: `guess-${i}` },
        {
          'x-forwarded-for': `192.0.2.${i}`,
        },
      );
      codes.push(r.status);
    }
    expect(codes).toEqual([...Array(ACCOUNT_ATTEMPTS).fill(401), 429, 429]);
  });

  it("starts counting again after a successful sign-in, so a person's own typos don't add up", async () => {
    t = makeTestApp({ TRUST_PROXY: '1' });
    await signedInAgents(t.app);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < ACCOUNT_ATTEMPTS - 1; i++)
        expect((await login(ADMIN.email, 'typo', `203.0.113.${round * 20 + i}`)).status).toBe(401);
      expect((await login(ADMIN.email, ADMIN.password, `203.0.113.${round * 20 + 15}`)).status).toBe(200);
    }
  });
});
