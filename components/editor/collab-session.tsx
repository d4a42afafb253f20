"use client";

/**
 * One WebSocket to the collaboration server for the whole page, shared by
 * every section's provider (Hocuspocus multiplexes documents over it), and
 * the short-lived token the server wants on every (re)connect.
 */
import { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { createContext, useContext, useEffect, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { createTokenSource } from "./token-source";
import type { CollabTokenBody } from "./token-source";

export type CollabUser = { id: string; name: string; color: string };
export type CollabSessionValue = {
  socket: HocuspocusProviderWebsocket | null;
  getToken: () => Promise<string>;
  user: CollabUser;
};

const CollabSessionContext = createContext<CollabSessionValue | null>(null);

export function useCollabSession(): CollabSessionValue {
  const session = useContext(CollabSessionContext);
  if (!session) throw new Error("useCollabSession needs a <CollabSession> around it");
  return session;
}

export function CollabSession({ url, user, children }: { url: string; user: CollabUser; children: React.ReactNode }) {
  const [socket, setSocket] = useState<HocuspocusProviderWebsocket | null>(null);
  const [getToken] = useState(() => createTokenSource(requestToken));
  // In an effect, so the server render never opens a socket.
  useEffect(() => {
    const created = new HocuspocusProviderWebsocket({ url });
    setSocket(created);
    return () => created.destroy();
  }, [url]);
  return <CollabSessionContext.Provider value={{ socket, getToken, user }}>{children}</CollabSessionContext.Provider>;
}

/** A fresh token for this browser's session; rejects when refused (see createTokenSource). */
async function requestToken(): Promise<CollabTokenBody> {
  const { data, error, status } = await apiFetch<CollabTokenBody>("/api/collab/token", { method: "POST" });
  if (!data) throw new Error(`token refused (${status}): ${error}`);
  return data;
}
