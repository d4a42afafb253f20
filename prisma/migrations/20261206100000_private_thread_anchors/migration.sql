-- Facilitators-only threads keep their anchor outside the shared document:
-- every role receives the live text, its versions and its exports, so a
-- comment mark in it would show delegates and observers the thread's id and
-- the words it is on. Their anchor is now two Yjs relative positions on the
-- thread row, which only facilitators' editors draw.
ALTER TABLE "CommentThread" ADD COLUMN IF NOT EXISTS "anchorRange" JSONB;

-- Marks such threads left in stored text before this migration are removed:
-- from every section's Tiptap JSON and every version's, with the Yjs state
-- of those rows cleared so it is rebuilt from the cleaned JSON on next load
-- (run this with the collaboration servers stopped, as any deploy does).
-- The threads are then anchored again, by their quote, into anchorRange.
CREATE FUNCTION pg_temp.strip_comment_ids(node JSONB, hidden TEXT[]) RETURNS JSONB LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  kept JSONB := '[]'::JSONB;
  mark JSONB;
  ids TEXT;
BEGIN
  IF jsonb_typeof(node) = 'array' THEN
    RETURN COALESCE((SELECT jsonb_agg(pg_temp.strip_comment_ids(child, hidden) ORDER BY position) FROM jsonb_array_elements(node) WITH ORDINALITY AS t(child, position)), '[]'::JSONB);
  END IF;
  IF jsonb_typeof(node) IS DISTINCT FROM 'object' THEN
    RETURN node;
  END IF;
  IF node ? 'content' THEN
    node := jsonb_set(node, '{content}', pg_temp.strip_comment_ids(node -> 'content', hidden));
  END IF;
  IF jsonb_typeof(node -> 'marks') = 'array' THEN
    FOR mark IN SELECT value FROM jsonb_array_elements(node -> 'marks') LOOP
      IF mark ->> 'type' = 'comment' THEN
        ids := array_to_string(ARRAY(
          SELECT id FROM unnest(string_to_array(COALESCE(mark -> 'attrs' ->> 'threadIds', ''), ' ')) AS id
          WHERE id <> '' AND NOT (id = ANY (hidden))
        ), ' ');
        CONTINUE WHEN ids = '';
        mark := jsonb_set(mark, '{attrs,threadIds}', to_jsonb(ids));
      END IF;
      kept := kept || jsonb_build_array(mark);
    END LOOP;
    node := CASE WHEN jsonb_array_length(kept) = 0 THEN node - 'marks' ELSE jsonb_set(node, '{marks}', kept) END;
  END IF;
  RETURN node;
END
$$;

CREATE TEMPORARY TABLE hidden_threads ON COMMIT DROP AS
  SELECT "id", "sectionId" FROM "CommentThread" WHERE "visibility" = 'facilitators';

UPDATE "PlanSection" AS s
SET "content" = pg_temp.strip_comment_ids(s."content", (SELECT array_agg("id") FROM hidden_threads)), "ydoc" = NULL
WHERE s."id" IN (SELECT "sectionId" FROM hidden_threads);

UPDATE "PlanVersionSection" AS v
SET "content" = pg_temp.strip_comment_ids(v."content", (SELECT array_agg("id") FROM hidden_threads)), "ydoc" = NULL
WHERE EXISTS (SELECT 1 FROM hidden_threads h WHERE v."content"::TEXT LIKE '%' || h."id" || '%');

UPDATE "CommentThread" SET "anchoredAt" = NULL, "anchorClaimedAt" = NULL WHERE "visibility" = 'facilitators';
