"use client";

/**
 * "Brackets…" in the paragraph toolbar: a small form that brackets the
 * selected words, or replaces them with alternatives ("[a / b]"), each tagged
 * with the delegations that hold it (lib/editor/bracket-commands.ts). With the
 * caret in a bracket, or alternatives selected, it retags or rewrites that
 * one, and resolves it: the brackets go and the words stay, or one
 * alternative is kept. Escape closes it and gives the text its focus back.
 */
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { readSelectedBracket } from "@/lib/editor/bracket-commands";
import type { SelectedBracket } from "@/lib/editor/bracket-commands";
import type { TAlternative, TDelegationTag } from "@/lib/editor/brackets";
import { useDelegationChoices } from "./delegation-choices";

type Mode = "bracket" | "alternatives";
type Draft = { mode: Mode; delegations: TDelegationTag[]; options: TAlternative[] };

const EMPTY_OPTIONS: TAlternative[] = [
  { text: "", delegations: [] },
  { text: "", delegations: [] },
];

function draftOf(selected: SelectedBracket | null): Draft {
  if (selected?.kind === "alternatives") return { mode: "alternatives", delegations: [], options: selected.options };
  if (selected?.kind === "bracket")
    return { mode: "bracket", delegations: selected.delegations, options: EMPTY_OPTIONS };
  return { mode: "bracket", delegations: [], options: EMPTY_OPTIONS };
}

export function BracketControl({ editor }: { editor: Editor }) {
  const id = useId();
  const choices = useDelegationChoices();
  // A string, so the toolbar re-renders only when the bracket at the caret changes.
  const selectedJson = useEditorState({
    editor,
    selector: ({ editor }) => JSON.stringify((editor && readSelectedBracket(editor.state)) ?? null),
  });
  const selected = JSON.parse(selectedJson ?? "null") as SelectedBracket | null;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState("");
  const close = () => {
    setDraft(null);
    editor.commands.focus();
  };
  const status = (
    <span role="status" className="text-xs text-slate-700">
      {message}
    </span>
  );
  if (draft === null)
    return (
      <>
        <Button aria-expanded={false} onClick={() => setDraft(draftOf(selected))}>
          {selected ? "Edit brackets…" : "Brackets…"}
        </Button>
        {status}
      </>
    );
  const done = (isDone: boolean, what: string) => {
    setMessage(isDone ? what : "Select the words to bracket first, or give at least two alternatives.");
    if (isDone) setDraft(null);
  };
  const submit = () => {
    if (draft.mode === "bracket")
      return done(editor.chain().focus().setBracket({ delegations: draft.delegations }).run(), "Bracket saved.");
    done(editor.chain().focus().setAlternatives({ options: draft.options }).run(), "Alternatives saved.");
  };
  const resolve = (keep?: number) => {
    if (!selected) return;
    done(
      editor.chain().focus().resolveBracket({ bracketId: selected.bracketId, keep }).run(),
      keep === undefined ? "Brackets removed; the words stay." : "Alternative kept.",
    );
  };
  const setOption = (index: number, option: Partial<TAlternative>) =>
    setDraft({ ...draft, options: draft.options.map((o, i) => (i === index ? { ...o, ...option } : o)) });
  return (
    <form
      className="flex w-full flex-col gap-2 rounded border border-slate-300 bg-slate-50 p-2 text-xs"
      aria-label="Brackets"
      onKeyDown={(event) => event.key === "Escape" && close()}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {!selected && (
        <fieldset className="flex flex-wrap gap-3">
          <legend className="sr-only">What to do with the selected words</legend>
          {(["bracket", "alternatives"] as const).map((mode) => (
            <label key={mode} className="flex items-center gap-1">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={draft.mode === mode}
                onChange={() => setDraft({ ...draft, mode })}
              />
              {mode === "bracket" ? "Bracket the selected words" : "Replace them with alternatives"}
            </label>
          ))}
        </fieldset>
      )}
      {draft.mode === "bracket" ? (
        <DelegationPicker
          id={`${id}-held`}
          label="Held by"
          choices={choices}
          value={draft.delegations}
          onChange={(delegations) => setDraft({ ...draft, delegations })}
        />
      ) : (
        draft.options.map((option, index) => (
          <div key={index} className="flex flex-wrap items-start gap-2">
            <label htmlFor={`${id}-alt-${index}`}>Alternative {index + 1}</label>
            <input
              id={`${id}-alt-${index}`}
              value={option.text}
              onChange={(event) => setOption(index, { text: event.target.value })}
              required
              maxLength={2000}
              autoFocus={index === 0}
              className="min-w-40 flex-1 rounded border border-slate-400 px-2 py-0.5"
            />
            <DelegationPicker
              id={`${id}-alt-${index}-held`}
              label={`Held by (alternative ${index + 1})`}
              choices={choices}
              value={option.delegations}
              onChange={(delegations) => setOption(index, { delegations })}
            />
          </div>
        ))
      )}
      <div className="flex flex-wrap items-center gap-2">
        {draft.mode === "alternatives" && (
          <Button onClick={() => setDraft({ ...draft, options: [...draft.options, { text: "", delegations: [] }] })}>
            Add an alternative
          </Button>
        )}
        <Button type="submit" variant="primary-compact">
          {selected ? "Save brackets" : draft.mode === "bracket" ? "Bracket" : "Insert alternatives"}
        </Button>
        {selected?.kind === "bracket" && <Button onClick={() => resolve()}>Remove brackets, keep the words</Button>}
        {selected?.kind === "alternatives" &&
          selected.options.map((option, index) => (
            <Button key={index} onClick={() => resolve(index)}>
              Keep “{option.text}”
            </Button>
          ))}
        <Button variant="link" onClick={close}>
          Cancel
        </Button>
        {status}
      </div>
    </form>
  );
}

/** A list of delegations to choose several from (Ctrl or Shift with the arrow keys and Space, or the pointer). */
function DelegationPicker({
  id,
  label,
  choices,
  value,
  onChange,
}: {
  id: string;
  label: string;
  choices: readonly TDelegationTag[];
  value: readonly TDelegationTag[];
  onChange: (delegations: TDelegationTag[]) => void;
}) {
  return (
    <span className="flex items-start gap-1">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        multiple
        size={4}
        value={value.map((tag) => tag.id)}
        onChange={(event) =>
          onChange([...event.target.selectedOptions].map((option) => ({ id: option.value, name: option.text })))
        }
        className="min-w-40 rounded border border-slate-400"
      >
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </span>
  );
}
