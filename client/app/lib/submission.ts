/**
 * A write the user starts (a form sent, a button pressed): busy while it runs, so the control can
 * be disabled, and its failure kept as the error itself, so the message follows a language switch.
 * A second start while one runs is ignored (a double click sends once).
 */
import { createSignal } from 'solid-js';

export interface Submission {
  /** Runs `work` unless one is running; a throw becomes `failure()`. */
  run: (work: () => Promise<unknown>) => Promise<void>;
  busy: () => boolean;
  failure: () => unknown;
  clear: () => void;
}

export function createSubmission(): Submission {
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const run = async (work: () => Promise<unknown>) => {
    if (busy()) return;
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, failure, clear: () => setFailure(null) };
}
