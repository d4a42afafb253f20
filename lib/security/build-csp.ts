/**
 * The Content-Security-Policy every response carries, built per request
 * around a fresh nonce (see proxy.ts). Pure, so it has no `next/*` import
 * and a unit test can read it.
 */
export type TBuildCspOptions = {
  /** This request's nonce: base64, unguessable, never reused. */
  nonce: string;
  /** Where browsers reach the collaboration server (lib/collab/collab-url.ts), e.g. ws://localhost:1234. */
  collabUrl: string;
  /** Development only: React's dev build uses eval to rebuild server error stacks. Never in production. */
  isDev: boolean;
};

export function buildCsp({ nonce, collabUrl, isDev }: TBuildCspOptions): string {
  const directives = [
    "default-src 'self'",
    // Only scripts that carry this request's nonce run, plus what they load ('strict-dynamic'):
    // an injected <script> or on* attribute has no nonce, so stored XSS cannot execute.
    // 'self' is a fallback for browsers without CSP3, which ignore 'strict-dynamic'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Styles may be inline: React's style={...} props, Tiptap/ProseMirror and the collaboration
    // carets set style attributes, which a nonce cannot cover. Inline CSS cannot run script,
    // so the cost is limited to CSS tricks; scripts above stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The app's own fetches and event stream, plus the collaboration WebSocket, which lives on another port or host.
    `connect-src ${["'self'", toConnectSource(collabUrl)].filter(Boolean).join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    // A form injected into a page may not post the user's data elsewhere.
    "form-action 'self'",
    // No site may frame the app (clickjacking of admin actions).
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** The collab URL as a CSP source: scheme, host and port, without a path or anything that could end the directive. */
function toConnectSource(collabUrl: string): string {
  if (!URL.canParse(collabUrl)) return "";
  const url = new URL(collabUrl);
  return `${url.protocol}//${url.host}`;
}
