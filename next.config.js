/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The Prisma client, pg and postgres (the LISTEN hub) are server-only Node packages; bundling them gains nothing.
  // Yjs must be one module in the server process: bundled, each server layer (route handlers, page rendering) got a
  // copy of its own, and Yjs warns that its constructor checks break when a document meets another copy's types.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "postgres", "yjs"],
  poweredByHeader: false,
  // The end-to-end tests build right after `npm test` ran `tsc --noEmit` on the same tree (test/support/production-
  // server.ts sets this), so the build need not check the types a second time. Every other build checks them.
  typescript: { ignoreBuildErrors: process.env.GPA_TYPES_CHECKED === "1" },
  // No page may be framed (clickjacking of admin actions), nor sniffed into another type.
  // The Content-Security-Policy (with frame-ancestors 'none') is set per request by proxy.ts, around a nonce;
  // X-Frame-Options stays for browsers that predate frame-ancestors.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
