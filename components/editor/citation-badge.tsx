/**
 * A citation as readers see it: a superscript number (in document order,
 * counted by the caller) linking to the source in the dialogue
 * reader, with the quote, speaker and segment on hover or focus. Used by the
 * live editor's node view and by the server-rendered text alike.
 */
export type CitationInfo = {
  id: string;
  status: string;
  /** Speaker, or the summary list and item number. */
  label: string;
  /** Role and segment, e.g. "Executive Director, UNODC · Panel 2". */
  detail: string;
  quote: string;
  href: string;
};

export function CitationBadge({
  linkId,
  number,
  info,
  isSelected = false,
  onOpen,
}: {
  linkId: string;
  number: number | undefined;
  info: CitationInfo | undefined;
  isSelected?: boolean;
  onOpen?: (event: React.MouseEvent) => void;
}) {
  const tooltipId = `citation-tip-${linkId}`;
  const needsCheck = info?.status === "suspect";
  return (
    <>
      <a
        href={info?.href ?? "#"}
        target="_blank"
        rel="noopener"
        aria-describedby={tooltipId}
        onClick={onOpen}
        className={`citation-link rounded px-0.5 font-mono text-xs no-underline ${needsCheck ? "bg-orange-100 text-orange-900" : "text-un-dark"} ${info ? "" : "text-slate-500"}`}
      >
        <span className="sr-only">Source </span>[{number ?? "?"}]
      </a>
      {needsCheck && (
        <span aria-hidden="true" className="text-orange-700">
          !
        </span>
      )}
      <span
        role="tooltip"
        id={tooltipId}
        className={`citation-tooltip pointer-events-none absolute bottom-full left-0 z-20 mb-1 w-72 rounded border border-slate-300 bg-white p-2 text-left font-sans text-xs font-normal normal-case leading-snug text-slate-800 shadow-lg ${isSelected ? "visible" : "invisible"}`}
      >
        {info ? (
          <>
            {needsCheck && (
              <span className="mb-1 block font-semibold text-orange-800">
                Needs a re-check: the passage changed since this source was confirmed.
              </span>
            )}
            <span className="block font-serif">“{info.quote}”</span>
            <span className="mt-1 block font-medium">{info.label}</span>
            {info.detail && <span className="block text-slate-600">{info.detail}</span>}
          </>
        ) : (
          <span>Source loading…</span>
        )}
      </span>
    </>
  );
}
