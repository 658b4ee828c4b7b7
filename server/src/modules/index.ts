import type Router from '@koa/router';
import type { AppDeps } from '../app';
import { domainRoutes } from './domains/routes';
import { healthRoutes } from './health/routes';

/**
 * Every module's router, in mounting order. Each module lives in `modules/<name>/` with its
 * routes, service, model and tests; add its router here.
 */
export function moduleRouters(_deps: AppDeps): Router[] {
  return [healthRoutes(), domainRoutes()];
}
