/** Input schemas for the notification endpoints, shared by route handlers and tests. */
import { z } from "zod";

/** Marks some of one's notifications read (`ids`), or all of them (`all: true`); exactly one of the two. */
export const ZMarkRead = z
  .object({
    ids: z.array(z.string().min(1).max(100)).min(1, "must name at least one notification").max(100).optional(),
    all: z.literal(true).optional(),
  })
  .superRefine((body, context) => {
    // Named after a field, so the 400 says what to send.
    if (body.ids === undefined && body.all === undefined)
      context.addIssue({ code: "custom", path: ["ids"], message: "give the ids to mark read, or all: true" });
    if (body.ids !== undefined && body.all !== undefined)
      context.addIssue({ code: "custom", path: ["all"], message: "give either ids or all, not both" });
  });
export type TMarkRead = z.infer<typeof ZMarkRead>;

/** One notification as the bell shows it. */
export type TNotificationView = {
  id: string;
  kind:
    | "reply"
    | "mention"
    | "amendment_decision"
    | "concern_addressed"
    | "silence_started"
    | "silence_broken"
    | "adopted_under_silence"
    | "revision_issued";
  title: string;
  href: string;
  createdAt: string;
  isRead: boolean;
};
