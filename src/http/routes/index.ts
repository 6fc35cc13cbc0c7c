// Every feature's routes, one plugin per file, mounted under /api. Adding a feature is one line here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from './auth.js';
import { calendarTokenRoutes } from './calendar.js';
import { eventRoutes } from './events.js';
import { healthRoutes } from './health.js';
import { confirmationRoutes } from './confirmations.js';
import { meetingRoutes } from './meetings.js';
import { notificationRoutes } from './notifications.js';
import { planRoutes } from './plans.js';
import { SUMMIT_FEATURE_ROUTES } from './summit-features.js';

/** The feature route plugins, in the order they appear in the OpenAPI document. */
export const FEATURE_ROUTES: readonly FastifyPluginAsyncZod[] = [
  healthRoutes,
  authRoutes,
  ...SUMMIT_FEATURE_ROUTES,
  meetingRoutes,
  confirmationRoutes,
  planRoutes,
  eventRoutes,
  calendarTokenRoutes,
  notificationRoutes,
];
