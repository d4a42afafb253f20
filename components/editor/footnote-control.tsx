"use client";

/**
 * "Footnote…" in the paragraph toolbar: a small form for a footnote's words
 * (a treaty, a resolution, a report). With a footnote selected in the text it
 * edits that one; otherwise it adds one at the caret. Escape closes it and
 * gives the text its focus back.
 */
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { readSelectedFootnote } from "@/lib/editor/footnote-commands";

export function FootnoteControl({ editor }: { editor: Editor }) {
  const id = useId();
  const selected = useEditorState({ editor, selector: ({ editor }) => editor && readSelectedFootnote(editor.state) });
  const [draft, setDraft] = useState<string | null>(null);
  const close = () => {
    setDraft(null);
    editor.commands.focus();
  };
  if (draft === null)
    return (
      <Button aria-expanded={false} onClick={() => setDraft(selected ?? "")}>
        {selected === null || selected === undefined ? "Footnote…" : "Edit footnote…"}
      </Button>
    );
  return (
    <form
      className="flex flex-wrap items-center gap-1"
      aria-label="Footnote"
      onSubmit={(event) => {
        event.preventDefault();
        if (editor.chain().focus().setFootnote(draft).run()) setDraft(null);
      }}
    >
      <label htmlFor={`${id}-text`} className="text-xs">
        Footnote text
      </label>
      <input
        id={`${id}-text`}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && close()}
        required
        maxLength={1000}
        autoFocus
        placeholder="e.g. General Assembly resolution 55/25, annex II."
        className="min-w-48 flex-1 rounded border border-slate-400 px-2 py-0.5 text-xs"
      />
      <Button type="submit" variant="primary-compact">
        {selected ? "Save footnote" : "Insert footnote"}
      </Button>
      <Button variant="link" className="text-xs" onClick={close}>
        Cancel
      </Button>
    </form>
  );
}
