/**
 * A document that is not a readable dialogue summary. `line` is 1-based and
 * points at the line a person should look at to fix the document.
 */
export class DialogueParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = "DialogueParseError";
  }
}
