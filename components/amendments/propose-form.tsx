"use client";

/**
 * The form a delegation proposes an amendment with, opened on selected text:
 * change those words (replace, insert after, delete), or act on the whole
 * paragraph they are in — insert a new paragraph after it ("5 bis"), delete
 * it, or move it to after another paragraph of the section. The scope is a
 * radio group, so arrow keys choose it; the server checks everything again.
 */
import type { Editor } from "@tiptap/core";
import { useMemo, useState } from "react";
import { SelectionForm } from "@/components/comments/selection-form";
import { RoundDeadlineNotice } from "@/components/negotiation/round-deadline-notice";
import type { SelectedQuote } from "@/components/comments/selection-quote";
import { useParagraphNumbersStore } from "@/components/editor/paragraph-numbering";
import { readAmendableParagraphs } from "@/lib/amendments/paragraph-change";
import { PARAGRAPH_STYLES } from "@/lib/editor/paragraph-kinds";
import { apiFetch } from "@/lib/http/api-fetch";
import { shortenAtWord } from "@/lib/text/shorten";

/** The word changes, as a choice. */
const WORD_KINDS = { replace: "Replace it with…", insert_after: "Insert after it…", delete: "Delete it" } as const;
type WordKind = keyof typeof WORD_KINDS;

const SCOPES = {
  words: "Change words",
  insert_paragraph: "Insert a new paragraph after it",
  delete_paragraph: "Delete this paragraph",
  move_paragraph: "Move this paragraph",
} as const;
type Scope = keyof typeof SCOPES;

type Props = {
  planId: string;
  sectionId: string;
  sectionKey: string;
  selection: SelectedQuote;
  /** The live editor, whose paragraphs a paragraph amendment chooses from; null before it is there. */
  editor: Editor | null;
  onProposed: () => void;
  onCancel: () => void;
};

export function ProposeForm({ planId, sectionId, sectionKey, selection, editor, onProposed, onCancel }: Props) {
  const paragraphs = useSectionParagraphs(editor, sectionId);
  const isParagraph = paragraphs.some((p) => p.blockId === selection.blockId);
  const [scope, setScope] = useState<Scope>("words");
  const [wordKind, setWordKind] = useState<WordKind>("replace");
  const [newText, setNewText] = useState("");
  const [style, setStyle] = useState("");
  const [targetBlockId, setTargetBlockId] = useState("");
  const [rationale, setRationale] = useState("");
  const [status, setStatus] = useState("");
  const here = paragraphs.find((p) => p.blockId === selection.blockId);
  const targets = paragraphs.filter((p) => p.blockId !== selection.blockId);

  async function submit() {
    setStatus("Proposing…");
    const target = { sectionKey, blockId: selection.blockId, rationale };
    const quote = { exact: selection.exact, prefix: selection.prefix, suffix: selection.suffix };
    const [paragraphKind, level] = style.split(":");
    const body =
      scope === "words"
        ? { ...target, quote, kind: wordKind, ...(wordKind === "delete" ? {} : { newText }) }
        : scope === "insert_paragraph"
          ? { ...target, kind: scope, newText, ...(style ? { paragraphKind, paragraphLevel: Number(level) } : {}) }
          : scope === "move_paragraph"
            ? { ...target, kind: scope, targetBlockId }
            : { ...target, kind: scope };
    const { error } = await apiFetch(`/api/plans/${planId}/amendments`, { method: "POST", body });
    if (error) return setStatus(error);
    onProposed();
  }
  const id = (name: string) => `amend-${name}-${sectionKey}`;
  const needsText = scope === "insert_paragraph" || (scope === "words" && wordKind !== "delete");
  return (
    <SelectionForm
      label="Propose an amendment to the selected text"
      quoteLead="Amend"
      selection={selection}
      tone="amendment"
      submitLabel="Propose amendment"
      status={status}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <RoundDeadlineNotice planId={planId} kind="amendment" />
      {isParagraph && (
        <fieldset className="space-y-0.5 text-xs">
          <legend className="font-medium">What to propose{here?.reference ? ` on ${here.reference}` : ""}</legend>
          {(Object.keys(SCOPES) as Scope[]).map((choice, index) => (
            <label key={choice} className="flex items-center gap-1">
              <input
                type="radio"
                name={id("scope")}
                value={choice}
                checked={scope === choice}
                autoFocus={index === 0}
                onChange={() => setScope(choice)}
              />
              {SCOPES[choice]}
            </label>
          ))}
        </fieldset>
      )}
      {scope === "words" && (
        <>
          <label className="block text-xs" htmlFor={id("kind")}>
            Change
          </label>
          <select
            id={id("kind")}
            autoFocus={!isParagraph}
            value={wordKind}
            onChange={(e) => setWordKind(e.target.value as WordKind)}
            className="rounded border border-slate-300 px-1 py-0.5 text-xs"
          >
            {(Object.keys(WORD_KINDS) as WordKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {WORD_KINDS[kind]}
              </option>
            ))}
          </select>
        </>
      )}
      {scope === "insert_paragraph" && (
        <>
          <p className="text-xs text-slate-700" data-testid="new-paragraph-label">
            {here?.reference ? `New paragraph ${here.reference} bis` : "New paragraph after this one"}
          </p>
          <label className="block text-xs" htmlFor={id("style")}>
            Kind of paragraph
          </label>
          <select
            id={id("style")}
            value={style}
            onChange={(e) => setStyle(e.target.value)}
            className="rounded border border-slate-300 px-1 py-0.5 text-xs"
          >
            <option value="">Same as this paragraph</option>
            {PARAGRAPH_STYLES.map((s) => (
              <option key={`${s.kind}:${s.level}`} value={`${s.kind}:${s.level}`}>
                {s.label}
              </option>
            ))}
          </select>
        </>
      )}
      {scope === "move_paragraph" && (
        <>
          <label className="block text-xs" htmlFor={id("target")}>
            Move it to after
          </label>
          <select
            id={id("target")}
            value={targetBlockId}
            onChange={(e) => setTargetBlockId(e.target.value)}
            required
            className="max-w-full rounded border border-slate-300 px-1 py-0.5 text-xs"
          >
            <option value="">Choose a paragraph…</option>
            {targets.map((p) => (
              <option key={p.blockId} value={p.blockId}>
                {p.reference ? `${p.reference}: ` : ""}
                {shortenAtWord(p.text, 60)}
              </option>
            ))}
          </select>
        </>
      )}
      {needsText && (
        <>
          <label className="block text-xs" htmlFor={id("text")}>
            {scope === "insert_paragraph"
              ? "Text of the new paragraph"
              : wordKind === "replace"
                ? "New text"
                : "Text to insert"}
          </label>
          <textarea
            id={id("text")}
            value={newText}
            onChange={(e) => setNewText(e.target.value)}
            required
            maxLength={5000}
            rows={2}
            className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </>
      )}
      <label className="block text-xs" htmlFor={id("rationale")}>
        Rationale
      </label>
      <textarea
        id={id("rationale")}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        required
        maxLength={5000}
        rows={2}
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
      />
    </SelectionForm>
  );
}

/** The section's top-level paragraphs as the editor has them now, with their live numbers ("OP 5"). */
function useSectionParagraphs(editor: Editor | null, sectionId: string) {
  const store = useParagraphNumbersStore();
  return useMemo(() => {
    if (!editor || editor.isDestroyed) return [];
    const numbers = store?.numbersOf(sectionId) ?? new Map();
    return [...readAmendableParagraphs(editor.getJSON()).values()].map((p) => ({
      blockId: p.blockId,
      text: p.text,
      reference: (numbers.get(p.blockId)?.reference as string | undefined) ?? null,
    }));
    // Read once per form: the form is opened on one selection.
  }, [editor, store, sectionId]);
}
