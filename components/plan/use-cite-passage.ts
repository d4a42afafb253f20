"use client";

import type { Editor } from "@tiptap/core";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActivePassage } from "@/components/editor/section-editor";
import { apiFetch } from "@/lib/http/api-fetch";

/**
 * "Cite": links a source to the active passage (POST …/citations) and puts
 * the citation at the caret of the live editor, saying how it went in
 * `status`. `cite` answers true once the citation is in the text.
 */
export function useCitePassage({
  planId,
  sectionKey,
  passage,
  editor,
}: {
  planId: string;
  sectionKey: string;
  passage: ActivePassage | null;
  editor: Editor | null;
}) {
  const router = useRouter();
  const [status, setStatus] = useState("");

  async function cite(targetKey: string, label: string): Promise<boolean> {
    if (!editor || !passage) return false;
    setStatus(`Citing ${label}…`);
    const { data, error } = await apiFetch<{ linkId: string }>(`/api/plans/${planId}/citations`, {
      method: "POST",
      body: { sectionKey, blockId: passage.blockId, targetKey, quote: { exact: passage.text } },
    });
    if (error || !data) {
      setStatus(error ?? "Could not cite. Try again.");
      return false;
    }
    editor
      .chain()
      .focus()
      .insertContent({ type: "citation", attrs: { linkId: data.linkId } })
      .run();
    setStatus(`Cited ${label}`);
    // The new link shows in the sources list and the coverage counts, which the server renders.
    router.refresh();
    return true;
  }

  return { status, cite };
}
