"use client";

/**
 * The delegations a facilitator can tag a bracket with: the plan's dialogue's
 * delegations, given once by the plan page rather than passed through every
 * section's editor.
 */
import { createContext, useContext } from "react";
import type { TDelegationTag } from "@/lib/editor/brackets";

const DelegationChoicesContext = createContext<readonly TDelegationTag[]>([]);

export function DelegationChoices({
  delegations,
  children,
}: {
  delegations: TDelegationTag[];
  children: React.ReactNode;
}) {
  return <DelegationChoicesContext.Provider value={delegations}>{children}</DelegationChoicesContext.Provider>;
}

export function useDelegationChoices(): readonly TDelegationTag[] {
  return useContext(DelegationChoicesContext);
}
