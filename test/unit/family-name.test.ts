/** The family-name rule that addresses statements: particles, Hispanic pairs, family name first, capitals. */
import { describe, expect, it } from "vitest";
import { findFamilyName } from "@/lib/dialogue/family-name";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { readFileSync } from "node:fs";

describe("findFamilyName", () => {
  it.each([
    // Written family name first, the given name as syllables.
    ["Ban Ki Moon", null, "Ban", "Ban"],
    ["Ban Ki-moon", null, "Ban", "Ban"],
    ["Kyung-wha Kang", null, "Kang", "Kang"],
    ["Wang Yi Chen Smith", null, "Smith", "Smith"],
    // The United Nations' capitals.
    ["BAN Ki-moon", null, "BAN", "BAN"],
    ["Miguel D’ESCOTO BROCKMANN", null, "D’ESCOTO BROCKMANN", "D’ESCOTO BROCKMANN"],
    // Particles, written apart or onto the name.
    ["Miguel D’Escoto Brockmann", "President of the General Assembly", "D’Escoto Brockmann", "D’Escoto Brockmann"],
    ["Shaikh Abdul-Aziz bin Mubarak Al Khalifa", "Bahrain", "Al Khalifa", "Al Khalifa"],
    ["Abdullah Salim Al-Harthy", null, "Al-Harthy", "Al-Harthy"],
    ["María José de la Torre", null, "de la Torre", "de la Torre"],
    ["Ludwig van der Berg", null, "van der Berg", "van der Berg"],
    ["Mohamed El Baradei", null, "El Baradei", "El Baradei"],
    // Hispanic pairs: addressed by the paternal family name; a double given name is not a pair.
    ["Néstor Arbito Chica", "Minister of Justice and Human Rights of Ecuador", "Arbito Chica", "Arbito"],
    ["Rodrigo Alvarado Pinto", "Vice-Minister of Ecuador", "Alvarado Pinto", "Alvarado"],
    ["Carlos Enrique Mendoza", "Permanent Representative of Peru", "Mendoza", "Mendoza"],
    ["Antonio Maria Costa", "Executive Director of UNODC", "Costa", "Costa"],
    // The last word otherwise, without a generational suffix or an initial's full stop.
    ["Maged A. Abdelaziz", "Egypt", "Abdelaziz", "Abdelaziz"],
    ["Martin Luther King Jr.", null, "King", "King"],
    ["Ndiaye", null, "Ndiaye", "Ndiaye"],
  ])("%s (%s): %s, addressed as %s", (name, affiliation, family, addressPart) => {
    expect(findFamilyName(name, { affiliation })).toEqual({ family, addressPart });
  });
});

describe("the 2009 dialogue's addresses", () => {
  it("use each speaker's family name, as the summary writes it", () => {
    const text = readFileSync("prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md", "utf8");
    const ids = parseDialogue(text).segments.flatMap((segment) => segment.statements.map((s) => s.id));
    expect(ids).toEqual([
      "opening.d-escoto-brockmann",
      "opening.ban",
      "opening.arbito",
      "opening.costa",
      "panel-1.rybakov",
      "panel-1.kang",
      "panel-1.ndiaye",
      "panel-1.tabatabai",
      "panel-1.rohrmann",
      "panel-2.al-khalifa",
      "panel-2.ezeilo",
      "panel-2.gupta",
      "panel-2.chutikul",
      "panel-3.al-harthy",
      "panel-3.johnsson",
      "closing.abdelaziz",
    ]);
  });
});
