// Fails when component CSS uses a raw colour instead of a token from style/tokens.css, so
// designers can re-theme everything from one file, or a physical left/right where a logical
// property (inline-start/end) lets right-to-left languages mirror the layout.
// Usage: node scripts/check-css-tokens.mjs
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
    // Allowed only with a `/* physical: why */` comment on the line (none today).
    const physical = code.match(/(?<![-\w])(margin|padding|border)-(left|right)\b|(?<![-\w])(left|right)\s*:|(text-align|float|clear)\s*:\s*(left|right)\b/);
    if (physical && !/\/\* physical: /.test(line)) problems.push(`style/${file}:${i + 1}: physical "${physical[0]}" — use inline-start/inline-end so right-to-left layouts mirror`);
  });
}
if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`css tokens: ${problems.length} problem(s): raw colours outside style/tokens.css or physical left/right`);
  process.exit(1);
}
console.log("css tokens: every colour in component CSS comes from a token; no physical left/right");
