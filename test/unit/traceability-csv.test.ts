import { describe, expect, it } from "vitest";
import { toTraceabilityCsv } from "@/lib/provenance/traceability";

function matrixWith(text: string) {
  return {
    sections: [{ id: "s1", key: "resources", title: "Resources" }],
    rows: [{ item: { id: "i1", key: "should-8", list: "should" as const, n: 8, text }, cells: ["confirmed" as const] }],
  };
}

describe("toTraceabilityCsv", () => {
  it("writes a BOM, a header and one row per item, C for confirmed", () => {
    expect(toTraceabilityCsv(matrixWith("Map the resources."))).toBe(
      "\uFEFFitem,list,text,resources\r\nshould-8,should,Map the resources.,C\r\n",
    );
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(toTraceabilityCsv(matrixWith('Say "yes", then\nno'))).toContain('"Say ""yes"", then\nno"');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1"])(
    "keeps %j from running as a spreadsheet formula",
    (text) => {
      const row = toTraceabilityCsv(matrixWith(text)).split("\r\n")[1];
      expect(row).toMatch(/^should-8,should,"?'/);
    },
  );
});
