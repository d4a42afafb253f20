"use client";

/** The plan's title, and for facilitators a way to edit it in place. */
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function TitleForm({
  title,
  isBusy,
  onSave,
}: {
  title: string;
  isBusy: boolean;
  onSave: (title: string) => Promise<boolean>;
}) {
  const [isEditing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  if (!isEditing)
    return (
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-700">Title:</span>
        <span className="font-medium">{title}</span>
        <Button size="xs" variant="secondary" onClick={() => (setDraft(title), setEditing(true))}>
          Edit title
        </Button>
      </p>
    );
  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onSave(draft.trim())) setEditing(false);
      }}
    >
      <label htmlFor="plan-title">Title of the plan</label>
      <input
        id="plan-title"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && setEditing(false)}
        required
        maxLength={200}
        autoFocus
        className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1"
      />
      <Button variant="primary-compact" size="sm" type="submit" disabled={isBusy}>
        Save title
      </Button>
      <Button variant="link" className="text-xs" onClick={() => setEditing(false)}>
        Cancel
      </Button>
    </form>
  );
}
