/** One Y.Doc per plan section, named `plan.<planId>.section.<sectionId>`. */

const DOCUMENT_NAME = /^plan\.([A-Za-z0-9_-]{1,64})\.section\.([A-Za-z0-9_-]{1,64})$/;

export type SectionDocument = { planId: string; sectionId: string };

export function sectionDocumentName({ planId, sectionId }: SectionDocument): string {
  return `plan.${planId}.section.${sectionId}`;
}

/** The plan and section a document name points at, or null when it is not one of ours. */
export function parseSectionDocumentName(name: string): SectionDocument | null {
  const match = DOCUMENT_NAME.exec(name);
  return match ? { planId: match[1], sectionId: match[2] } : null;
}
