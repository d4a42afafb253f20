"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [isSigningOut, setSigningOut] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        setSigningOut(true);
        void signOut({ callbackUrl: "/sign-in" });
      }}
      disabled={isSigningOut}
      className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
    >
      {isSigningOut ? "Signing out…" : "Sign out"}
    </button>
  );
}
