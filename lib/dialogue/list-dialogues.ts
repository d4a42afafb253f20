/** The dialogues on the home page, newest meeting first, with their sizes. */
import { getPrisma } from "@/lib/db";

export async function listDialogues() {
  return getPrisma().dialogue.findMany({
    orderBy: { date: "desc" },
    select: {
      id: true,
      title: true,
      topic: true,
      venue: true,
      date: true,
      _count: {
        select: { statements: true, summaryItems: true, delegations: { where: { inAnnex: true } }, segments: true },
      },
    },
  });
}
