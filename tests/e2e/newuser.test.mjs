// What a new user hit in the hands-on review, each pinned by a test: the funnel's
// clipped, tiny labels; a finished reflection turning back into a draft when opened;
// finishing an empty reflection; "Reflect" offered with rejection words on an offer;
// the stage lagging behind a recorded interview; "Ghosted?" on a back-dated entry the
// moment it is saved; and the new-application form's empty date.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshPage, launch, open, nav, addApplication, setItem, stored, waitForSaved, focused, DATA_KEY } from "./helpers.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The browser's local date, `offsetDays` from today, as YYYY-MM-DD. */
const isoDay = (offsetDays = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const OLD = "2026-01-01T09:00:00Z";

/** An application in the stored shape, created long ago unless told otherwise. */
function application(n, { company = `Firm ${n}`, role = "Recruiter", stages = ["applied"], created = OLD, extra = {} } = {}) {
  return {
    id: id(n), company, role, applied_on: "2026-01-01",
    history: stages.map((stage, i) => ({ stage, on: `2026-01-${String(1 + i).padStart(2, "0")}`, recorded_at: created })),
    created_at: created, updated_at: created, ...extra,
  };
}

/** Replaces the notebook with `data`: a schema 2 envelope with plain `data`, which is
 * what a backup holds and what the store reads as it is (see codec::decode). */
async function seed(page, data, path = "") {
  await setItem(page, DATA_KEY, JSON.stringify({ schema_version: 2, revision: 1, data }));
  await open(page, env.url, path);
}

for (const width of [1280, 375]) {
  test(`the funnel's labels are readable and never clipped, from 10 to 1,000 applications (${width} px)`, async (t) => {
    const { page } = await freshPage(env, t, { context: { viewport: { width, height: 900 } }, path: "" });
    for (const total of [10, 100, 1000]) {
      // Every application went out; a tenth reached an interview, a fiftieth an offer.
      const applications = Array.from({ length: total }, (_, i) => application(i, {
        stages: i % 50 === 0 ? ["applied", "interviewing", "offer"] : i % 10 === 0 ? ["applied", "interviewing"] : ["applied"],
      }));
      const interviewed = Math.ceil(total / 10);
      const offers = Math.ceil(total / 50);
      await seed(page, { applications });
      const chart = page.getByRole("img", { name: /^Application funnel:/ });
      await page.getByRole("img", { name: `Application funnel: ${total} applied, ${interviewed} reached an interview, ${offers} reached an offer.` }).waitFor();
      const texts = await chart.evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("text")].map((el) => {
          const r = el.getBoundingClientRect();
          const css = parseFloat(getComputedStyle(el).fontSize);
          // What reaches the screen: the CSS size times any scaling of the SVG's units.
          const scale = el.getScreenCTM()?.a ?? 1;
          return {
            text: el.textContent, css, rendered: css * scale,
            inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5,
            box: [r.left, r.top, r.right, r.bottom].map(Math.round).join(","), svg: [box.left, box.top, box.right, box.bottom].map(Math.round).join(","),
          };
        });
      });
      assert.deepEqual(
        texts.map((x) => x.text).sort(),
        ["Applied", "Interviewed", "Offer", String(total), String(interviewed), String(offers)].sort(),
        "every step's name and its full count are drawn",
      );
      for (const x of texts) {
        assert.ok(x.inside, `"${x.text}" (${x.box}) lies inside the chart (${x.svg}) with ${total} applications`);
        assert.ok(x.css >= 12 && x.rendered >= 12, `"${x.text}" is ${x.rendered.toFixed(1)} px on screen (at least 12) with ${total} applications`);
      }
    }
  });
}

const REJECTED = id(1);
const reflection = {
  id: "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", application_id: REJECTED, status: "complete", step: 5,
  skills: [{ id: "11111111-2222-4333-8444-555555555555", gap: "ER casework", action: "Shadow an ER case", action_kind: "project", status: "todo" }],
  opportunities: { stay_in_touch: true, reapply: "yes", other_roles: "People Ops Manager" },
  confidence: { did_well: ["Rapport"], rating: 6, next_step: "Apply to two ER-heavy roles" },
  created_at: "2026-02-10T10:00:00Z", updated_at: "2026-02-12T10:00:00Z", completed_at: "2026-02-12T10:00:00Z",
};

test("editing a finished reflection keeps it finished; Done returns to the summary, and each section links to its step", async (t) => {
  const { page } = await freshPage(env, t, { path: "" });
  await seed(page, {
    applications: [application(1, { company: "Initrode", stages: ["applied", "rejected"] })],
    reflections: [reflection],
  }, `reflect/${REJECTED}`);
  await page.getByRole("heading", { level: 1, name: "Reflection: Recruiter at Initrode" }).waitFor();

  // Answered steps show with an edit link each; empty ones are not empty headings.
  const main = page.getByRole("main");
  for (const name of ["1. Gain career skills", "3. Create new opportunities", "5. Build your confidence"]) {
    await main.getByRole("heading", { level: 2, name }).waitFor();
  }
  for (const name of ["2. Improve interview techniques", "4. Enjoy free mentoring"]) {
    assert.equal(await main.getByRole("heading", { name }).count(), 0, `no empty "${name}" section`);
  }
  const skipped = page.getByRole("region", { name: "Not answered" });
  await skipped.getByRole("link", { name: "4. Enjoy free mentoring" }).waitFor();

  // Straight to step 3 from its section; the reflection stays complete.
  await page.getByRole("link", { name: "Edit step 3: Create new opportunities" }).click();
  await page.getByText("Step 3 of 5").waitFor();
  await page.getByRole("heading", { level: 1, name: "Edit reflection: Recruiter at Initrode" }).waitFor();
  await page.getByLabel("Other roles there that could suit you").fill("People Ops Lead");
  await waitForSaved(page, (e) => e.data.reflections[0].opportunities.other_roles === "People Ops Lead");
  assert.equal((await stored(page)).data.reflections[0].status, "complete", "opening and editing keeps it complete");

  // While it is open for editing, nothing lists it as unfinished.
  await nav(page, "Reflect").click();
  await page.getByRole("link", { name: "View: Recruiter at Initrode" }).waitFor();
  await page.getByText(/Recruiter at Initrode · Complete/).waitFor();
  await nav(page, "Dashboard").click();
  const todayList = page.getByRole("region", { name: "Today" });
  await todayList.getByRole("heading", { name: "Today" }).waitFor();
  assert.equal(await todayList.getByRole("link", { name: /^(Reflect|Continue reflecting): .*Initrode/ }).count(), 0, "no reflection waiting in Today");

  // The whole-reflection edit link, moving between steps, then Done on any step.
  await page.goBack();
  await page.getByRole("link", { name: "View: Recruiter at Initrode" }).click();
  await page.getByRole("link", { name: "Edit reflection" }).click();
  await page.getByText("Step 1 of 5").waitFor();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("Step 2 of 5").waitFor();
  assert.equal(await page.getByRole("button", { name: "Finish and see summary" }).count(), 0, "nothing to finish again");
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("heading", { level: 1, name: "Reflection: Recruiter at Initrode" }).waitFor();
  await page.getByText("Other roles: People Ops Lead").waitFor();
  const r = (await stored(page)).data.reflections[0];
  assert.equal(r.status, "complete");
  assert.equal(r.completed_at, "2026-02-12T10:00:00Z", "still the day it was finished");
});

test("an empty reflection asks before finishing, then shows no empty sections", async (t) => {
  const { page } = await freshPage(env, t, { path: "" });
  await seed(page, {
    applications: [
      application(1, { company: "Initrode", stages: ["applied", "rejected"] }),
      application(2, { company: "Hooli", stages: ["applied", "rejected"] }),
    ],
  }, `reflect/${id(1)}`);
  for (let step = 1; step < 5; step++) {
    await page.getByText(`Step ${step} of 5`).waitFor();
    if (step === 1) await page.getByRole("button", { name: "Add a gap" }).click(); // a row left empty is still nothing
    await page.getByRole("button", { name: "Next" }).click();
  }
  await page.getByText("Step 5 of 5").waitFor();
  await page.getByRole("button", { name: "Finish and see summary" }).click();

  // An in-page question (any window dialog fails this test), focused so it is heard.
  const confirm = page.getByRole("group", { name: "Finish without writing anything?" });
  await confirm.waitFor();
  assert.ok(await focused(confirm.getByRole("heading")), "focus moves to the question");
  await page.waitForTimeout(600); // longer than the save debounce
  assert.equal((await stored(page)).data.reflections[0].status, "draft", "not finished without an answer");
  await confirm.getByRole("button", { name: "Keep writing" }).click();
  await confirm.waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Finish and see summary" }).click();
  await confirm.getByRole("button", { name: "Finish anyway" }).click();

  await page.getByRole("heading", { level: 1, name: "Reflection: Recruiter at Initrode" }).waitFor();
  await waitForSaved(page, (e) => e.data.reflections[0].status === "complete");
  const main = page.getByRole("main");
  assert.equal(await main.getByRole("heading", { level: 2, name: /^\d\. / }).count(), 0, "no empty section headings");
  assert.equal(await main.getByText(/^Next step:/).count(), 0, 'no "Next step:" with nothing after it');
  const none = page.getByRole("region", { name: "Nothing written yet" });
  assert.equal(await none.getByRole("link").count(), 5, "every step is one click away");

  // One answer is enough to finish straight away, and only that section shows.
  await open(page, env.url, `reflect/${id(2)}`);
  await page.getByRole("button", { name: /Build your confidence/ }).click();
  await page.getByLabel("My next step").fill("Ask a friend for a mock interview");
  await page.getByRole("button", { name: "Finish and see summary" }).click();
  await page.getByRole("heading", { level: 1, name: "Reflection: Recruiter at Hooli" }).waitFor();
  assert.equal(await page.getByRole("group", { name: "Finish without writing anything?" }).count(), 0);
  await main.getByRole("heading", { level: 2, name: "5. Build your confidence" }).waitFor();
  await page.getByText("Next step: Ask a friend for a mock interview").waitFor();
  assert.equal(await main.getByRole("heading", { level: 2, name: /^[1-4]\. / }).count(), 0);
});

test("Reflect is offered only where it fits, in words that fit the stage", async (t) => {
  const { page } = await freshPage(env, t, { path: "" });
  const stages = {
    offer: ["applied", "interviewing", "offer"],
    accepted: ["applied", "offer", "accepted"],
    applied: ["applied"],
    interviewing: ["applied", "interviewing"],
    rejected: ["applied", "rejected"],
    ghosted: ["applied", "ghosted"],
    withdrawn: ["applied", "withdrawn"],
    declined: ["applied", "offer", "declined"],
  };
  const keys = Object.keys(stages);
  await seed(page, { applications: keys.map((k, i) => application(i, { company: `Stage ${k}`, stages: stages[k] })) });
  const expected = {
    offer: null, accepted: null, applied: null, interviewing: null,
    rejected: "Reflect on this rejection",
    ghosted: "Reflect, even without an answer",
    withdrawn: "Reflect on why you stepped back",
    declined: "Reflect on your decision",
  };
  for (const [i, k] of keys.entries()) {
    await open(page, env.url, `applications/${id(i)}`);
    await page.getByRole("heading", { level: 1, name: new RegExp(`Stage ${k}`) }).waitFor();
    const links = await page.getByRole("main").getByRole("link", { name: /reflect/i }).allInnerTexts();
    assert.deepEqual(links, expected[k] ? [expected[k]] : [], `${k}: ${JSON.stringify(links)}`);
    if (k !== "rejected") assert.equal(await page.getByRole("main").getByText(/rejection/i).count(), 0, `${k}: no rejection wording`);
  }
});

test("recording an interview offers to move the stage to Interviewing, dated, in one tap", async (t) => {
  const { page } = await freshPage(env, t, { path: "" });
  await addApplication(page, { company: "Vandelay", role: "Talent Partner", applied: isoDay(-20) });
  await page.getByRole("button", { name: "Add interview round" }).click();
  await page.getByLabel("Interview date").fill(isoDay(-6));
  await page.getByRole("button", { name: "Save round" }).click();

  const prompt = page.getByRole("note").filter({ has: page.getByRole("heading", { name: "Move to Interviewing?" }) });
  await prompt.getByText(/the stage still says Applied/).waitFor();
  await prompt.getByRole("button", { name: "Move to Interviewing" }).click();
  await page.locator(".page-head").getByText("Interviewing").waitFor();
  await prompt.waitFor({ state: "detached" });
  const saved = await waitForSaved(page, (e) => e.data.applications[0].history.at(-1).stage === "interviewing");
  assert.equal(saved.data.applications[0].history.at(-1).on, isoDay(-6), "dated the day of the interview");
  const timeline = await page.locator(".timeline li").allInnerTexts();
  assert.equal(timeline.length, 2);
  assert.match(timeline[1], /Interviewing/);
  await page.waitForFunction(() => document.activeElement?.id === "timeline"); // focus goes to where the change shows

  // "Not now" hides it, and it stays hidden while the page is used.
  await addApplication(page, { company: "Kramerica", role: "HR Officer" });
  await page.getByRole("button", { name: "Add interview round" }).click();
  await page.getByRole("button", { name: "Save round" }).click();
  await prompt.getByRole("button", { name: "Not now" }).click();
  await prompt.waitFor({ state: "detached" });
  await page.getByLabel("Contact name").fill("Cosmo");
  await page.getByRole("button", { name: "Add contact" }).click();
  await page.getByText("Cosmo").first().waitFor();
  assert.equal(await prompt.count(), 0, "still dismissed after another edit");
  const after = await waitForSaved(page, (e) => e.data.applications[1]?.contacts?.length === 1);
  assert.equal(after.data.applications[1].history.at(-1).stage, "applied", "nothing changed by itself");
});

test("a back-dated entry is not called ghosted the moment it is saved", async (t) => {
  const { page } = await freshPage(env, t, { path: "" });
  await addApplication(page, { company: "Old News Ltd", role: "Recruiter", applied: isoDay(-39) });
  await waitForSaved(page, (e) => e.data.applications.length === 1);
  assert.equal(await page.getByRole("note").filter({ hasText: "Ghosted?" }).count(), 0, "no Ghosted? on its page");
  await nav(page, "Dashboard").click();
  await page.getByRole("heading", { name: "Funnel" }).waitFor();
  assert.equal(await page.getByRole("region", { name: "Ghosted?" }).count(), 0, "nor on the dashboard");

  // An entry that has been here a while, with no news for as long, is still asked about.
  const created = new Date(Date.now() - 40 * 86_400_000).toISOString();
  await seed(page, { applications: [{ ...application(1, { company: "Quiet Co", created }), applied_on: isoDay(-40), history: [{ stage: "applied", on: isoDay(-40), recorded_at: created }] }] });
  await page.getByRole("region", { name: "Ghosted?" }).getByRole("link", { name: /Quiet Co/ }).click();
  await page.getByRole("note").filter({ hasText: "Ghosted?" }).getByText("No news for 40 days").waitFor();
});

test("the new-application form starts at Applied, today", async (t) => {
  const { page } = await freshPage(env, t, { path: "applications/new" });
  assert.equal(await page.getByLabel("Stage").inputValue(), "applied");
  assert.equal(await page.getByLabel("Date applied").inputValue(), isoDay(0));
  // Saved for later has not been applied for: the default date goes, and comes back.
  await page.getByLabel("Stage").selectOption({ label: "Saved" });
  assert.equal(await page.getByLabel("Date applied").inputValue(), "");
  await page.getByLabel("Stage").selectOption({ label: "Applied" });
  assert.equal(await page.getByLabel("Date applied").inputValue(), isoDay(0));
  await page.getByLabel("Company").fill("Today Inc");
  await page.getByLabel("Role").fill("Coordinator");
  await page.getByRole("button", { name: "Save application" }).click();
  await page.getByRole("heading", { level: 1, name: /Today Inc/ }).waitFor();
  const saved = await waitForSaved(page, (e) => e.data.applications.length === 1);
  assert.equal(saved.data.applications[0].applied_on, isoDay(0));
});
