// The summit features' route plugins, in OpenAPI order: summits and logistics, requests and what
// hangs on them, deliberation, encounters, the log and files.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conditionRoutes } from './conditions.js';
import { deliberationRoutes } from './deliberation.js';
import { encounterRoutes } from './encounters.js';
import { fileRoutes } from './files.js';
import { logRoutes } from './log.js';
import { logisticsRoutes } from './logistics.js';
import { publicLineRoutes } from './public-lines.js';
import { requestPageRoutes } from './request-page.js';
import { requestRoutes } from './requests.js';
import { searchRoutes } from './search.js';
import { summitRoutes } from './summits.js';
import { threadRoutes } from './thread.js';

/** Summits, logistics, requests, conditions, thread, deliberation, public lines, encounters, log, files. */
export const SUMMIT_FEATURE_ROUTES: readonly FastifyPluginAsyncZod[] = [
  summitRoutes,
  logisticsRoutes,
  requestRoutes,
  requestPageRoutes,
  conditionRoutes,
  threadRoutes,
  deliberationRoutes,
  publicLineRoutes,
  encounterRoutes,
  searchRoutes,
  logRoutes,
  fileRoutes,
];
