/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The Prisma client, pg and postgres (the LISTEN hub) are server-only Node packages; bundling them gains nothing.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "postgres"],
  poweredByHeader: false,
  // No page may be framed (clickjacking of admin actions), nor sniffed into another type.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
