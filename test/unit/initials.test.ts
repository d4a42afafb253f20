import { describe, expect, it } from "vitest";
import { distinctInitials } from "@/components/editor/initials";

describe("distinctInitials", () => {
  it("gives two initials when nobody shares them", () => {
    expect(distinctInitials(["Fatima Facilitator", "Diego Delegate", "Ban Ki Moon"])).toEqual(["FF", "DD", "BM"]);
  });

  it("takes more letters of the first name where two people would read the same", () => {
    expect(distinctInitials(["Fatima Facilitator", "Felix Facilitator", "Olga Observer"])).toEqual([
      "FaF",
      "FeF",
      "OO",
    ]);
    expect(distinctInitials(["Anna Smith", "Anne Smith"])).toEqual(["AnnaS", "AnneS"]);
  });

  it("keeps one person in two tabs as one, and copes with a single name", () => {
    expect(distinctInitials(["Fatima Facilitator", "Fatima Facilitator", "Plato"])).toEqual(["FF", "FF", "P"]);
  });
});
