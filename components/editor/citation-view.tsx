"use client";

import { NodeViewWrapper, useEditorState } from "@tiptap/react";
import type { ReactNodeViewProps } from "@tiptap/react";
import { createContext, useContext } from "react";
import { CitationBadge } from "./citation-badge";
import { citationNumberOf, readSourceNumbers } from "./source-numbers";
import type { CitationInfo } from "./citation-badge";

/** The provenance behind each citation on the page, by link id. */
export const CitationLinksContext = createContext<ReadonlyMap<string, CitationInfo>>(new Map());

/** The citation node inside the live editor. */
export function CitationView({ node, selected, decorations, editor }: ReactNodeViewProps) {
  const links = useContext(CitationLinksContext);
  const linkId = String(node.attrs.linkId ?? "");
  // Read from the numbering on every transaction, not only from this node's decorations: a node view is not always
  // drawn again when only its decorations change (the links arrive after the text), and would keep "[?]".
  const liveNumber = useEditorState({
    editor,
    selector: ({ editor: current }) => readSourceNumbers(current.state)?.get(linkId),
  });
  const info = links.get(linkId);
  // Inside an editable area a click only moves the caret; open the reader explicitly.
  const open = (event: React.MouseEvent) => {
    event.preventDefault();
    if (info) window.open(info.href, "_blank", "noopener");
  };
  return (
    <NodeViewWrapper
      as="sup"
      data-citation=""
      data-link-id={linkId}
      data-status={info?.status ?? "unknown"}
      className="citation group relative"
    >
      <CitationBadge
        linkId={linkId}
        number={liveNumber ?? citationNumberOf(decorations)}
        info={info}
        isSelected={selected}
        onOpen={open}
      />
    </NodeViewWrapper>
  );
}
