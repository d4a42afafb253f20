/**
 * Every page type the admin can open, signed in as the admin, scanned with axe in Chromium: no serious or critical
 * violation anywhere (and the sign-in page, signed out). One file per role, so the roles run side by side.
 */
import { describeAxePages } from "@/test/support/axe-pages";

describeAxePages("admin", { signedOut: ["/sign-in"] });
