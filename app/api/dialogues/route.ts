import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { MAX_DIALOGUE_BYTES } from "@/lib/dialogue/decode-dialogue-bytes";
import { importUploadedDialogue } from "@/lib/dialogue/import-uploaded-dialogue";
import { AppError } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/read-body";
import { withErrors } from "@/lib/http/respond";

/** The file's name, for error messages ("summary.md:15: …") and the audit log: no path, no control characters. */
const ZFileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f/\\]+$/, "must be a plain file name")
  .default("upload.md");

/**
 * Uploads a dialogue summary (facilitators, admins): the file's bytes as the
 * body, `Content-Type: text/markdown`, its name in `?name=`. 201 when new,
 * 200 when it updated or matched a dialogue already imported; 400 naming the
 * line of a malformed file, 413 over 2 MB, and nothing written on any error.
 */
export const POST = withErrors(async (request: Request) => {
  const actor = await requireUser();
  // Also checked here, before reading up to 2 MB of body: the lib function's check is the one that counts.
  authorize(actor, "dialogue.import");
  // Not a type an HTML form can send, so a cross-site form cannot post here without a preflight.
  if (!/^text\/markdown\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media_type", "Send the file as text/markdown.");
  }
  const name = ZFileName.safeParse(new URL(request.url).searchParams.get("name") ?? undefined);
  if (!name.success) throw new AppError("invalid", `name: ${name.error.issues[0].message}`, { field: "name" });
  const bytes = await readBodyBytes(request, MAX_DIALOGUE_BYTES);
  const result = await importUploadedDialogue({ actor, bytes, fileName: name.data });
  return Response.json(result, { status: result.status === "created" ? 201 : 200 });
});
