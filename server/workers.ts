/**
 * The server's background work, started once the app serves (not when it is built, so building the
 * app for a test or a script sends nothing): the outbox (webhooks, alert mail, case escalation),
 * invitation mailings and customer imports a stop interrupted.
 */
import { startOutbox } from './alerts/outbox';
import { resumeMailJobs } from './collect/mail';
import { finishCustomerImports } from './customers/import-customers';
import type { Deps } from './http/context';
import { sqliteStore } from './db/sqlite-store';
import { errorFields, log } from './ops/log';

export function startWorkers(deps: Deps) {
  resumeMailJobs(deps);
  startOutbox(deps);
  finishCustomerImports(deps.store ?? sqliteStore(deps.db), deps.clock.now()).catch((e) =>
    log.error('customer import', errorFields(e)),
  );
}
