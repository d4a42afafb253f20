/**
 * A comment thread as a page shows it, in JSON: what GET /threads answers and
 * what the collaboration server pushes. A schema, not only a type, because a
 * pushed list arrives over a socket and is checked before the page uses it.
 */
import { z } from "@/lib/validation/zod";
import { ZAnchorRange } from "./anchor-range";
import { THREAD_STANCES, THREAD_STATUSES, THREAD_VISIBILITIES } from "./thread-values";

const ZPerson = z.object({ id: z.string(), name: z.string() });
const ZDelegationRef = z.object({ id: z.string(), name: z.string() });

export const ZThreadComment = z.object({
  id: z.string(),
  author: ZPerson.nullable(),
  delegation: ZDelegationRef.nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  isDeleted: z.boolean(),
  body: z.string().nullable(),
  /** Its references to paragraphs, with the numbers they have now (lib/plan/paragraph-references.ts). */
  references: z.array(
    z.object({ start: z.number(), end: z.number(), blockId: z.string(), text: z.string(), isGone: z.boolean() }),
  ),
  /** Until when its author may still edit it (lib/comments/schemas.ts EDIT_WINDOW_MS); null once deleted. */
  editableUntil: z.string().nullable(),
});

export const ZThreadView = z.object({
  id: z.string(),
  number: z.number().int(),
  section: z.object({ key: z.string(), title: z.string() }),
  blockId: z.string(),
  /** The passage's paragraph as negotiators name it ("OP 4"), numbered now; null for an unnumbered passage. */
  paragraph: z.string().nullable(),
  /** "removed": its section was removed from the plan; the thread is kept with it until a version restores it. */
  anchor: z.enum(["pending", "anchored", "detached", "removed"]),
  /** A facilitators-only thread's place in the text (it has no mark there); null for every other thread. */
  range: ZAnchorRange.nullable(),
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  stance: z.enum(THREAD_STANCES),
  visibility: z.enum(THREAD_VISIBILITIES),
  status: z.enum(THREAD_STATUSES),
  delegation: ZDelegationRef.nullable(),
  author: ZPerson.nullable(),
  createdAt: z.string(),
  /** Its entry on the concern register, once a facilitator marked it. */
  concern: z.object({ number: z.number().int(), status: z.enum(["raised", "addressed", "noted"]) }).nullable(),
  comments: z.array(ZThreadComment),
  /**
   * What the viewer may do to it, from lib/auth/policies.ts: the page offers
   * exactly these. A pushed list is computed per role and delegation, never
   * per user, so nothing here may depend on the viewer's id.
   */
  abilities: z.object({
    reply: z.boolean(),
    setStatus: z.boolean(),
    markConcern: z.boolean(),
    editOwnComments: z.boolean(),
    deleteOwnComments: z.boolean(),
    deleteAnyComment: z.boolean(),
  }),
});

export type TThreadView = z.infer<typeof ZThreadView>;
