"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect } from "react";
import type { Present } from "./presence";
import type { SaveState } from "./save-status";

/** Keeps the status line, the synced flag and the presence list in step with the provider. */
export function useProviderState(
  provider: HocuspocusProvider,
  {
    setState,
    setSynced,
    setPeople,
    selfId,
    canEdit,
  }: {
    setState: (state: SaveState) => void;
    setSynced: (synced: boolean) => void;
    setPeople: (people: Present[]) => void;
    selfId: string;
    canEdit: boolean;
  },
) {
  useEffect(() => {
    provider.attach();
    let hasSynced = false;
    const update = () => {
      const isConnected = provider.configuration.websocketProvider.status === "connected";
      if (!isConnected) return setState(hasSynced ? "offline" : "connecting");
      if (!provider.isSynced) return setState(hasSynced ? "saving" : "connecting");
      setState(provider.hasUnsyncedChanges ? "saving" : "saved");
    };
    const onSynced = () => {
      hasSynced = true;
      setSynced(true);
      update();
    };
    const onAwareness = () => {
      const states = [...(provider.awareness?.getStates() ?? new Map()).entries()];
      // One avatar per person, however many tabs they have open; not oneself.
      const seen = new Set<string>([selfId]);
      const people: Present[] = [];
      for (const [clientId, s] of states) {
        const id = String(s.user?.id ?? "");
        if (!id || seen.has(id) || clientId === provider.document.clientID) continue;
        seen.add(id);
        people.push({ clientId, name: String(s.user.name), color: String(s.user.color ?? "#334155") });
      }
      setPeople(people);
    };
    const onDenied = () => setState("denied");
    provider.on("synced", onSynced);
    provider.on("status", update);
    provider.on("unsyncedChanges", update);
    provider.on("awarenessChange", onAwareness);
    provider.on("authenticationFailed", onDenied);
    // Leaving with unsaved edits would lose them: let the browser ask first. A reader has no edits to lose, even
    // when the editor touched its local copy (the server drops a reader's updates, so they never count as saved).
    const warn = (event: BeforeUnloadEvent) => {
      if (canEdit && provider.hasUnsyncedChanges) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      provider.off("synced", onSynced);
      provider.off("status", update);
      provider.off("unsyncedChanges", update);
      provider.off("awarenessChange", onAwareness);
      provider.off("authenticationFailed", onDenied);
      provider.destroy();
    };
  }, [provider, setState, setSynced, setPeople, selfId, canEdit]);
}
