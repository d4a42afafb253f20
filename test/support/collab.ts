/**
 * Collaboration-server helpers for tests: a real Hocuspocus server on a free
 * port, real WebSocket clients (raw providers, no editor), users of each role.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import type { Role } from "@/lib/generated/prisma/enums";
import { sectionDocumentName } from "@/lib/collab/document-name";
import { startCollabServer } from "@/lib/collab/server";
import type { CollabServer, CollabServerOptions } from "@/lib/collab/server";
import { signCollabToken } from "@/lib/collab/token";
import { TEST_AUTH_SECRET } from "./accounts";
import { createUser } from "./factories";

export function startTestCollab(options: Partial<CollabServerOptions> = {}): Promise<CollabServer> {
  return startCollabServer({
    port: 0,
    secret: TEST_AUTH_SECRET,
    debounceMs: 50,
    maxDebounceMs: 200,
    log: () => {},
    ...options,
  });
}

/** A user of the role (a delegate speaks for Ecuador, of the seed dialogue) with a collab token of theirs. */
export async function createTestUser(role: Role, name = `Test ${role}`): Promise<{ id: string; token: string }> {
  const user = await createUser({
    role,
    name,
    email: `${role}-${crypto.randomUUID()}@test.local`,
    delegationName: role === "delegate" ? "Ecuador" : undefined,
  });
  return { id: user.id, token: signCollabToken({ userId: user.id, secret: TEST_AUTH_SECRET }).token };
}

export type TestClient = {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Resolves when the first sync is done. */
  synced: Promise<void>;
  /** Resolves with the server's reason when authentication fails. */
  denied: Promise<string>;
  /** Resolves when the server has acknowledged every local change. */
  settled: () => Promise<void>;
  /** Drops the connection (edits go on locally) and comes back. */
  goOffline: () => Promise<void>;
  goOnline: () => Promise<void>;
  close: () => void;
};

export function connectClient({
  port,
  planId,
  sectionId,
  token,
  doc = new Y.Doc(),
}: {
  port: number;
  planId: string;
  sectionId: string;
  token: string;
  doc?: Y.Doc;
}): TestClient {
  let resolveSynced!: () => void;
  let resolveDenied!: (reason: string) => void;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  const denied = new Promise<string>((resolve) => (resolveDenied = resolve));
  // Node 20 has no global WebSocket: the socket gets the ws package's.
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: sectionDocumentName({ planId, sectionId }),
    document: doc,
    token,
    onSynced: () => resolveSynced(),
    onAuthenticationFailed: ({ reason }) => resolveDenied(reason),
  });
  provider.attach();
  const settled = () => waitFor(() => !provider.hasUnsyncedChanges, "the server acknowledges every change");
  return {
    provider,
    doc,
    synced,
    denied,
    settled,
    goOffline: async () => {
      socket.disconnect();
      // connect() is a no-op until the socket has really closed.
      await waitFor(() => socket.status === "disconnected", "the socket closes");
    },
    goOnline: async () => void (await socket.connect()),
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Polls until `check` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first text node inside an element or fragment, depth first; null when it has none. */
export function firstTextIn(node: Y.XmlElement | Y.XmlFragment): Y.XmlText | null {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) return child;
    if (child instanceof Y.XmlElement) {
      const found = firstTextIn(child);
      if (found) return found;
    }
  }
  return null;
}

/** The first text node of the section's first paragraph, for raw edits without an editor. */
export function firstText(doc: Y.Doc): Y.XmlText {
  const text = firstTextIn(doc.getXmlFragment("default"));
  if (!text) throw new Error("the document has no text");
  return text;
}

/** The first text node of the block with this id (a paragraph, or a list item's paragraph) in a live document. */
export function blockTextIn(doc: Y.Doc, blockId: string): Y.XmlText {
  const find = (node: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.getAttribute("blockId") === blockId) return child;
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  const block = find(doc.getXmlFragment("default"));
  const text = block ? firstTextIn(block) : null;
  if (!text) throw new Error(`the document has no text in block ${blockId}`);
  return text;
}
