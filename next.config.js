/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded by the custom server too: one copy of each, and PGlite's wasm kept out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "yjs"],
  poweredByHeader: false,
  // DOCX imports of up to 10 MB go through a server action (default limit: 1 MB).
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};
export default nextConfig;
