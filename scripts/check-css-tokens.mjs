// Fails when component CSS uses a raw colour instead of a token from style/tokens.css, so
// designers can re-theme everything from one file. Usage: node scripts/check-css-tokens.mjs
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const dir = join(root, "style");
const allowed = new Set(["transparent", "currentcolor", "inherit", "initial", "unset", "canvas", "canvastext", "highlight", "highlighttext", "graytext", "buttontext", "buttonface", "linktext"]);
const named = /(?<![-\w])(white|black|red|green|blue|yellow|orange|purple|pink|gray|grey|silver|navy|teal|maroon|olive|lime|aqua|fuchsia|tomato|gold|crimson|coral)(?![-\w])/i;
const literal = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const problems = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".css") && f !== "tokens.css")) {
  readFileSync(join(dir, file), "utf8").split("\n").forEach((line, i) => {
    const code = line.replace(/\/\*.*?\*\//g, "");
    const value = code.includes(":") && !code.trim().startsWith("@") ? code.slice(code.indexOf(":") + 1) : "";
    if (!/[;{]|^\s*[a-z-]+\s*:/.test(code)) return;
    const hit = value.match(literal) || (value.match(named) && !allowed.has(value.match(named)[0].toLowerCase()) ? value.match(named) : null);
    if (hit) problems.push(`style/${file}:${i + 1}: raw colour "${hit[0]}" — use a var(--pp-color-…) token`);
  });
}
if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`css tokens: ${problems.length} raw colour(s) outside style/tokens.css`);
  process.exit(1);
}
console.log("css tokens: every colour in component CSS comes from a token");
