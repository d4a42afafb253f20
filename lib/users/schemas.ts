/** Input schemas for accounts, shared by route handlers and tests. */
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

export const ZRole = z.enum(["admin", "facilitator", "delegate", "observer"]);

const ZEmail = z.string().trim().toLowerCase().email().max(320);

/** A delegate needs a delegation; other roles have none. */
function requireDelegationForDelegates<T extends { role?: string; delegationId?: string | null }>(
  value: T,
  ctx: z.RefinementCtx,
): void {
  if (value.role === "delegate" && !value.delegationId) {
    ctx.addIssue({ code: "custom", path: ["delegationId"], message: "a delegate must belong to a delegation" });
  }
}

export const ZCreateInvite = z
  .object({ email: ZEmail, role: ZRole, delegationId: z.string().min(1).nullish() })
  .superRefine(requireDelegationForDelegates);
export type TCreateInvite = z.infer<typeof ZCreateInvite>;

// Control and bidirectional-override characters could disguise a name in admin lists.
const ZPersonName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(
    (name) => !/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name),
    "must not contain control characters",
  );

const ZOneTimeToken = z.string().min(20).max(200);
const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024);

export const ZAcceptInvite = z.object({ token: ZOneTimeToken, name: ZPersonName, password: ZNewPassword });
export type TAcceptInvite = z.infer<typeof ZAcceptInvite>;

export const ZResetPassword = z.object({ token: ZOneTimeToken, password: ZNewPassword });
export type TResetPassword = z.infer<typeof ZResetPassword>;

export const ZUpdateUser = z
  .object({ role: ZRole.optional(), delegationId: z.string().min(1).nullish(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.delegationId !== undefined || v.disabled !== undefined, {
    message: "nothing to change: give role, delegationId or disabled",
  });
export type TUpdateUser = z.infer<typeof ZUpdateUser>;
