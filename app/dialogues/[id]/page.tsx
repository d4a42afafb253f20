import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddressAliases } from "@/components/dialogue/address-aliases";
import { Annex } from "@/components/dialogue/annex";
import { DialogueOverview } from "@/components/dialogue/dialogue-overview";
import { SearchForm } from "@/components/dialogue/search-form";
import { SearchResults } from "@/components/dialogue/search-results";
import { StatementCard } from "@/components/dialogue/statement-card";
import { SummaryLists } from "@/components/dialogue/summary-lists";
import { Time } from "@/components/ui/time";
import { formatSegmentLabel, SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import { authorizePage, getCurrentUser, requirePageUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policies";
import { getDialogue } from "@/lib/dialogue/get-dialogue";
import type { SearchHit, TextRange } from "@/lib/dialogue/search-dialogue";
import { searchDialogue, ZSearchQuery } from "@/lib/dialogue/search-dialogue";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";
import { readPageParams } from "@/lib/http/path-params";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Titles are not secret, but the reader is for signed-in users only, so say nothing to others.
  const { id } = await readPageParams(params);
  if (!(await getCurrentUser())) return { title: "Dialogue" };
  const dialogue = await getDialogue({ id });
  return { title: dialogue?.topic ?? dialogue?.title ?? "Dialogue not found" };
}

export default async function DialoguePage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([readPageParams(params), searchParams]);
  const user = await requirePageUser(`/dialogues/${encodeURIComponent(id)}`);
  authorizePage(user, "dialogue.read");
  const dialogue = await getDialogue({ id });
  if (!dialogue) notFound();

  const rawQuery = typeof search.q === "string" ? search.q : "";
  const query = ZSearchQuery.safeParse(rawQuery);
  const hits: SearchHit[] = query.success ? await searchDialogue({ dialogueId: dialogue.id, query: query.data }) : [];
  const marks = new Map<string, TextRange[]>(hits.map((hit) => [hit.key, hit.ranges]));
  const canReaddress = can(user, "dialogue.readdress");

  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
      <nav
        aria-label="Contents"
        className="lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto"
      >
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Contents</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {dialogue.segments.map((segment) => (
            <li key={segment.key}>
              <a href={`#${segment.key}`} className="text-slate-800 hover:text-un">
                {formatSegmentLabel(segment)}
              </a>
            </li>
          ))}
          <li>
            <a href="#summary" className="text-slate-800 hover:text-un">
              Summary
            </a>
            <ul className="ml-3 mt-1 space-y-1">
              {SUMMARY_LISTS.filter((list) => dialogue.summaryItems.some((i) => i.list === list)).map((list) => (
                <li key={list}>
                  <a href={`#${list}`} className="text-slate-700 hover:text-un">
                    {SUMMARY_LIST_TITLES[list]}
                  </a>
                </li>
              ))}
            </ul>
          </li>
          <li>
            <a href="#speakers" className="text-slate-800 hover:text-un">
              Speakers
            </a>
          </li>
          <li>
            <a href="#annex" className="text-slate-800 hover:text-un">
              Delegations
            </a>
          </li>
        </ul>
      </nav>

      <div className="min-w-0 space-y-10">
        <AddressAliases aliases={dialogue.addressAliases} />
        <header className="space-y-3">
          <h1 className="text-2xl font-semibold leading-snug">{dialogue.title}</h1>
          <p className="text-slate-700">
            {dialogue.venue} · <Time date={dialogue.date} withTime={false} />
          </p>
          <DialogueOverview dialogue={dialogue} />
          <SearchForm initialQuery={rawQuery} />
          {rawQuery && (
            <SearchResults
              query={rawQuery}
              hits={hits}
              error={query.success ? undefined : "Type up to 200 characters to search."}
            />
          )}
        </header>

        {dialogue.segments.map((segment) => (
          <section
            key={segment.key}
            id={segment.key}
            data-citable
            aria-labelledby={`${segment.key}-title`}
            className="space-y-4"
          >
            <h2 id={`${segment.key}-title`} className="text-xl font-semibold">
              {segment.kind === "panel" ? (
                <>
                  <span className="text-un">Panel {segment.number}</span>
                  <span className="block text-lg font-medium">{segment.title}</span>
                </>
              ) : (
                formatSegmentLabel(segment)
              )}
            </h2>
            <SegmentExtras links={segment.links} notes={segment.notes} />
            <div className="space-y-4">
              {segment.statements.map((statement) => (
                <StatementCard
                  key={statement.key}
                  statement={statement}
                  marks={marks.get(statement.key) ?? []}
                  familyNameControl={canReaddress ? { dialogueId: dialogue.id } : null}
                />
              ))}
            </div>
          </section>
        ))}

        <SummaryLists dialogue={dialogue} marks={marks} />
        <Annex dialogue={dialogue} />
      </div>
    </div>
  );
}

/** Webcast links and free notes attached to a segment. */
function SegmentExtras({ links, notes }: { links: unknown; notes: unknown }) {
  const linkList = (links as { label: string; url: string }[]) ?? [];
  const noteList = (notes as { label: string | null; text: string }[]) ?? [];
  if (linkList.length === 0 && noteList.length === 0) return null;
  return (
    <div className="space-y-1 text-sm text-slate-700">
      {linkList.map((link) => (
        <p key={link.url}>
          {link.label}:{" "}
          <a href={link.url} className="break-all text-un-dark underline" rel="noreferrer">
            {link.url}
          </a>
        </p>
      ))}
      {noteList.map((note, i) => (
        <p key={i}>
          {note.label && <span className="font-medium">{note.label}: </span>}
          {note.text}
        </p>
      ))}
    </div>
  );
}
