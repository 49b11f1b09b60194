// The dashboard's Today list and the .ics file: a notebook with a follow-up due, an
// interview today at a set time, a plan target due, a saved role closing tomorrow, a
// reconnect date and rejections waiting for a reflection shows each, in order, one tap from its action; the calendar
// file carries the timed interview in its zone, alarms, the plan and reconnect dates,
// and the same UIDs on every download. Also: the kind empty state, rates by source.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freshPage, launch, open, nav, download, setItem, DATA_KEY, ROOT, ENGINES } from "./helpers.mjs";

const isoDay = (offsetDays = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const compact = (iso) => iso.replaceAll("-", "");

const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const CREATED = "2026-01-01T09:00:00Z";
const NORTHWIND = id(1);
const CONTOSO = id(2);
const INITECH = id(3);
const GLOBEX = id(4);
const UMBRELLA = id(5);
const ROUND = id(20);
const GAP = id(30);
const REFLECTION = id(40);

function application(appId, company, role, stages, extra = {}) {
  return {
    id: appId, company, role, applied_on: isoDay(-30),
    history: stages.map((stage, i) => ({ stage, on: isoDay(-30 + i * 5), recorded_at: CREATED })),
    created_at: CREATED, updated_at: CREATED, ...extra,
  };
}

/** One of each kind of Today item. */
function notebook() {
  return {
    applications: [
      application(NORTHWIND, "Northwind", "HR Coordinator", ["applied", "rejected"], {
        source: "Referral",
        feedback: { status: "awaiting", asked_on: isoDay(-8), follow_up_due: isoDay(-1) },
      }),
      application(CONTOSO, "Contoso", "Recruitment Partner", ["applied", "interviewing"], {
        source: "Referral",
        interviews: [{
          id: ROUND, date: isoDay(0), kind: "video", start_time: "14:30:00",
          time_zone: "Europe/Berlin", place: "https://meet.example/contoso",
        }],
      }),
      application(INITECH, "Initech", "Talent Lead", ["applied", "interviewing", "rejected"], { source: "Referral" }),
      application(GLOBEX, "Globex", "Recruiter", ["applied", "rejected"], { source: "Job board" }),
      application(UMBRELLA, "Umbrella", "People Partner", ["saved"], { applied_on: undefined, closing_on: isoDay(1) }),
    ],
    reflections: [{
      id: REFLECTION, application_id: INITECH, status: "complete", step: 5,
      skills: [{ id: GAP, gap: "Metrics", action: "Build a metrics portfolio", action_kind: "practice", target_date: isoDay(0), status: "todo" }],
      opportunities: { reconnect_on: isoDay(1), reapply: "yes" },
      created_at: CREATED, updated_at: CREATED, completed_at: CREATED,
    }],
  };
}

async function seed(page, env, data) {
  await setItem(page, DATA_KEY, JSON.stringify({ schema_version: 3, revision: 1, data }));
  await open(page, env.url, "");
}

const AXE = readFileSync(join(ROOT, "tools/node_modules/axe-core/axe.min.js"), "utf8");

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });
  const chromiumOnly = engine === "chromium" ? test : () => {};

  for (const scheme of ["light", "dark"]) {
    chromiumOnly(`a full Today list passes axe (${scheme})`, async (t) => {
      const { page } = await freshPage(env, t, { context: { colorScheme: scheme }, path: "" });
      await seed(page, env, notebook());
      await page.getByRole("region", { name: "Today" }).getByRole("link", { name: /^Join call:/ }).waitFor();
      await page.getByRole("region", { name: "What works, by source" }).waitFor();
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      });
      assert.deepEqual(violations, []);
    });
  }

  test("Today lists each item with its time, and each action leads to its page", async (t) => {
    const { page } = await freshPage(env, t, { path: "" });
    await seed(page, env, notebook());
    const today = page.getByRole("region", { name: "Today" });
    await today.getByRole("link", { name: /^Prepare:/ }).waitFor();

    const rows = await page.evaluate(() =>
      [...document.querySelectorAll(".today-list > li")].map((li) => li.innerText.replace(/\s+/g, " ").trim()));
    assert.equal(rows.length, 7, rows.join("\n"));
    assert.match(rows[0], /^Overdue since .* Follow up on feedback · HR Coordinator at Northwind Follow up$/);
    assert.match(rows[1], /^Today Plan: Build a metrics portfolio · Talent Lead at Initech Open plan$/);
    assert.match(rows[2], /^Today · 14:30 \(Europe\/Berlin\) Video interview · Recruitment Partner at Contoso Join call Prepare$/, "a bare link shows as the button only");
    assert.match(rows[3], /^Tomorrow Applications close · People Partner at Umbrella Apply$/);
    assert.match(rows[4], /^Tomorrow Reconnect with Initech · Talent Lead at Initech Reconnect$/);
    assert.match(rows[5], /^Waiting since .* Reflect on this rejection · HR Coordinator at Northwind Reflect$/);
    assert.match(rows[6], /^Waiting since .* Reflect on this rejection · Recruiter at Globex Reflect$/);
    const join = today.getByRole("link", { name: "Join call: Video interview, Recruitment Partner at Contoso (opens in a new tab)" });
    assert.equal(await join.getAttribute("href"), "https://meet.example/contoso");

    // Every action is a real, labelled link at least 44 px tall.
    const heights = await page.evaluate(() =>
      [...document.querySelectorAll(".today-list a")].map((a) => a.getBoundingClientRect().height));
    assert.equal(heights.length, 8);
    for (const h of heights) assert.ok(h >= 44, `action ${h} px tall`);

    const follow = async (name, heading) => {
      await today.getByRole("link", { name }).click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await nav(page, "Dashboard").click();
      await today.getByRole("link", { name: /^Prepare:/ }).waitFor();
    };
    await follow("Follow up: Follow up on feedback, HR Coordinator at Northwind", /Northwind/);
    await follow("Prepare: Video interview, Recruitment Partner at Contoso", /Contoso/);
    await follow("Open plan: Plan: Build a metrics portfolio, Talent Lead at Initech", "Insights");
    await follow("Apply: Applications close, People Partner at Umbrella", /Umbrella/);
    await follow("Reconnect: Reconnect with Initech, Talent Lead at Initech", /Initech/);
    await follow("Reflect: Reflect on this rejection, Recruiter at Globex", /Globex/);
    assert.ok((await page.url()).endsWith("/"), "back on the dashboard");
  });

  test("the .ics file: a timed interview in its zone, alarms, a closing date, plan and reconnect dates, stable UIDs", async (t) => {
    const { page } = await freshPage(env, t, { path: "" });
    await seed(page, env, notebook());
    const button = page.getByRole("button", { name: "Download reminders (.ics)" });
    const first = await download(page, () => button.click());
    await page.getByText("Downloaded 5 reminders.", { exact: false }).waitFor();
    const second = await download(page, () => button.click());
    assert.equal(first.name, "knockback-reminders.ics");
    assert.ok(first.text.split("\r\n").every((l) => Buffer.byteLength(l) <= 75), "lines are folded at 75 octets");
    const lines = first.text.replace(/\r\n /g, "").split("\r\n");
    // Read as strict parsers (python's icalendar, ics.py) read it: every unfolded line a
    // NAME[;PARAM=VALUE]:VALUE content line, and every BEGIN closed by its END in order.
    const stack = [];
    for (const line of lines.filter(Boolean)) {
      assert.match(line, /^[A-Z][A-Z0-9-]*(;[A-Z0-9-]+=("[^"]*"|[^";:,]*)(,("[^"]*"|[^";:,]*))*)*:/, `a content line: ${line}`);
      if (line.startsWith("BEGIN:")) stack.push(line.slice(6));
      if (line.startsWith("END:")) assert.equal(stack.pop(), line.slice(4), `${line} closes what it opened`);
    }
    assert.deepEqual(stack, [], "every component is closed");
    const events = first.text.replace(/\r\n /g, "").split("BEGIN:VEVENT").slice(1);
    assert.equal(events.length, 5, "follow-up, interview, closing date, plan target, reconnect");
    const event = (uid) => {
      const e = events.find((x) => x.includes(`\r\nUID:${uid}\r\n`));
      assert.ok(e, `an event with UID ${uid}`);
      return e.split("\r\n");
    };

    const interview = event(`interview-${ROUND}@knockback`);
    assert.ok(interview.includes(`DTSTART;TZID=Europe/Berlin:${compact(isoDay(0))}T143000`), interview.join("\n"));
    assert.ok(interview.includes(`DTEND;TZID=Europe/Berlin:${compact(isoDay(0))}T153000`));
    assert.ok(interview.includes("LOCATION:https://meet.example/contoso"));
    assert.ok(interview.includes("BEGIN:VALARM") && interview.includes("TRIGGER:-PT60M"), "an hour's warning");
    // The zone it names is described, with the offset the browser knows for Berlin.
    const tz = lines.slice(lines.indexOf("BEGIN:VTIMEZONE"), lines.indexOf("END:VTIMEZONE"));
    assert.ok(tz.includes("TZID:Europe/Berlin"), tz.join("\n"));
    assert.ok(tz.some((l) => /^TZOFFSETTO:\+0[12]00$/.test(l)), tz.join("\n"));

    const plan = event(`plan-${GAP}@knockback`);
    assert.ok(plan.includes(`DTSTART;VALUE=DATE:${compact(isoDay(0))}`));
    assert.ok(plan.includes("SUMMARY:Plan target: Build a metrics portfolio"));
    assert.ok(plan.includes("TRIGGER:PT9H"), "the morning of");
    const reconnect = event(`reconnect-${REFLECTION}@knockback`);
    assert.ok(reconnect.includes(`DTSTART;VALUE=DATE:${compact(isoDay(1))}`));
    assert.ok(reconnect.includes("SUMMARY:Reconnect with Initech (Talent Lead)"));
    // The saved role's closing date: all day, warned at 09:00 the day before.
    const closing = event(`closing-${UMBRELLA}@knockback`);
    assert.ok(closing.includes(`DTSTART;VALUE=DATE:${compact(isoDay(1))}`), closing.join("\n"));
    assert.ok(closing.includes(`DTEND;VALUE=DATE:${compact(isoDay(2))}`), closing.join("\n"));
    assert.ok(closing.includes("SUMMARY:Applications close: People Partner at Umbrella"));
    assert.ok(closing.includes("TRIGGER:-PT15H"), "the morning before");
    const followUp = event(`follow-up-${NORTHWIND}@knockback`);
    assert.ok(followUp.includes(`DTSTART;VALUE=DATE:${compact(isoDay(-1))}`));

    const uids = (text) => text.replace(/\r\n /g, "").split("\r\n").filter((l) => l.startsWith("UID:"));
    assert.deepEqual(uids(second.text), uids(first.text), "the same UIDs on every download");
  });

  test("an empty Today is kind, and sources with enough applications show their rates", async (t) => {
    const { page } = await freshPage(env, t, { path: "" });
    const data = notebook();
    data.applications = [CONTOSO, NORTHWIND, INITECH].map((appId, i) =>
      application(appId, `Firm ${i}`, "Recruiter", i === 0 ? ["applied", "interviewing"] : ["applied"], { source: "Referral" }));
    data.reflections = [];
    await seed(page, env, data);
    const today = page.getByRole("region", { name: "Today" });
    await today.getByText("Nothing needs you today.", { exact: false }).waitFor();
    assert.equal(await today.getByRole("link").count(), 0);
    const sources = page.getByRole("region", { name: "What works, by source" });
    await sources.getByText("Referral → 33% reach interview (1 of 3)").waitFor();
  });

  test("many waiting reflections: three in Today, the rest one tap away", async (t) => {
    const { page } = await freshPage(env, t, { path: "" });
    const data = notebook();
    data.applications = [1, 2, 3, 4, 5].map((n) => application(id(100 + n), `Firm ${n}`, "Recruiter", ["applied", "rejected"]));
    data.reflections = [];
    await seed(page, env, data);
    const today = page.getByRole("region", { name: "Today" });
    await today.getByRole("link", { name: "See all 5 waiting reflections" }).waitFor();
    assert.equal(await today.getByRole("link", { name: /^Reflect:/ }).count(), 3);
    await today.getByRole("link", { name: "See all 5 waiting reflections" }).click();
    await page.getByRole("heading", { level: 1, name: "Reflect on a rejection" }).waitFor();
  });
});
