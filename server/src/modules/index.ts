import type Router from '@koa/router';
import type { ResolvedDeps } from '../app';
import { accountRoutes } from './accounts/routes';
import { assessmentRoutes } from './assessment/routes';
import { auditRoutes } from './audit/routes';
import { catalogueAdminRoutes } from './catalogue/admin-routes';
import { channelRoutes } from './channels/routes';
import { reportRoutes } from './reports/routes';
import { catalogueRoutes } from './catalogue/routes';
import { disclosureAdminRoutes } from './disclosures/admin-routes';
import { disclosureRoutes } from './disclosures/routes';
import { domainRoutes } from './domains/routes';
import { feedbackAdminRoutes } from './feedback/admin-routes';
import { feedbackRoutes } from './feedback/routes';
import { healthRoutes } from './health/routes';
import { regionRoutes } from './regions/routes';
import { noticeRoutes } from './notices/routes';
import { residentAuthRoutes } from './residents/routes';
import { subscriptionRoutes } from './subscriptions/routes';

/**
 * Every module's router, in mounting order. Each module lives in `modules/<name>/` with its
 * routes, service, model and tests; add its router here.
 */
export function moduleRouters(deps: ResolvedDeps): Router[] {
  return [healthRoutes(), domainRoutes(), regionRoutes(deps), catalogueRoutes(deps), accountRoutes(deps), catalogueAdminRoutes(deps), auditRoutes(), residentAuthRoutes(deps), disclosureRoutes(deps), disclosureAdminRoutes(deps), feedbackRoutes(deps), feedbackAdminRoutes(deps), subscriptionRoutes(deps), noticeRoutes(deps), assessmentRoutes(deps), channelRoutes(deps), reportRoutes(deps)];
}
