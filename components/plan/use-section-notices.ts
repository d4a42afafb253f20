"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import type { SectionNotice } from "@/components/editor/section-editor";
import type { ThreadView } from "@/components/comments/use-threads";

/**
 * What the collaboration server says about a section, as state the panels
 * read: threads it pushed (or a version bump when it could not push them, so
 * the panel fetches), and a version bump when amendments changed.
 */
export function useSectionNotices() {
  const router = useRouter();
  const [threadsVersion, setThreadsVersion] = useState(0);
  const [pushedThreads, setPushedThreads] = useState<ThreadView[] | null>(null);
  const [amendmentsVersion, setAmendmentsVersion] = useState(0);
  const onSectionNotice = useCallback(
    (notice: SectionNotice) => {
      if (notice.type === "threads-changed")
        return notice.threads ? setPushedThreads(notice.threads) : setThreadsVersion((v) => v + 1);
      setAmendmentsVersion((v) => v + 1);
      // An accepted amendment adds a source to its passage: the page's links come from the server.
      router.refresh();
    },
    [router],
  );
  return { threadsVersion, pushedThreads, amendmentsVersion, onSectionNotice };
}
