/**
 * The one rule for NUL in a request, shared by route handlers (withErrors,
 * readJson) and pages: PostgreSQL text cannot hold U+0000, so a path id,
 * query value or JSON string with one made the query itself fail — a 500
 * (`/api/plans/%00/...`, `/dialogues/%00`). No real id, token or filter
 * contains one, so such a path names nothing (404) and such a value is
 * refused (400) before anything reaches the database.
 */
import { notFound } from "next/navigation";

type Params = Record<string, string | string[] | undefined>;

/** Whether `text` holds U+0000. */
export function containsNul(text: string): boolean {
  return text.includes("\0");
}

/**
 * Whether any path param (or part of a catch-all one) holds U+0000, as given
 * or once percent-decoded. Next 16 hands a page its params still encoded
 * ("%00") but generateMetadata and route handlers decoded ("\0")
 * (vercel/next.js#95343), so the rule must see both forms to hold in every
 * one of them. No real id contains "%", so decoding an already decoded
 * value only ever refuses something that names nothing anyway.
 */
export function hasNulParam(params: Params | undefined): boolean {
  return Object.values(params ?? {}).some((value) =>
    [value ?? []].flat().some((part) => containsNul(part) || containsNul(tryDecode(part))),
  );
}

function tryDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * For pages and their generateMetadata: the route's params, or the app's
 * not-found page when one names nothing. Call it first, before the sign-in
 * redirect too, so anonymous visitors get the same 404 and no callback URL
 * carries the NUL on.
 */
export async function readPageParams<P extends Params>(params: Promise<P>): Promise<P> {
  const values = await params;
  if (hasNulParam(values)) notFound();
  return values;
}
