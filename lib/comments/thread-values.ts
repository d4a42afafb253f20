/**
 * The values a thread's fields take, written once: the request schemas, the
 * page's schema, the backup format, the filters and the lists all read them
 * here. (PostgreSQL's enums hold the same values: a new one needs a migration.)
 */
export const THREAD_STANCES = ["support", "oppose", "question", "neutral"] as const;
export const THREAD_STATUSES = ["open", "resolved"] as const;
export const THREAD_VISIBILITIES = ["everyone", "facilitators"] as const;

export type TThreadStance = (typeof THREAD_STANCES)[number];
export type TThreadStatus = (typeof THREAD_STATUSES)[number];
