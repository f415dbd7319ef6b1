#!/usr/bin/env node
// The conformance kit's behavioural half: the rules the portal relies on that JSON Schema cannot
// say, checked against any backend that claims the contract. One line per rule, a summary, and
// a non-zero exit on any failure. (The schemas are checked by Schemathesis; see
// scripts/conformance.sh, which runs both.)
//
//   node tests/conformance/kit.mjs --base https://partners.example.com/api/v1 \
//     --partner-token T1 --other-partner-token T2 --ops-key K
//
// Needs two partner users of different companies (bearer tokens the backend accepts) and an
// operations API key. It registers a few deals named "Conformance …" and moves them along.
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: process.env.PORTAL_BASE },
    "partner-token": { type: "string", default: process.env.PORTAL_PARTNER_TOKEN },
    "other-partner-token": { type: "string", default: process.env.PORTAL_OTHER_PARTNER_TOKEN },
    "ops-key": { type: "string", default: process.env.PORTAL_OPS_KEY },
  },
});
for (const name of ["base", "partner-token", "other-partner-token", "ops-key"]) {
  if (!args[name]) {
    console.error(`conformance: --${name} is required (see the README, "Checking a backend")`);
    process.exit(2);
  }
}
const base = args.base.replace(/\/$/, "");
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** One request as a given caller; answers status, headers and JSON body (or null). */
async function call(token, method, path, body, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      Accept: "application/json",
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, body: json };
}
const partner = (...a) => call(args["partner-token"], ...a);
const other = (...a) => call(args["other-partner-token"], ...a);
const ops = (...a) => call(args["ops-key"], ...a);

class Broken extends Error {}
function expect(condition, message) {
  if (!condition) throw new Broken(message);
}
const inDays = (n) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
// Registrations name a product the backend's own catalogue offers (its first one).
const offered = await partner("GET", "/products").catch(() => null);
const PRODUCT = (Array.isArray(offered?.body) && offered.body[0]?.code) || "NW-EDGE";
const deal = (customer, product = PRODUCT) => ({
  customer_company: customer,
  contact: { name: "Élodie Martin", email: "elodie.martin@example.fr" },
  country: "FR",
  value: { amount_minor: 4_250_000, currency: "EUR" },
  expected_close_on: inDays(30),
  products: [product],
});
async function register(as, customer, product, key) {
  const reply = await as("POST", "/deals", deal(customer, product), key ? { "Idempotency-Key": key } : {});
  expect(reply.status === 201, `registering ${customer} answered ${reply.status}, not 201`);
  expect(typeof reply.body?.reference === "string", "a registered deal has a reference");
  return reply.body.reference;
}
/** Every line of the caller's earnings, page by page, with the raw text of each page. */
async function allEarnings(as, query = "") {
  const lines = [];
  const texts = [];
  let first = null;
  let cursor = null;
  for (let pages = 0; pages < 200; pages += 1) {
    const suffix = `limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const path = `/earnings?${query}${query ? "&" : ""}${suffix}`;
    const response = await fetch(`${base}${path}`, { headers: { Accept: "application/json", Authorization: `Bearer ${args["partner-token"]}` } });
    expect(response.status === 200, `GET ${path} answered ${response.status}`);
    const text = await response.text();
    texts.push(text);
    const page = JSON.parse(text);
    first ??= page;
    lines.push(...(page.lines ?? []));
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return { lines, totals: first.totals ?? [], total: first.total, texts };
}
const STATUSES = ["pending", "approved", "available", "paid", "declined"];
const references = (page) => (Array.isArray(page?.items) ? page.items.map((d) => d.reference) : []);

const rules = [
  ["conflicts answer 409 naming the reference", async () => {
    const customer = `Conformance Conflict ${run}`;
    const ours = await register(partner, customer, PRODUCT);
    const theirs = await other("POST", "/deals", deal(customer.toUpperCase(), PRODUCT));
    expect(theirs.status === 409, `a second company's registration answered ${theirs.status}, not 409`);
    expect(theirs.body?.conflicting_reference === ours, `409 names ${theirs.body?.conflicting_reference}, not ${ours}`);
  }],
  ["an idempotent retry creates one deal", async () => {
    const before = (await partner("GET", "/deals?limit=1")).body?.total;
    const key = `conformance-${run}`;
    const first = await register(partner, `Conformance Retry ${run}`, PRODUCT, key);
    const second = await register(partner, `Conformance Retry ${run}`, PRODUCT, key);
    expect(first === second, `the retry created ${second} besides ${first}`);
    const after = (await partner("GET", "/deals?limit=1")).body?.total;
    expect(after === before + 1, `total went from ${before} to ${after}, not up by one`);
  }],
  ["cursor pages stay stable while deals are added", async () => {
    // Newest change first: a deal registered between two pages goes to the top, and the second
    // page must still continue exactly where the first ended (an offset would repeat a row).
    const ten = references((await partner("GET", "/deals?limit=10")).body);
    const first = await partner("GET", "/deals?limit=5");
    expect(first.status === 200 && first.body?.next_cursor, "a first page of 5 with a next_cursor");
    await register(partner, `Conformance Paging ${run}`, PRODUCT);
    const second = await partner("GET", `/deals?limit=5&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(second.status === 200, `the next page answered ${second.status}`);
    const got = references(second.body);
    expect(ten.length === 10 && JSON.stringify(got) === JSON.stringify(ten.slice(5)), `the next page is ${got.join(", ") || "empty"}, not ${ten.slice(5).join(", ")}`);
  }],
  ["422 names the fields", async () => {
    const bad = { ...deal(" "), contact: { name: "Élodie Martin", email: "not-an-email" } };
    const reply = await partner("POST", "/deals", bad);
    expect(reply.status === 422, `an empty customer and a bad e-mail answered ${reply.status}, not 422`);
    const fields = (reply.body?.errors ?? []).map((e) => e.field);
    for (const field of ["customer_company", "contact.email"]) {
      expect(fields.includes(field), `the 422 does not name ${field} (it names ${fields.join(", ") || "nothing"})`);
    }
  }],
  ["ties rank 1, 2, 2, 4", async () => {
    const boards = await partner("GET", "/leaderboards");
    expect(boards.status === 200 && boards.body?.length > 0, "at least one board");
    for (const board of boards.body) {
      const page = await partner("GET", `/leaderboards/${encodeURIComponent(board.id)}?limit=100`);
      expect(page.status === 200, `board ${board.id} answered ${page.status}`);
      const entries = page.body?.entries ?? [];
      entries.forEach((entry, i) => {
        const higher = entries.filter((e) => e.score > entry.score).length;
        expect(entry.rank === higher + 1, `${board.id}: position ${i + 1} (score ${entry.score}) has rank ${entry.rank}, not ${higher + 1}`);
      });
    }
  }],
  ["a partner never sees another's data", async () => {
    const customer = `Conformance Private ${run}`;
    const ours = await register(partner, customer, PRODUCT);
    const direct = await other("GET", `/deals/${ours}`);
    expect(direct.status === 404, `another company reads our deal: ${direct.status}`);
    const listed = await other("GET", `/deals?limit=100&q=${encodeURIComponent(customer)}`);
    expect(!references(listed.body).includes(ours), "another company finds our deal by searching");
    const step = await other("POST", `/deals/${ours}/steps`, { step: "withdraw" });
    expect(step.status === 404, `another company withdraws our deal: ${step.status}`);
    const feed = await other("GET", "/notifications");
    expect(!JSON.stringify(feed.body ?? {}).includes(customer), "another company's feed mentions our customer");
  }],
  ["the deal conversation round-trips", async () => {
    const customer = `Conformance Conversation ${run}`;
    const reference = await register(partner, customer, PRODUCT);
    const step = (as, prefix, body) => as("POST", `${prefix}/deals/${reference}/steps`, body);
    expect((await step(ops, "/ops", { step: "start_review" })).status === 200, "the channel team starts a review");
    const question = "Which sites does the customer run?";
    const asked = await step(ops, "/ops", { step: "request_information", note: question });
    expect(asked.status === 200 && asked.body?.status === "more_info_requested", `asking answered ${asked.status} ${asked.body?.status}`);
    const seen = (await partner("GET", `/deals/${reference}`)).body;
    const last = seen?.timeline?.at(-1);
    expect(last?.step === "information_requested" && last?.note === question, "the partner sees the question on the timeline");
    const feed = (await partner("GET", "/notifications")).body;
    expect(feed?.items?.some((n) => n.kind === "deal_question" && n.subject?.id === reference && n.note === question), "the question is in the partner's notifications");
    const answered = await step(partner, "", { step: "answer", note: "Two: Lyon and Grenoble." });
    expect(answered.status === 200 && answered.body?.status === "under_review", `answering answered ${answered.status} ${answered.body?.status}`);
    const again = await step(partner, "", { step: "answer", note: "Twice?" });
    expect(again.status === 409, `answering twice answered ${again.status}, not 409`);
    const vendor = (await ops("GET", `/ops/deals/${reference}`)).body;
    expect(vendor?.timeline?.at(-1)?.note === "Two: Lyon and Grenoble.", "the channel team sees the answer");
    const until = inDays(90);
    const approved = await step(ops, "/ops", { step: "approve", protection_ends_on: until });
    expect(approved.body?.protection_expires_on === until, "approval sets the protection end");
    const after = (await partner("GET", `/deals/${reference}`)).body;
    expect(after?.status === "approved" && after?.protection_expires_on === until, "the partner sees the approval");
  }],
  ["the notification feed answers 304 while nothing changed", async () => {
    const first = await partner("GET", "/notifications");
    const tag = first.headers.get("etag");
    expect(first.status === 200 && tag, "the feed carries an ETag");
    const again = await partner("GET", "/notifications", undefined, { "If-None-Match": tag });
    expect(again.status === 304, `a poll with the same tag answered ${again.status}, not 304`);
  }],
  ["money: totals reconcile exactly with the lines", async () => {
    const { lines, totals, total } = await allEarnings(partner);
    expect(lines.length === total, `${lines.length} lines listed, ${total} said to match`);
    const sums = new Map();
    for (const line of lines) {
      const key = `${line.amount.currency} ${line.status}`;
      sums.set(key, (sums.get(key) ?? 0n) + BigInt(line.amount.amount_minor));
    }
    for (const t of totals) {
      for (const status of STATUSES) {
        const said = BigInt(t[`${status}_minor`]);
        const added = sums.get(`${t.currency} ${status}`) ?? 0n;
        expect(said === added, `${t.currency} ${status}: the totals say ${said}, the lines add up to ${added}`);
        sums.delete(`${t.currency} ${status}`);
      }
    }
    expect(sums.size === 0, `lines in ${[...sums.keys()].join(", ")} are missing from the totals`);
  }],
  ["money: amounts are whole minor units, never fractions", async () => {
    const { texts } = await allEarnings(partner);
    for (const text of texts) {
      const fraction = text.match(/"(amount_minor|[a-z]+_minor)"\s*:\s*-?\d+[.eE][^,}]*/);
      expect(!fraction, `an amount is not a whole number: ${fraction?.[0]}`);
    }
  }],
  ["money: a declined line always has its reason, a paid one its payout", async () => {
    const { lines } = await allEarnings(partner);
    for (const line of lines) {
      const reason = typeof line.declined_reason === "string" && line.declined_reason.trim() !== "";
      expect(reason === (line.status === "declined"), `${line.id} is ${line.status} ${reason ? "with" : "without"} a reason`);
      expect(line.status !== "paid" || typeof line.payout_id === "string", `${line.id} is paid without its payout`);
    }
  }],
  ["money: an open deal foretells its lines; the channel team declines with a reason the partner reads", async () => {
    const me = (await partner("GET", "/me")).body;
    const reference = await register(partner, `Conformance Money ${run}`, PRODUCT);
    const steps = `/ops/deals/${reference}/steps`;
    let expected = [];
    for (const body of [{ step: "start_review" }, { step: "approve", protection_ends_on: inDays(90) }, { step: "record_won" }]) {
      expected = (await partner("GET", `/deals/${reference}`)).body?.expected_earnings ?? [];
      const taken = await ops("POST", steps, body);
      expect(taken.status === 200, `${body.step} answered ${taken.status}`);
    }
    const { lines } = await allEarnings(partner, "status=pending");
    const line = lines.find((l) => l.deal_id === reference);
    expect(line, `winning ${reference} at ${me?.company?.tier ?? "its"} tier earned no pending line`);
    const key = (e) => `${e.kind} ${e.program ?? ""} ${e.amount.amount_minor} ${e.amount.currency}`;
    const earned = lines.filter((l) => l.deal_id === reference).map(key).sort().join(", ");
    const foretold = expected.map(key).sort().join(", ");
    expect(earned === foretold, `the open deal said it would earn [${foretold}], winning it earned [${earned}]`);
    const silent = await ops("PUT", `/ops/earnings/${line.id}`, { status: "declined" });
    expect(silent.status === 422 && silent.body?.errors?.some((e) => e.field === "reason"), `a decline without a reason answered ${silent.status}`);
    const reason = `Conformance check ${run}: not payable.`;
    const declined = await ops("PUT", `/ops/earnings/${line.id}`, { status: "declined", reason });
    expect(declined.status === 200 && declined.body?.declined_reason === reason, `declining answered ${declined.status}`);
    const seen = (await allEarnings(partner, "status=declined")).lines.find((l) => l.id === line.id);
    expect(seen?.declined_reason === reason, "the partner reads the reason on the line");
    const feed = (await partner("GET", "/notifications")).body;
    expect(feed?.items?.some((n) => n.kind === "earning_declined" && n.subject?.id === line.id && n.note === reason), "the partner is told, with the reason");
  }],
  ["funds: every request is counted once, where its money is; a refusal has its reason", async () => {
    const answer = await partner("GET", "/funds");
    expect(answer.status === 200, `GET /funds answered ${answer.status}`);
    const { funds = [], requests = [] } = answer.body ?? {};
    for (const fund of funds) {
      const sums = { requested: 0n, approved: 0n, claimed: 0n, paid: 0n };
      for (const r of requests.filter((r) => r.fund_id === fund.id)) {
        const amount = BigInt(r.amount_minor ?? 0), claim = r.claim;
        if (r.status === "submitted") sums.requested += amount;
        else if (r.status !== "pre_approved") continue;
        else if (!claim || claim.status === "declined") sums.approved += amount;
        else if (claim.status === "submitted") sums.claimed += BigInt(claim.claimed_minor);
        else if (claim.status === "paid") sums.paid += BigInt(claim.approved_minor ?? 0);
        else sums.claimed += BigInt(claim.approved_minor ?? 0);
      }
      const a = fund.amounts ?? {};
      for (const [name, sum] of Object.entries(sums)) {
        expect(BigInt(a[`${name}_minor`]) === sum, `${fund.id} ${name}: the fund says ${a[`${name}_minor`]}, its requests add up to ${sum}`);
      }
      const left = BigInt(a.allocated_minor) - sums.requested - sums.approved - sums.claimed - sums.paid;
      expect(BigInt(a.remaining_minor) === left, `${fund.id} remaining: said ${a.remaining_minor}, worked out ${left}`);
    }
    const told = (text) => typeof text === "string" && text.trim() !== "";
    for (const r of requests) {
      expect(told(r.declined_reason) === (r.status === "declined"), `${r.id} is ${r.status} ${told(r.declined_reason) ? "with" : "without"} a reason`);
      const c = r.claim;
      expect(!c || !["declined", "partly_approved"].includes(c.status) || told(c.reason), `${r.id}'s claim is ${c?.status} without a reason`);
    }
  }],
  ["each side's credentials stay on its side", async () => {
    const partnerOnOps = await partner("GET", "/ops/deals/DR-0000-00000");
    expect(partnerOnOps.status === 403, `a partner on the operations API answered ${partnerOnOps.status}, not 403`);
    const keyOnPartner = await ops("GET", "/me");
    expect(keyOnPartner.status === 403, `an API key on /me answered ${keyOnPartner.status}, not 403`);
  }],
];

let failed = 0;
for (const [name, check] of rules) {
  try {
    await check();
    console.log(`ok    ${name}`);
  } catch (error) {
    failed += 1;
    const why = error instanceof Broken ? error.message : `${error.name}: ${error.message}`;
    console.log(`FAIL  ${name}: ${why}`);
  }
}
console.log(`conformance: ${rules.length - failed} passed, ${failed} failed (${base})`);
process.exit(failed ? 1 : 0);
