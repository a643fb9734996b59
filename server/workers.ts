/**
 * The server's background work, started once the app serves (not when it is built, so building the
 * app for a test or a script sends nothing): the outbox (webhooks, alert mail, case escalation) and
 * invitation mailings a stop interrupted.
 */
import { startOutbox } from './alerts/outbox';
import { resumeMailJobs } from './collect/mail';
import type { Deps } from './http/context';

export function startWorkers(deps: Deps) {
  resumeMailJobs(deps);
  startOutbox(deps);
}
