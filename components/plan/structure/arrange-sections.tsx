"use client";

/** "Arrange sections and title": opens the structure editor for facilitators, below the plan's header. */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { StructureEditor } from "./structure-editor";
import type { OutlineSection } from "./structure-editor";

export function ArrangeSections(props: {
  planId: string;
  revision: number;
  title: string;
  sections: OutlineSection[];
}) {
  const [isOpen, setOpen] = useState(false);
  return (
    <div className="space-y-2">
      <Button
        variant="outline"
        size="md"
        aria-expanded={isOpen}
        aria-controls="structure-editor"
        onClick={() => setOpen(!isOpen)}
      >
        {isOpen ? "Close the arrangement" : "Arrange sections and title"}
      </Button>
      {isOpen && (
        <div id="structure-editor">
          <StructureEditor {...props} />
        </div>
      )}
    </div>
  );
}
