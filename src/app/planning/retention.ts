// How long finished planning jobs are kept. A job's plan can be large (thousands of meetings at
// UNGA scale), and once accepted it lives on the calendar, or once discarded nowhere: the job row
// is only its history. Queued and running jobs are never deleted, however old.

/** A finished job (done, failed, accepted or discarded) is kept this long after it finished. */
export const PLAN_JOB_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Jobs past their retention deleted when a new job is queued, at most this many at once, so a
 * backlog never makes starting a job slow; the next starts take the rest.
 */
export const PLAN_JOB_SWEEP_LIMIT = 20;
