"use client";

/**
 * Where facilitators shape the plan: its title, and its sections — add one
 * at a place (or as a sub-heading), rename, move (drag and drop, the arrow
 * buttons, or Alt+↑/↓ on a section's handle), make a sub-heading or a
 * section again, remove. Each change goes to the server against the
 * structure this page last saw (useStructureChange), and every open page
 * shows it as soon as it is made.
 */
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { AddSectionForm } from "./add-section-form";
import { TitleForm } from "./title-form";
import { useStructureChange } from "./use-structure-change";
import type { StructureRequest } from "./use-structure-change";

export type OutlineSection = { id: string; key: string; title: string; part: "main" | "annex"; level: number };

type Props = { planId: string; revision: number; title: string; sections: OutlineSection[] };

export function StructureEditor({ planId, revision, title, sections }: Props) {
  const { send, status, isBusy } = useStructureChange(revision);
  const [dragged, setDragged] = useState<string | null>(null);
  // The handle a keyboard move started from: React moves rows in the DOM, which drops their focus, so it is given back.
  const refocus = useRef<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!refocus.current) return;
    list.current?.querySelector<HTMLElement>(`[data-move-handle="${refocus.current}"]`)?.focus();
  }, [sections]);
  const sectionUrl = (id: string) => `/api/plans/${planId}/sections/${id}`;
  const change = (section: OutlineSection, body: StructureRequest["body"], doing: string, done: string) =>
    send({ url: sectionUrl(section.id), method: "PATCH", body }, { doing, done });
  const move = (section: OutlineSection, position: number) => {
    if (position < 0 || position >= sections.length) return;
    void change(
      section,
      { position },
      `Moving “${section.title}”…`,
      `Moved “${section.title}” to place ${position + 1}.`,
    );
  };

  return (
    <div className="space-y-4 rounded-lg border border-slate-300 bg-slate-50 p-4" data-testid="structure-editor">
      <TitleForm
        title={title}
        isBusy={isBusy}
        onSave={(next) =>
          send(
            { url: `/api/plans/${planId}`, method: "PATCH", body: { title: next } },
            { doing: "Saving the title…", done: "Title saved." },
          )
        }
      />
      <ol ref={list} aria-label="Sections of the plan, in order" className="space-y-1">
        {sections.map((section, index) => (
          <SectionRow
            key={section.id}
            section={section}
            index={index}
            count={sections.length}
            isBusy={isBusy}
            isDragged={dragged === section.id}
            onDragStart={() => setDragged(section.id)}
            onDragEnd={() => setDragged(null)}
            onDrop={() => {
              const moving = sections.find((s) => s.id === dragged);
              setDragged(null);
              if (moving && moving.id !== section.id) move(moving, index);
            }}
            onMove={(to, isFromKeyboard) => {
              refocus.current = isFromKeyboard ? section.id : null;
              move(section, to);
            }}
            onRename={(next) => change(section, { title: next }, "Renaming…", `Renamed to “${next}”.`)}
            onLevel={(level) =>
              change(
                section,
                { level },
                "Changing its level…",
                level === 2 ? `“${section.title}” is now a sub-heading.` : `“${section.title}” is now a section.`,
              )
            }
            onRemove={() =>
              send(
                { url: sectionUrl(section.id), method: "DELETE", body: {} },
                { doing: "Removing…", done: `Removed “${section.title}”. A version from before brings it back.` },
              )
            }
          />
        ))}
      </ol>
      <AddSectionForm
        sections={sections}
        isBusy={isBusy}
        onAdd={(body) =>
          send(
            { url: `/api/plans/${planId}/sections`, method: "POST", body },
            { doing: "Adding the section…", done: `Added “${String(body.title)}”.` },
          )
        }
      />
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-800" data-testid="structure-status">
        {status}
      </p>
    </div>
  );
}

type RowProps = {
  section: OutlineSection;
  index: number;
  count: number;
  isBusy: boolean;
  isDragged: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
  onDrop: () => void;
  onMove: (to: number, isFromKeyboard?: boolean) => void;
  onRename: (title: string) => Promise<boolean>;
  onLevel: (level: 1 | 2) => void;
  onRemove: () => Promise<boolean>;
};

function SectionRow({ section, index, count, isBusy, isDragged, ...on }: RowProps) {
  const [mode, setMode] = useState<"view" | "rename" | "remove">("view");
  const [draft, setDraft] = useState(section.title);
  const name = `“${section.title}”`;
  return (
    <li
      draggable={mode === "view"}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", section.id);
        on.onDragStart();
      }}
      onDragEnd={on.onDragEnd}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        on.onDrop();
      }}
      data-testid="structure-row"
      data-section-key={section.key}
      className={`flex flex-wrap items-center gap-2 rounded border bg-white px-2 py-1 text-sm ${isDragged ? "opacity-50" : ""} ${section.level === 2 ? "ml-6" : ""}`}
    >
      <button
        type="button"
        className="cursor-grab rounded px-1 font-mono text-slate-600 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-un"
        data-move-handle={section.id}
        aria-label={`Move ${name}: drag it, or press Alt and an arrow key`}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onKeyDown={(e) => {
          if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
          e.preventDefault();
          on.onMove(index + (e.key === "ArrowUp" ? -1 : 1), true);
        }}
      >
        ⠿
      </button>
      <span className="text-xs text-slate-600">{index + 1}.</span>
      {mode === "rename" ? (
        <form
          className="flex flex-1 flex-wrap items-center gap-1"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await on.onRename(draft.trim())) setMode("view");
          }}
        >
          <label className="sr-only" htmlFor={`rename-${section.id}`}>
            New title for {name}
          </label>
          <input
            id={`rename-${section.id}`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setMode("view")}
            required
            maxLength={200}
            autoFocus
            className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-0.5"
          />
          <Button variant="primary-compact" size="xs" type="submit" disabled={isBusy}>
            Save
          </Button>
          <Button variant="link" className="text-xs" onClick={() => setMode("view")}>
            Cancel
          </Button>
        </form>
      ) : (
        <span className="flex-1 font-medium">
          {section.title}
          {section.part === "annex" && <span className="ml-2 text-xs font-normal text-slate-600">(annex)</span>}
        </span>
      )}
      {mode === "view" && (
        <span className="flex flex-wrap gap-1">
          <Button size="xs" variant="secondary" disabled={isBusy || index === 0} onClick={() => on.onMove(index - 1)}>
            ↑<span className="sr-only"> Move {name} up</span>
          </Button>
          <Button
            size="xs"
            variant="secondary"
            disabled={isBusy || index === count - 1}
            onClick={() => on.onMove(index + 1)}
          >
            ↓<span className="sr-only"> Move {name} down</span>
          </Button>
          <Button
            size="xs"
            variant="secondary"
            disabled={isBusy || index === 0}
            onClick={() => on.onLevel(section.level === 2 ? 1 : 2)}
          >
            {section.level === 2 ? "Make a section" : "Make a sub-heading"}
            <span className="sr-only"> of {name}</span>
          </Button>
          <Button
            size="xs"
            variant="secondary"
            disabled={isBusy}
            onClick={() => (setDraft(section.title), setMode("rename"))}
          >
            Rename<span className="sr-only"> {name}</span>
          </Button>
          <Button size="xs" variant="danger" disabled={isBusy || count === 1} onClick={() => setMode("remove")}>
            Remove…<span className="sr-only"> {name}</span>
          </Button>
        </span>
      )}
      {mode === "remove" && (
        <ConfirmDialog
          title={`Remove ${name}?`}
          description="Its text, sources, comments and amendments are kept as “removed with the section”; restoring a version from before brings them back."
          confirmLabel="Remove section"
          busyLabel="Removing…"
          isBusy={isBusy}
          onConfirm={async () => {
            if (!(await on.onRemove())) setMode("view");
          }}
          onCancel={() => setMode("view")}
        />
      )}
    </li>
  );
}
