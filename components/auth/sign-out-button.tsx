"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [isSigningOut, setSigningOut] = useState(false);
  return (
    <Button
      variant="secondary"
      size="md"
      className="text-sm"
      onClick={() => {
        setSigningOut(true);
        void signOut({ callbackUrl: "/sign-in" });
      }}
      disabled={isSigningOut}
    >
      {isSigningOut ? "Signing out…" : "Sign out"}
    </Button>
  );
}
