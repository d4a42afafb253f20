import { describe, expect, it } from "vitest";
import { linkSpeakersToDelegations } from "@/lib/dialogue/link-speakers";
import type { Delegation, Segment } from "@/lib/dialogue/types";

function linkOne(affiliation: string, names: string[]): string | null {
  const segment = {
    key: "opening",
    kind: "opening",
    number: null,
    title: "Opening",
    line: 1,
    links: [],
    notes: [],
    statements: [
      {
        id: "opening.a",
        n: 1,
        line: 1,
        text: "",
        sentences: [],
        speaker: { name: "A", honorific: null, affiliation, delegation: null },
      },
    ],
  } satisfies Segment;
  const delegations: Delegation[] = names.map((name) => ({ id: name, name, onBehalfOf: null }));
  linkSpeakersToDelegations([segment], delegations);
  return segment.statements[0].speaker.delegation;
}

describe("linkSpeakersToDelegations", () => {
  it("links the delegation the affiliation names, as whole words", () => {
    expect(linkOne("Minister of Justice and Human Rights of Ecuador", ["Egypt", "Ecuador"])).toBe("Ecuador");
    expect(linkOne("Minister of Nigeria", ["Niger", "Nigeria"])).toBe("Nigeria");
    expect(linkOne("Minister of Nigeria", ["Niger"])).toBeNull();
  });

  it("prefers the longest name and reads names with commas", () => {
    expect(linkOne("Ambassador of the Republic of Korea", ["Korea", "Republic of Korea"])).toBe("Republic of Korea");
    expect(linkOne("Envoy of Korea, Republic of", ["Korea, Republic of"])).toBe("Korea, Republic of");
  });

  it("ignores a city and country that only locate an office", () => {
    expect(linkOne("Executive Secretary, Convention Secretariat (Montreal, Canada)", ["Canada"])).toBeNull();
    expect(linkOne("Committee Member (Thailand)", ["Thailand"])).toBe("Thailand");
  });
});
