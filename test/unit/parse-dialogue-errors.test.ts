import { describe, expect, it } from "vitest";
import { DialogueParseError } from "@/lib/dialogue/dialogue-parse-error";
import { decodeDialogueBytes, MAX_DIALOGUE_BYTES } from "@/lib/dialogue/decode-dialogue-bytes";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";

function errorOf(run: () => unknown): DialogueParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof DialogueParseError) return error;
    throw error;
  }
  throw new Error("expected a DialogueParseError");
}

const HEAD = "## Summary of the Interactive Thematic Dialogue on “Water”\n\nNew York\n\n3 June 2011\n\n";

describe("bad documents", () => {
  it("refuses an empty document at line 1", () => {
    expect(errorOf(() => parseDialogue("  \n\n"))).toMatchObject({ line: 1, reason: "the document is empty" });
  });

  it("refuses a document with no statements, naming the segment heading", () => {
    const error = errorOf(() => parseDialogue(HEAD + "### Opening session\n\nThe meeting opened.\n"));
    expect(error.line).toBe(7);
    expect(error.reason).toMatch(/no statements/);
  });

  it("refuses a summary list item outside any list, naming its line", () => {
    const text =
      HEAD +
      "### Opening session\n\n1. **Mr. A B**, Chair, said things.\n\n### Summary\n\nDelegations spoke.\n\n1. A stray item.\n";
    const error = errorOf(() => parseDialogue(text));
    expect(error.line).toBe(15);
    expect(error.reason).toMatch(/outside any list/);
  });

  it("refuses control characters, naming their line", () => {
    const error = errorOf(() => parseDialogue(HEAD + "bad\u0001byte\n"));
    expect(error).toMatchObject({ line: 7 });
    expect(error.reason).toMatch(/binary/);
  });

  it("refuses a statement without a bold speaker", () => {
    const error = errorOf(() => parseDialogue(HEAD + "### Opening session\n\n1. Mr. A B said things.\n"));
    expect(error).toMatchObject({ line: 9 });
  });

  it("refuses a document without a date, naming the title", () => {
    const error = errorOf(() => parseDialogue("# Title\n\nNew York\n\n### Opening\n\n1. **Mr. A**, Chair, said x.\n"));
    expect(error).toMatchObject({ line: 1 });
    expect(error.reason).toMatch(/date/);
  });

  it("refuses the same panel twice", () => {
    const text =
      HEAD + "### Panel 1: A\n\n1. **Mr. A B**, Chair, said x.\n\n### Panel I: B\n\n1. **Mr. C D**, Chair, said y.\n";
    expect(errorOf(() => parseDialogue(text))).toMatchObject({ line: 11 });
  });
});

describe("bad bytes", () => {
  it("refuses a file over 2 MB", () => {
    const error = errorOf(() => decodeDialogueBytes(new Uint8Array(MAX_DIALOGUE_BYTES + 1)));
    expect(error).toMatchObject({ line: 1 });
    expect(error.reason).toMatch(/limit is 2 MB/);
  });

  it("refuses a NUL byte, naming its line", () => {
    const bytes = new TextEncoder().encode("line one\nline two\nthree\0\n");
    expect(errorOf(() => decodeDialogueBytes(bytes))).toMatchObject({ line: 3 });
  });

  it("refuses invalid UTF-8 (Latin-1 bytes), naming its line", () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode("# T\n\nCaf"), 0xe9, 0x0a]);
    const error = errorOf(() => decodeDialogueBytes(bytes));
    expect(error).toMatchObject({ line: 3 });
    expect(error.reason).toMatch(/UTF-8/);
  });

  it("accepts UTF-8 with a byte order mark", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("# Title")]);
    expect(decodeDialogueBytes(bytes)).toBe("# Title");
  });
});
