"use client";

/**
 * Adds a section at a chosen place, as a section or as a sub-heading under
 * the one before it. Where the resolution's text meets its annex (or at the
 * end) it asks which of the two the new section belongs to, since that
 * decides how its paragraphs are numbered; elsewhere its neighbours decide.
 */
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { OutlineSection } from "./structure-editor";

export function AddSectionForm({
  sections,
  isBusy,
  onAdd,
}: {
  sections: OutlineSection[];
  isBusy: boolean;
  onAdd: (body: { title: string; position: number; level: 1 | 2; part?: "main" | "annex" }) => Promise<boolean>;
}) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [position, setPosition] = useState(sections.length);
  const [isSubheading, setSubheading] = useState(false);
  const before = sections[position - 1];
  const after = sections[position];
  const isAtBoundary = (before?.part ?? "main") === "main" && (!after || after.part === "annex");
  const [part, setPart] = useState<"main" | "annex">("main");
  return (
    <form
      className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-3 text-sm"
      aria-label="Add a section"
      onSubmit={async (e) => {
        e.preventDefault();
        const added = await onAdd({
          title: title.trim(),
          position,
          level: isSubheading && position > 0 ? 2 : 1,
          ...(isAtBoundary ? { part } : {}),
        });
        if (added) setTitle("");
      }}
    >
      <span className="flex flex-col">
        <label htmlFor={`${id}-title`}>New section</label>
        <input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={200}
          className="rounded border border-slate-400 px-2 py-1"
        />
      </span>
      <span className="flex flex-col">
        <label htmlFor={`${id}-place`}>Place</label>
        <select
          id={`${id}-place`}
          value={position}
          onChange={(e) => setPosition(Number(e.target.value))}
          className="rounded border border-slate-400 px-2 py-1"
        >
          <option value={0}>At the start</option>
          {sections.map((section, index) => (
            <option key={section.id} value={index + 1}>
              After “{section.title}”
            </option>
          ))}
        </select>
      </span>
      {isAtBoundary && (
        <span className="flex flex-col">
          <label htmlFor={`${id}-part`}>Numbered with</label>
          <select
            id={`${id}-part`}
            value={part}
            onChange={(e) => setPart(e.target.value === "annex" ? "annex" : "main")}
            className="rounded border border-slate-400 px-2 py-1"
          >
            <option value="main">the resolution&apos;s text</option>
            <option value="annex">the annex</option>
          </select>
        </span>
      )}
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={isSubheading}
          disabled={position === 0}
          onChange={(e) => setSubheading(e.target.checked)}
        />
        Sub-heading of the section before
      </label>
      <Button type="submit" variant="primary" size="md" disabled={isBusy}>
        Add section
      </Button>
    </form>
  );
}
