import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertPublicLiteral } from '../../server/alerts/webhook-address';
import { makeTestApp, signedInAgents, smallSurvey, type Agent } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let surveyId: string;
beforeEach(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
  surveyId = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body.id;
});
afterEach(async () => {
  await t.cleanup();
});

describe('a webhook address is checked at save against every reserved IPv6 form', () => {
  // Each of these reaches 127.0.0.1 or another address inside the network once a host or relay
  // unwraps the IPv4 address it carries.
  const refused = [
    'http://[::127.0.0.1]/hook', // IPv4-compatible (::/96)
    'http://[::7f00:1]/hook', // the same, written in hex
    'http://[2002:7f00:1::1]/hook', // 6to4 of 127.0.0.1 (2002::/16)
    'http://[2002:a9fe:a9fe::]/latest', // 6to4 of 169.254.169.254
    'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook', // Teredo (2001::/32)
    'http://[64:ff9b:1::a00:1]/hook', // local-use NAT64 (64:ff9b:1::/48) of 10.0.0.1
    'http://[fec0::1]/hook', // site-local
    'http://192.88.99.1/hook', // the 6to4 relay anycast
  ];

  it.each(refused)('refuses %s when made and when changed, storing nothing', async (url) => {
    const made = await researcher.post(`/api/surveys/${surveyId}/webhooks`, { url, events: ['case.opened'] });
    expect(made.status).toBe(400);
    expect(made.body.error).toMatchObject({ path: 'url' });
    expect(made.body.error.message).toMatch(/loopback, private or reserved address; set WEBHOOK_ALLOW_PRIVATE=1/);
    expect(await t.value('select count(*) from webhooks')).toBe(0);

    const ok = await researcher.post(`/api/surveys/${surveyId}/webhooks`, {
      url: 'https://hooks.example.com/y',
      events: ['case.opened'],
    });
    const moved = await researcher.patch(`/api/surveys/${surveyId}/webhooks/${ok.body.webhook.id}`, { url });
    expect(moved.status).toBe(400);
    expect(await t.value('select url from webhooks')).toBe('https://hooks.example.com/y');
  });

  const open = [
    'http://93.184.215.14/hook',
    'http://8.8.8.8/hook',
    'http://[2606:4700:4700::1111]/hook',
    'http://[2a00:1450:4001:82a::200e]/hook',
  ];

  it('refuses at delivery exactly what it refuses at save', () => {
    for (const url of refused)
      expect(() => assertPublicLiteral(new URL(url)), url).toThrow(/loopback, private or reserved/);
    for (const url of open) expect(() => assertPublicLiteral(new URL(url)), url).not.toThrow();
  });

  // An IPv4 address was once tested against the IPv6 rules too, where ::ffff:0:0/96 matched them all.
  it('still takes public IPv4 and IPv6 literals', async () => {
    for (const url of open) {
      const r = await researcher.post(`/api/surveys/${surveyId}/webhooks`, { url, events: ['case.opened'] });
      expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBe(201);
    }
  });
});
