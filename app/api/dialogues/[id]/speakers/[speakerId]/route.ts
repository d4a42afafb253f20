import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { setSpeakerFamilyName, ZSpeakerFamilyName } from "@/lib/dialogue/set-speaker-family-name";
import { readJson, withErrors } from "@/lib/http/respond";

type Context = { params: Promise<{ id: string; speakerId: string }> };

/** Corrects a speaker's family name (admins), re-addressing their statements: 200 with the new addresses. */
export const PATCH = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "dialogue.readdress");
  const input = await readJson(request, ZSpeakerFamilyName);
  const { id, speakerId } = await context.params;
  return Response.json(await setSpeakerFamilyName({ actor, dialogueId: id, speakerId, input }));
});
