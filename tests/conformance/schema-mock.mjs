#!/usr/bin/env node
// A backend made only from the contract's schemas: every request to a path of the spec is
// answered with the first success response its operation documents, built from the schemas'
// examples. It is schema-valid and knows no rule, so the conformance kit must fail against it,
// naming each rule; that proves the kit can fail.
//
//   node tests/conformance/schema-mock.mjs SPEC.json PORT
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

const [specFile, port] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile, "utf8"));
const prefix = new URL(spec.servers?.[0]?.url ?? "/", "http://x").pathname.replace(/\/$/, "");

function resolve(schema) {
  let seen = 0;
  while (schema?.$ref && seen++ < 20) {
    schema = schema.$ref.split("/").slice(1).reduce((node, key) => node?.[key], spec);
  }
  return schema ?? {};
}

/** A value for `schema`: its example, else one built from its parts. */
function sample(schema, depth = 0) {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (depth > 8) return null;
  if (s.allOf) return Object.assign({}, ...s.allOf.map((part) => sample(part, depth + 1)));
  if (s.oneOf || s.anyOf) return sample((s.oneOf ?? s.anyOf)[0], depth + 1);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case "array": return [sample(s.items, depth + 1)];
    case "object": return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, depth + 1)]));
    case "integer": case "number": return s.minimum ?? 0;
    case "boolean": return false;
    case "string": return s.format === "date" ? "2027-01-31" : s.format === "date-time" ? "2026-11-24T09:00:00Z" : "text";
    default: return null;
  }
}

const operations = Object.entries(spec.paths).flatMap(([template, item]) =>
  Object.entries(item).filter(([method]) => ["get", "post", "put", "delete", "patch"].includes(method)).map(([method, op]) => ({
    method: method.toUpperCase(),
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    op,
  })),
);

createServer((request, response) => {
  const path = new URL(request.url, "http://x").pathname.slice(prefix.length);
  const found = operations.find((o) => o.method === request.method && o.pattern.test(path));
  request.resume();
  if (!found) {
    response.writeHead(404, { "Content-Type": "application/problem+json" });
    return response.end(JSON.stringify({ type: "about:blank", title: "Not found", status: 404 }));
  }
  const [status, answer] = Object.entries(found.op.responses).find(([code]) => code.startsWith("2"));
  const schema = answer.content?.["application/json"]?.schema;
  if (!schema) {
    response.writeHead(Number(status));
    return response.end();
  }
  response.writeHead(Number(status), { "Content-Type": "application/json" });
  response.end(JSON.stringify(sample(schema)));
}).listen(Number(port), "127.0.0.1", () => console.log(`schema-mock: listening on ${port}`));
