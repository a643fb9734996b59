import { describe, expect, it } from 'vitest';
import { createSubmission } from '../../../client/app/lib/submission';

describe('a submission the user starts', () => {
  it('is busy while its work runs, sends once on a double start, and keeps a failure as the error', async () => {
    const send = createSubmission();
    let calls = 0;
    let finish: () => void = () => {};
    const work = () => {
      calls++;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    };
    const first = send.run(work);
    expect(send.busy()).toBe(true);
    await send.run(work);
    expect(calls).toBe(1);
    finish();
    await first;
    expect(send.busy()).toBe(false);
    expect(send.failure()).toBeNull();

    const refused = new Error('refused');
    await send.run(async () => {
      throw refused;
    });
    expect(send.failure()).toBe(refused);
    expect(send.busy()).toBe(false);
    await send.run(async () => {});
    expect(send.failure()).toBeNull();
    await send.run(async () => {
      throw refused;
    });
    send.clear();
    expect(send.failure()).toBeNull();
  });
});
