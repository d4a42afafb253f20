"use client";

/**
 * Sends one change to the plan's structure (lib/plan/structure/) against the
 * revision this page last saw, and keeps that revision: the page's, or the
 * newer one a change of ours answered with. A change refused because someone
 * else changed the sections first (409) re-renders the page, so the list is
 * the current one, and says so.
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import type { ApiRequest } from "@/lib/http/api-fetch";

export type StructureRequest = { url: string; method: ApiRequest["method"]; body: Record<string, unknown> };

export function useStructureChange(pageRevision: number) {
  const router = useRouter();
  const [answered, setAnswered] = useState<number | null>(null);
  const [status, setStatus] = useState("");
  const [isBusy, setBusy] = useState(false);
  const [, startTransition] = useTransition();
  // The newest we know of: a newer page (someone's change, heard live) supersedes what our own last change answered,
  // and a page rendered before that change (a refresh answered late, on a busy machine) does not take us back.
  const revision = Math.max(pageRevision, answered ?? pageRevision);

  async function send(request: StructureRequest, { doing, done }: { doing: string; done: string }) {
    setBusy(true);
    setStatus(doing);
    const {
      data,
      error,
      status: code,
    } = await apiFetch<{ revision: number }>(request.url, {
      method: request.method,
      body: { ...request.body, expectedRevision: revision },
    });
    setBusy(false);
    if (code === 409 && !data) {
      setStatus(`${error} The list now shows the latest sections.`);
      startTransition(() => router.refresh());
      return false;
    }
    if (error || !data) {
      setStatus(error ?? "Something went wrong.");
      return false;
    }
    setAnswered(data.revision);
    setStatus(done);
    startTransition(() => router.refresh());
    return true;
  }

  return { send, status, isBusy };
}
