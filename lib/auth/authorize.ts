/**
 * authorize() without Next.js: lib write functions call it, and some of them
 * also run outside Next (the CLI, benchmarks), where next-auth cannot load.
 */
import { AppError } from "@/lib/errors";
import type { Action, Actor, Resource } from "./can";
import { can } from "./can";

/** Throws 403 unless `user` may do `action` on `resource`. */
export function authorize(user: Actor, action: Action, resource?: Resource): void {
  if (!can(user, action, resource)) {
    throw new AppError("forbidden", `Your role (${user.role}) may not do this (${action}).`);
  }
}
