import type { Metadata } from "next";
import Link from "next/link";
import { DialogueUploadForm } from "@/components/dialogue/dialogue-upload-form";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { MAX_DIALOGUE_BYTES } from "@/lib/dialogue/decode-dialogue-bytes";
import { listTemplateChoices } from "@/lib/plan/templates";

export const metadata: Metadata = { title: "Import a dialogue" };

/** Facilitators and admins upload a dialogue summary, then seed its draft plan. */
export default async function ImportDialoguePage() {
  authorizePage(await requirePageUser("/dialogues/import"), "dialogue.import");
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href="/" className="text-un-dark underline">
          Dialogues
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Import a dialogue</h1>
      <p className="text-slate-700">
        Upload the summary of a General Assembly interactive dialogue, as Markdown (UTF-8, up to{" "}
        {MAX_DIALOGUE_BYTES / 1024 / 1024} MB): its sessions and statements, the agreed lists (consensus, gaps, in
        favour, should, concerns) and the annex of delegations. A file that cannot be read is refused with the line to
        fix, and nothing is imported. Uploading a corrected version of a dialogue already imported updates it in place:
        citations of sentences whose words changed are marked for review.
      </p>
      <DialogueUploadForm templates={listTemplateChoices()} />
    </div>
  );
}
