// Trunk's post-build hook (see Trunk.toml): finishes the portal in Trunk's staging folder.
//   1. the WebAssembly, split by route (build-wasm.mjs);
//   2. one stylesheet instead of one per file of style/, minified in a release, and index.html
//      without comments (static-assets.mjs);
//   3. brotli (quality 11) and gzip copies beside every shipped file, for servers that send
//      precompressed files (the reference backend does; see README "Hosting").
import { buildWasm } from "./build-wasm.mjs";
import { bundleStyles, minifyPage, precompress } from "./static-assets.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: run me from Trunk (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}
try {
  const release = process.env.TRUNK_PROFILE === "release";
  buildWasm(staging, release);
  bundleStyles(staging, release);
  if (release) minifyPage(staging);
  precompress(staging);
} catch (error) {
  console.error(`post-build: ${error.message}`);
  process.exit(1);
}
