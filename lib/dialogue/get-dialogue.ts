/** Loads one dialogue with everything the reader shows, in document order. */
import { cache } from "react";
import { getPrisma } from "@/lib/db";
import { resolveAlias } from "./address-alias";

/** Where a unit is cited: the plan passages whose confirmed links point at it. */
const CITED_IN = {
  id: true,
  planId: true,
  blockId: true,
  section: { select: { key: true, title: true } },
  plan: { select: { title: true } },
} as const;

export function getDialogue({ id }: { id: string }) {
  return loadDialogueOncePerRequest(id);
}

/** React's cache, per request: the reader's page and its metadata both load it. Keyed by the id string, as cache compares arguments by identity. */
const loadDialogueOncePerRequest = cache(loadDialogue);

async function loadDialogue(id: string) {
  return getPrisma().dialogue.findUnique({
    where: { id },
    include: {
      segments: {
        orderBy: { position: "asc" },
        include: {
          statements: {
            orderBy: { position: "asc" },
            include: {
              speaker: { include: { delegation: true } },
              sentences: { orderBy: { position: "asc" } },
              links: { where: { status: "confirmed" }, select: CITED_IN },
            },
          },
        },
      },
      summaryItems: {
        orderBy: [{ list: "asc" }, { position: "asc" }],
        include: { links: { where: { status: "confirmed" }, select: CITED_IN } },
      },
      summaryNotes: { orderBy: { position: "asc" } },
      addressAliases: { select: { oldKey: true, newKey: true } },
      delegations: {
        where: { inAnnex: true },
        orderBy: { position: "asc" },
        include: { speakers: { select: { key: true, name: true } } },
      },
      speakers: {
        orderBy: { key: "asc" },
        include: { statements: { select: { key: true }, orderBy: { position: "asc" } } },
      },
    },
  });
}

export type DialogueForReader = NonNullable<Awaited<ReturnType<typeof getDialogue>>>;

/** The current address of `address` in the dialogue (itself, or what an old address became), or null if it has none. */
export async function resolveAddress(dialogueId: string, address: string): Promise<string | null> {
  const prisma = getPrisma();
  const aliases = await prisma.addressAlias.findMany({ where: { dialogueId }, select: { oldKey: true, newKey: true } });
  const current = resolveAlias(address, aliases) ?? address;
  const statementKey = current.replace(/\.s\d+$/, "");
  const exists = await prisma.statement.count({ where: { dialogueId, key: statementKey } });
  return exists > 0 ? current : null;
}
