/**
 * Long computations cut into turns: a step function is a generator that yields now and then (at
 * points where pausing changes nothing), run to the end at once by `runAtOnce`, or by `runInTurns`
 * with a pause whenever a turn has lasted `turnMs`, so a server answers other requests meanwhile.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps without pausing. */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, awaiting `pause()` once a turn has taken `turnMs` (checked at each yield). */
export async function runInTurns<T>(steps: Steps<T>, pause: () => Promise<void>, turnMs = 20): Promise<T> {
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since >= turnMs) {
      await pause();
      since = performance.now();
    }
  }
}

/** How often (in items) a loop over many items yields: small enough for a turn, large enough to cost nothing. */
export const STEP = 256;
