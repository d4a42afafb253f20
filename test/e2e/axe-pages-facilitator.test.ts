/**
 * Every page type the facilitator can open, signed in as the facilitator, scanned with axe in Chromium: no serious or critical
 * violation anywhere. One file per role, so the roles run side by side.
 */
import { describeAxePages } from "@/test/support/axe-pages";

describeAxePages("facilitator");
