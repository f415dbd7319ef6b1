// Fails when the portal writes a sentence that does not come from the message catalogue, when
// code asks for a key English lacks, or when a language lacks a key English has (or writes a
// placeholder English does not fill). Usage: node scripts/check-text.mjs [--list]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const locales = join(root, "public/locales");
const read = (file) => JSON.parse(readFileSync(join(locales, file), "utf8"));
const english = read("en-US.json");
const problems = [];

// Code the portal is made of, tests left out (they check English on purpose).
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".rs") && name !== "tests.rs") files.push(path);
  }
})(join(root, "src"));

// Literals that are not text for people: identifiers, CSS classes, addresses, wire names. A
// line may also end with `// text: <why>` when a literal is shown before any catalogue exists.
const machine = /^[a-z0-9_.:#/?&=%@+*\-\[\]"' ]*$|^[A-Z][a-z]+[A-Z]\w*$|^[A-Z0-9_\-]+$|^pp-|^https?:|^\{[^}]*\}$|^[\p{P}\p{S}\s\d]*$/u;
const used = new Set();
const namespaces = new Set(Object.keys(english).map((k) => k.split(".")[0]));
for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n");
  // A file whose first lines say `// text: <why>` writes for vendors or machines, not partners.
  const exempt = lines.slice(0, 12).some((l) => /^\/\/ text: /.test(l));
  const cut = lines.findIndex((l) => /^#\[cfg\(test\)\]/.test(l));
  let skipping = false;
  lines.slice(0, cut < 0 ? undefined : cut).forEach((line, i) => {
    const code = line.replace(/^\s*\/\/.*$/, "");
    for (const m of code.matchAll(/\b(t|tr|tn)\("([^"]+)"/g)) {
      const key = m[1] === "tn" ? `${m[2]}_other` : m[2];
      used.add(m[1] === "tn" ? m[2] : key);
      if (!(key in english)) problems.push(`${relative(root, file)}:${i + 1}: no English message "${key}"`);
    }
    // `// text: the next line(s)…` exempts what follows it, up to the next blank line or `;`.
    if (/^\s*\/\/ text: the next/.test(line)) skipping = true;
    else if (skipping && (/^\s*$/.test(line) || /;\s*$/.test(lines[i - 1] ?? ""))) skipping = false;
    // Keys handed on as values (labels, navigation, field labels) must exist too.
    for (const m of code.matchAll(/"([a-z][a-z_]*\.[a-z_]+)"/g)) {
      if (!namespaces.has(m[1].split(".")[0]) || /\.(json|csv|svg|css|js)$/.test(m[1])) continue;
      used.add(m[1]);
      if (!(m[1] in english) && !(`${m[1]}_other` in english)) problems.push(`${relative(root, file)}:${i + 1}: no English message "${m[1]}"`);
    }
    if (exempt || skipping || /\/\/ text: /.test(line) || /^\s*(#\[|\/\/\/|\/\/!)/.test(line)) return;
    const bare = code.replace(/\b(t|tr|tn|key|expect_context|include_str|concat|env|cfg|doc|console_log|log|panic|unreachable|debug_assert\w*|assert\w*)!?\("(?:[^"\\]|\\.)*"/g, "");
    for (const m of bare.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
      const text = m[1].replace(/\{[^}]*\}/g, " ");
      const before = bare.slice(0, m.index);
      if (/(?<![\w-])(class|id|type|href|name|for|rel|role|autocomplete|inputmode|method|target|lang|dir|src|width|height|viewBox|d|fill|stroke|aria-controls|aria-describedby|aria-labelledby|aria-live|aria-current|aria-hidden|aria-expanded|aria-sort|data-(?!label)[\w-]+|key|value|pattern|accept|form|enterkeyhint|spellcheck|loading|decoding|style|xmlns|points|cx|cy|r|x|y|tabindex|min|max|step|rows|cols)\s*=\s*$/.test(before)) continue;
      if (/(==|!=)\s*$/.test(before) || /^[A-Z][a-z]+(-[A-Z][a-z]+)+$/.test(text)) continue;
      if (/(get_element_by_id|query_selector\w*|set_attribute|get_item|set_item|remove_item|Reflect::\w+|use_query|from_str|starts_with|ends_with|strip_prefix|strip_suffix|split\w*|contains|find|replace|trim\w*|push_str|eq_ignore_ascii_case|matches|header|Request::\w+|storage::\w+|JsValue::from|into)\(\s*[^"]*$/.test(before)) continue;
      const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
      if (!words.length || machine.test(text.trim()) && !/\s/.test(text.trim())) continue;
      if (words.every((w) => /^pp-|[-_./=|]|^[a-z]+\(|^\p{L}$/u.test(w))) continue;
      if (!/\s/.test(text) && !/^\p{Lu}/u.test(text)) continue;
      problems.push(`${relative(root, file)}:${i + 1}: text not from the catalogue: "${text}"`);
    }
  });
}

// Every language has every English key, with the same placeholders.
const placeholders = (text) => new Set([...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const pluralBase = (key) => key.replace(/_(zero|one|two|few|many|other)$/, "");
for (const file of readdirSync(locales).filter((f) => f.endsWith(".json"))) {
  const messages = read(file);
  if (typeof messages.direction !== "string" || !["ltr", "rtl"].includes(messages.direction)) {
    problems.push(`public/locales/${file}: "direction" must be "ltr" or "rtl"`);
  }
  for (const [key, text] of Object.entries(english)) {
    const plural = key !== pluralBase(key);
    // A language has the plural forms its rules need: `_other` always, the rest as it likes.
    if (plural && !key.endsWith("_other")) continue;
    if (!(key in messages)) {
      problems.push(`public/locales/${file}: lacks "${key}"`);
      continue;
    }
    const want = placeholders(text);
    const forms = plural ? Object.keys(messages).filter((k) => pluralBase(k) === pluralBase(key)) : [key];
    for (const form of forms) {
      for (const name of placeholders(messages[form])) {
        if (!want.has(name) && !(plural && name === "count")) problems.push(`public/locales/${file}: "${form}" writes {${name}}, which is never filled`);
      }
    }
    if (!plural) for (const name of want) {
      if (!placeholders(messages[key]).has(name)) problems.push(`public/locales/${file}: "${key}" drops {${name}}`);
    }
  }
  for (const key of Object.keys(messages)) {
    if (!(key in english) && !(`${pluralBase(key)}_other` in english)) problems.push(`public/locales/${file}: "${key}" is not an English key`);
  }
}
// And no English message the code never asks for.
for (const key of Object.keys(english)) {
  if (key !== "direction" && !used.has(key) && !used.has(pluralBase(key))) problems.push(`public/locales/en-US.json: "${key}" is used nowhere`);
}
if (process.argv.includes("--list") || problems.length) {
  console.error(problems.join("\n"));
}
if (problems.length) {
  console.error(`text: ${problems.length} problem(s) — every sentence comes from public/locales (README "Languages")`);
  process.exit(1);
}
console.log(`text: every sentence comes from the catalogue; ${readdirSync(locales).filter((f) => f.endsWith(".json")).length} language(s) have all ${Object.keys(english).length} English keys`);
