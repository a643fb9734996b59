/**
 * The server's background work, started once the app serves (not when it is built, so building the
 * app for a test or a script sends nothing): the outbox (webhooks, alert mail, case escalation),
 * invitation mailings and customer imports a stop interrupted. Every node runs them; what each
 * sends or escalates it claims in the database first, so nothing happens twice.
 */
import { startOutbox } from './alerts/outbox';
import { resumeMailJobs } from './collect/mail';
import { finishCustomerImports } from './customers/import-customers';
import type { Deps } from './http/context';
import type { Store } from './db/store';
import { errorFields, log } from './ops/log';

export function startWorkers(deps: Deps & { store: Store }) {
  resumeMailJobs(deps).catch((e) => log.error('resuming mailings', errorFields(e)));
  startOutbox(deps);
  finishCustomerImports(deps.store, deps.clock.now()).catch((e) => log.error('customer import', errorFields(e)));
}
