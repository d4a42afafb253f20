/**
 * A node's or mark's id kept in a `data-*` attribute of its HTML (a citation's link id, a footnote's note id, a
 * bracket's id): read back on paste and parse exactly as written, the same way for every extension.
 */
export function dataAttribute(name: string, dataName: string) {
  return {
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute(dataName),
    renderHTML: (attributes: Record<string, unknown>) => ({ [dataName]: attributes[name] }),
  };
}
