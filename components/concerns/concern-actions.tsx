"use client";

/**
 * A facilitator's decisions on one concern: address it with a passage picked
 * from the plan, note it with a reason, or reopen it. Native selects and
 * forms, so it all works from the keyboard. The server checks every decision.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button";
import type { CONCERN_STATUSES } from "@/lib/concerns/schemas";
import { useConcernDecision } from "./use-concern-decision";

export type PassageChoice = { key: string; title: string; passages: { blockId: string; text: string }[] };

type Props = {
  planId: string;
  concern: { id: string; number: number; status: (typeof CONCERN_STATUSES)[number] };
  sections: PassageChoice[];
};

const FIELD = "max-w-64 rounded border border-slate-400 px-1 py-0.5";
const clip = (text: string, length = 90) => (text.length > length ? `${text.slice(0, length)}…` : text);

export function ConcernActions({ planId, concern, sections }: Props) {
  const [mode, setMode] = useState<"none" | "address" | "note">("none");
  const cancel = () => setMode("none");
  const { status, isSaving, send } = useConcernDecision({ planId, concernId: concern.id, onDone: cancel });
  const statusLine = (
    <span role="status" className="text-slate-700">
      {status}
    </span>
  );
  const form = { number: concern.number, isSaving, onCancel: cancel, status: statusLine };

  if (mode === "address")
    return <AddressForm {...form} sections={sections} onSave={(body) => send("address", body, "Addressed")} />;
  if (mode === "note") return <NoteForm {...form} onSave={(body) => send("note", body, "Noted")} />;
  return (
    <div className="flex flex-wrap items-center gap-1 text-xs">
      <Button variant="success" size="compact" onClick={() => setMode("address")}>
        {concern.status === "addressed" ? "Change passage" : "Address"}
        <span className="sr-only"> concern {concern.number}</span>
      </Button>
      <Button variant="secondary" size="compact" onClick={() => setMode("note")}>
        Note<span className="sr-only"> concern {concern.number}</span>
      </Button>
      {concern.status !== "raised" && (
        <Button variant="danger" size="compact" disabled={isSaving} onClick={() => send("reopen", {}, "Reopened")}>
          Reopen<span className="sr-only"> concern {concern.number}</span>
        </Button>
      )}
      {statusLine}
    </div>
  );
}

type FormProps = { number: number; isSaving: boolean; onCancel: () => void; status: React.ReactNode };

function AddressForm({
  sections,
  onSave,
  ...form
}: FormProps & { sections: PassageChoice[]; onSave: (body: { sectionKey: string; blockId: string }) => void }) {
  const [sectionKey, setSectionKey] = useState(sections.find((s) => s.passages.length)?.key ?? "");
  const [blockId, setBlockId] = useState("");
  const passages = sections.find((s) => s.key === sectionKey)?.passages ?? [];
  const id = `concern-${form.number}`;
  return (
    <DecisionForm
      {...form}
      label={`Address concern ${form.number}`}
      save={{ label: "Save answer", variant: "success-solid", isReady: blockId !== "" }}
      onSubmit={() => onSave({ sectionKey, blockId })}
    >
      <label htmlFor={`${id}-section`}>Section</label>
      {/* Focus moves into the form that replaced the button, so keyboard users land where they act. */}
      <select
        id={`${id}-section`}
        autoFocus
        value={sectionKey}
        onChange={(e) => {
          setSectionKey(e.target.value);
          setBlockId("");
        }}
        className={FIELD}
      >
        {sections.map((s) => (
          <option key={s.key} value={s.key} disabled={!s.passages.length}>
            {s.title}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-passage`}>Passage that answers it</label>
      <select
        id={`${id}-passage`}
        required
        value={blockId}
        onChange={(e) => setBlockId(e.target.value)}
        className={FIELD}
      >
        <option value="">Choose a passage…</option>
        {passages.map((p) => (
          <option key={p.blockId} value={p.blockId}>
            {clip(p.text)}
          </option>
        ))}
      </select>
    </DecisionForm>
  );
}

function NoteForm({ onSave, ...form }: FormProps & { onSave: (body: { reason: string }) => void }) {
  const [reason, setReason] = useState("");
  const id = `concern-${form.number}`;
  return (
    <DecisionForm
      {...form}
      label={`Note concern ${form.number}`}
      save={{ label: "Save note", variant: "neutral", isReady: true }}
      onSubmit={() => onSave({ reason })}
    >
      <label htmlFor={`${id}-reason`}>Why is it not answered by a passage?</label>
      <textarea
        id={`${id}-reason`}
        autoFocus
        required
        minLength={3}
        maxLength={2000}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className={FIELD}
      />
    </DecisionForm>
  );
}

/** A decision's form in place of the buttons: its fields, Save and Cancel (Escape too), and how it went. */
function DecisionForm({
  label,
  save,
  onSubmit,
  isSaving,
  onCancel,
  status,
  children,
}: Omit<FormProps, "number"> & {
  label: string;
  save: { label: string; variant: ButtonVariant; isReady: boolean };
  onSubmit: () => void;
  children: React.ReactNode;
}) {
  return (
    <form
      aria-label={label}
      className="flex flex-col gap-1 text-xs"
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <span className="flex gap-2">
        <Button variant={save.variant} size="compact" type="submit" disabled={isSaving || !save.isReady}>
          {save.label}
        </Button>
        <Button variant="link" onClick={onCancel}>
          Cancel
        </Button>
      </span>
      {status}
    </form>
  );
}
