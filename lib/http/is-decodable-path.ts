/**
 * Whether every segment of a URL path percent-decodes to text. Next decodes
 * each dynamic segment with decodeURIComponent while routing and, on a
 * segment that does not decode (`%ff`, a cut-off `%E0%A4%A`, the
 * non-standard `%u0000`), answers a bare "500 Internal Server Error" (its
 * App Router has no 400 page to render). Such a path names nothing, so the
 * proxy answers it before routing. Decoding the whole path fails exactly
 * when one segment fails: a "/" cannot continue a cut-off UTF-8 sequence.
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
