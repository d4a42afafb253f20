"use client";

/**
 * The drafter's paragraph toolbar above a section's text: the five paragraph
 * styles (the one at the caret pressed), a footnote of free text, brackets, and moving
 * the paragraph up or down.
 * Each button runs the same command as its shortcut (lib/editor/paragraph-commands.ts).
 */
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { Button } from "@/components/ui/button";
import { Toolbar } from "@/components/ui/toolbar";
import { BracketControl } from "./bracket-control";
import { FootnoteControl } from "./footnote-control";
import { MOVE_SHORTCUTS, readParagraphStyleAt } from "@/lib/editor/paragraph-commands";
import type { MoveDirection } from "@/lib/editor/paragraph-commands";
import { PARAGRAPH_STYLES } from "@/lib/editor/paragraph-kinds";
import type { ParagraphStyle } from "@/lib/editor/paragraph-kinds";

/** What each style's button shows; its accessible name is the style's whole label, which begins with or holds this. */
const BUTTON_TEXT: Record<string, string> = {
  "plain:1": "Plain",
  "preambular:1": "Preambular",
  "operative:1": "Operative",
  "subparagraph:1": "(a)",
  "subparagraph:2": "(i)",
};

const MOVES: { direction: MoveDirection; text: string; label: string }[] = [
  { direction: "up", text: "↑", label: "Move paragraph up" },
  { direction: "down", text: "↓", label: "Move paragraph down" },
];

const styleKey = (style: ParagraphStyle) => `${style.kind}:${style.level}`;

/** "Mod-Shift-Alt-9" as ARIA writes it ("Control+Shift+Alt+9"; Meta on a Mac, where Tiptap's Mod is ⌘). */
function toAriaShortcut(shortcut: string): string {
  const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  return shortcut
    .split("-")
    .map((key) => (key === "Mod" ? (isMac ? "Meta" : "Control") : key))
    .join("+");
}

export function ParagraphToolbar({ editor, title }: { editor: Editor; title: string }) {
  // A string, so the toolbar re-renders only when the style at the caret changes, not on every keystroke.
  const current = useEditorState({
    editor,
    selector: ({ editor }) => {
      const style = editor && readParagraphStyleAt(editor.state);
      return style ? styleKey(style) : "";
    },
  });
  // The pointer must not take focus from the text: the command acts on its selection, and typing goes on after.
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  return (
    <Toolbar label={`Paragraph style and order, ${title}`} className="flex flex-wrap items-center gap-1">
      {PARAGRAPH_STYLES.map((style) => (
        <Button
          key={styleKey(style)}
          aria-label={style.label}
          aria-pressed={current === styleKey(style)}
          aria-keyshortcuts={toAriaShortcut(style.shortcut)}
          title={`${style.label} (${toAriaShortcut(style.shortcut)})`}
          className="aria-pressed:bg-un-dark aria-pressed:text-white"
          onMouseDown={keepFocus}
          onClick={() => editor.chain().focus().setParagraphStyle({ kind: style.kind, level: style.level }).run()}
        >
          {BUTTON_TEXT[styleKey(style)]}
        </Button>
      ))}
      <span aria-hidden="true" className="mx-1 h-4 border-l border-slate-300" />
      <FootnoteControl editor={editor} />
      <span aria-hidden="true" className="mx-1 h-4 border-l border-slate-300" />
      <BracketControl editor={editor} />
      <span aria-hidden="true" className="mx-1 h-4 border-l border-slate-300" />
      {MOVES.map(({ direction, text, label }) => (
        <Button
          key={direction}
          aria-label={label}
          aria-keyshortcuts={toAriaShortcut(MOVE_SHORTCUTS[direction])}
          title={`${label} (${toAriaShortcut(MOVE_SHORTCUTS[direction])})`}
          onMouseDown={keepFocus}
          onClick={() => editor.chain().focus().moveParagraph(direction).run()}
        >
          {text}
        </Button>
      ))}
    </Toolbar>
  );
}
