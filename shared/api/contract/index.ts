/**
 * The API contract: every route of the server with who may call it, what it takes and what it
 * answers. The server publishes it as OpenAPI (server/openapi) and a test holds it equal to the
 * app's routes; the app's calls (client/app/lib/api.ts) are typed by it.
 */
import { accountRoutes } from './accounts';
import { alertRoutes } from './alerts';
import { collectRoutes } from './collect';
import { codingRoutes } from './coding';
import { customerRoutes } from './customers';
import { operationRoutes } from './operations';
import { planRoutes } from './plan';
import { reportRoutes } from './report';
import { surveyRoutes } from './surveys';

export const API_ROUTES = {
  ...operationRoutes,
  ...accountRoutes,
  ...surveyRoutes,
  ...collectRoutes,
  ...planRoutes,
  ...reportRoutes,
  ...alertRoutes,
  ...customerRoutes,
  ...codingRoutes,
};

export type ApiRoutes = typeof API_ROUTES;
export type RouteKey = keyof ApiRoutes;
