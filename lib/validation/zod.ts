/**
 * zod for modules that also run in the browser. zod 4 compiles its object
 * parsers with `new Function`, which our Content-Security-Policy (no
 * 'unsafe-eval') refuses, and even its probe for whether it may reports a
 * violation. So in the browser it parses without compiling; the server keeps
 * the compiled parsers. Import z from here, not from "zod", in any module a
 * client component reaches: the setting must come before the first schema.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
