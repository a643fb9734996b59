import { describe, expect, it } from 'vitest';
import { createSender, isRetryable, retryDelay, type Outcome, type SendState } from '../../../client/respondent/submit';
import type { Submission } from '../../../shared/api/surveys';

const body = (n: number, complete = false): Submission => ({
  clientId: 'abcdefgh12',
  versionId: 1,
  answers: { q: n },
  complete,
  page: n,
  pageTimes: {},
  hidden: {},
  lang: 'en',
  website: '',
});

/** A sender with a scripted server, hand-driven timers and an `online` event source. */
function harness(replies: (number | 'down')[]) {
  const sent: Submission[] = [];
  const states: SendState[] = [];
  const outcomes: [Submission, Outcome][] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let online: (() => void) | null = null;
  const sender = createSender({
    url: '/x',
    fetch: async (_url, init) => {
      sent.push(JSON.parse(String(init?.body)));
      const reply = replies.shift() ?? 200;
      if (reply === 'down') throw new TypeError('Failed to fetch');
      return new Response(
        JSON.stringify(reply < 300 ? { status: 'partial' } : { error: { code: `e${reply}`, message: '' } }),
        { status: reply },
      );
    },
    events: {
      addEventListener: (_type: string, fn: unknown) => {
        online = fn as () => void;
      },
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => timers.splice(0),
    onState: (s) => states.push(s),
    onOutcome: (s, o) => outcomes.push([s, o]),
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { sender, sent, states, outcomes, timers, settle, goOnline: () => online?.() };
}

describe('retry policy', () => {
  it('retries network failures, timeouts, rate limits and server faults only', () => {
    expect([0, 408, 429, 500, 503].every(isRetryable)).toBe(true);
    expect([400, 404, 409, 413].some(isRetryable)).toBe(false);
  });

  it('backs off exponentially up to 30 s, with jitter', () => {
    expect([0, 1, 2, 3].map((a) => retryDelay(a, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(10, () => 0.5)).toBe(30_000);
    expect(retryDelay(0, () => 0)).toBe(750);
    expect(retryDelay(0, () => 1)).toBe(1250);
  });
});

describe('createSender', () => {
  it('keeps a failed save and sends it when the browser is back online', async () => {
    const h = harness(['down', 201]);
    await h.sender.send(body(1));
    expect(h.states).toEqual(['saving', 'offline']);
    expect(h.timers).toHaveLength(1);
    h.goOnline();
    await h.settle();
    expect(h.sent.map((s) => s.page)).toEqual([1, 1]);
    expect(h.states.at(-1)).toBe('saved');
    expect(h.outcomes).toHaveLength(1);
  });

  it('retries a server fault on its timer', async () => {
    const h = harness([503, 200]);
    await h.sender.send(body(1));
    expect(h.states.at(-1)).toBe('retrying');
    h.timers[0].fn();
    await h.settle();
    expect(h.sent).toHaveLength(2);
    expect(h.outcomes[0][1]).toEqual({ ok: true, result: { status: 'partial' } });
  });

  it('sends only the newest of the saves queued behind one in flight', async () => {
    const h = harness([200, 200]);
    const first = h.sender.send(body(1));
    void h.sender.send(body(2));
    void h.sender.send(body(3, true));
    await first;
    await h.settle();
    expect(h.sent.map((s) => s.page)).toEqual([1, 3]);
    expect(h.sent[1].complete).toBe(true);
  });

  it('a newer save replaces a failed one waiting to be retried', async () => {
    const h = harness(['down', 200]);
    await h.sender.send(body(1));
    await h.sender.send(body(2));
    expect(h.sent.map((s) => s.page)).toEqual([1, 2]);
    expect(h.timers).toHaveLength(0);
  });

  it('reports a refusal without retrying it', async () => {
    const h = harness([409]);
    await h.sender.send(body(1, true));
    expect(h.states.at(-1)).toBe('failed');
    expect(h.timers).toHaveLength(0);
    expect(h.outcomes[0][1]).toEqual({ ok: false, status: 409, error: { code: 'e409', message: '' } });
  });
});
