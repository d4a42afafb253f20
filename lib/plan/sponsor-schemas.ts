import { z } from "@/lib/validation/zod";

/** The whole list of sponsoring delegations, in order: adding and removing are both a new list. */
export const ZSetSponsors = z.strictObject({
  delegationIds: z
    .array(z.string().min(1).max(300))
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, "each delegation can sponsor once"),
});
export type TSetSponsors = z.infer<typeof ZSetSponsors>;
