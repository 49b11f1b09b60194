// The reflection wizard, end to end and by keyboard only: pull feedback items in,
// reload mid-way and resume at the same step, finish, export Markdown, see the
// insights update, then reopen and edit.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshPage, launch, open, nav, download, setItem, stored, waitForSaved, tabTo, DATA_KEY, ENGINES } from "./helpers.mjs";

// One flow, run in each engine (each describe launches its own; they run one after another).
let env;
for (const engine of ENGINES) describe(engine, () => {
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });
  test("a full reflection by keyboard only, resumed after a reload, then exported, summarised and reopened", (t) => fullReflection(t));
});

const APP_ID = "5d0c2b9a-1e2f-4a3b-8c4d-5e6f7a8b9c0d";
const seed = JSON.stringify({
  schema_version: 1,
  saved_at: "2026-03-02T09:15:00.000Z",
  revision: 1,
  data: {
    applications: [{
      id: APP_ID,
      company: "Initrode",
      role: "Recruiter",
      history: [
        { stage: "applied", on: "2026-02-01", recorded_at: "2026-02-01T10:00:00Z" },
        { stage: "rejected", on: "2026-02-20", recorded_at: "2026-02-20T10:00:00Z" },
      ],
      feedback: {
        status: "received",
        verbatim: "Lovely to meet you. Answers ran long and we missed numbers.",
        went_well: ["Warm rapport"],
        to_change: ["Quantify impact", "Shorter answers"],
      },
      created_at: "2026-02-01T10:00:00Z",
      updated_at: "2026-02-20T10:00:00Z",
    }],
  },
});

async function fullReflection(t) {
  // Fails the test on any uncaught page error or dialog.
  const { page } = await freshPage(env, t, { path: "" });
  await setItem(page, DATA_KEY, seed);
  await open(page, env.url, "reflect");

  const kb = page.keyboard;
  await tabTo(page, page.getByRole("link", { name: "Start reflecting: Recruiter at Initrode" }));
  await kb.press("Enter");
  await page.getByText("Step 1 of 5").waitFor();
  const wizard = page.getByRole("main");

  // Step 1: pull a "to change" item in as a gap, add a second gap by hand.
  await tabTo(page, wizard.getByRole("button", { name: "Add as a gap: Quantify impact" }));
  await kb.press("Enter");
  await tabTo(page, page.getByLabel("Gap 1: what I'll do"));
  await kb.type("Build a metrics portfolio");
  await tabTo(page, page.getByRole("button", { name: "Add a gap" }));
  await kb.press("Enter");
  await tabTo(page, page.getByLabel("Gap 2: skill or experience"));
  await kb.type("Advanced Excel");
  await tabTo(page, page.getByRole("button", { name: "Next" }));
  await kb.press("Enter");
  await page.getByText("Step 2 of 5").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "step-title", "focus moves to the new step");

  // Step 2: one pulled in (improve), one kept, one dropped with the arrow keys.
  await tabTo(page, wizard.getByRole("button", { name: "Add as a technique to improve: Shorter answers" }));
  await kb.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Add a technique" }));
  await kb.press("Enter");
  await tabTo(page, page.getByLabel("Technique 2: what I did"));
  await kb.type("STAR answers");
  await tabTo(page, page.getByRole("button", { name: "Add a technique" }));
  await kb.press("Enter");
  await tabTo(page, page.getByLabel("Technique 3: what I did"));
  await kb.type("Opening joke");
  await kb.press("Tab"); // into the radio group, on the checked "Keep"
  await kb.press("ArrowRight");
  await kb.press("ArrowRight");
  await kb.press("Tab");
  await kb.type("Fell flat");
  await waitForSaved(page, (env) => env.data.reflections[0]?.techniques?.[2]?.verdict === "drop" && env.data.reflections[0].techniques[2].note === "Fell flat");

  // Reload in the middle: the draft resumes at step 2 with every answer kept.
  await page.reload();
  await page.getByText("Step 2 of 5").waitFor();
  assert.equal(await page.getByLabel("Technique 1: what I did").inputValue(), "Shorter answers");
  assert.equal(await page.getByLabel("Technique 3: what I did").inputValue(), "Opening joke");
  assert.equal(await page.getByRole("radio", { name: "Drop" }).nth(2).isChecked(), true);
  assert.equal(await page.getByRole("radio", { name: "Improve" }).nth(0).isChecked(), true);
  await tabTo(page, page.getByRole("button", { name: /Gain career skills/ }));
  await kb.press("Enter");
  await page.getByText("Step 1 of 5").waitFor();
  assert.equal(await page.getByLabel("Gap 1: skill or experience").inputValue(), "Quantify impact");
  assert.equal(await page.getByLabel("Gap 1: what I'll do").inputValue(), "Build a metrics portfolio");
  assert.equal(await page.getByLabel("Gap 2: skill or experience").inputValue(), "Advanced Excel");
  await tabTo(page, page.getByRole("button", { name: /Create new opportunities/ }));
  await kb.press("Enter");

  // Step 3.
  await page.getByText("Step 3 of 5").waitFor();
  await tabTo(page, page.getByLabel("Stay in touch with them"));
  await kb.press("Space");
  await tabTo(page, page.getByLabel("Other roles there that could suit you"));
  await kb.type("People Ops Partner");
  await tabTo(page, page.getByRole("button", { name: "Next" }));
  await kb.press("Enter");

  // Step 4.
  await page.getByText("Step 4 of 5").waitFor();
  await tabTo(page, page.getByLabel("What did you learn about yourself?"));
  await kb.type("I rush when nervous.");
  await tabTo(page, wizard.getByRole("button", { name: "Use as the thing to try: Shorter answers" }));
  await kb.press("Enter");
  assert.equal(await page.getByLabel("One thing to try differently next time").inputValue(), "Shorter answers");
  await tabTo(page, page.getByRole("button", { name: "Next" }));
  await kb.press("Enter");

  // Step 5: what went well first, then confidence and the next step.
  await page.getByText("Step 5 of 5").waitFor();
  await tabTo(page, wizard.getByRole("button", { name: "Add to what I did well: Warm rapport" }));
  await kb.press("Enter");
  await tabTo(page, page.getByLabel("Did well 2"));
  await kb.type("Clear examples");
  await tabTo(page, page.getByLabel("Did well 3"));
  await kb.type("Good questions");
  // Confidence is a row of radio buttons: Space picks 1, the arrow keys move to 7.
  await tabTo(page, page.getByRole("radio", { name: "1", exact: true }));
  await kb.press("Space");
  for (let i = 0; i < 6; i++) await kb.press("ArrowRight");
  assert.equal(await page.getByRole("radio", { name: "7", exact: true }).isChecked(), true);
  await tabTo(page, page.getByLabel("My next step"));
  await kb.type("Apply to two ER-heavy roles");
  assert.equal(await page.getByLabel("Did well 1").inputValue(), "Warm rapport");
  await tabTo(page, page.getByRole("button", { name: "Finish and see summary" }));
  await kb.press("Enter");

  // The summary, and its Markdown.
  await page.getByRole("heading", { level: 1, name: "Reflection: Recruiter at Initrode" }).waitFor();
  await page.getByText("Confidence now: 7 out of 10").waitFor();
  const md = await download(page, async () => {
    await tabTo(page, page.getByRole("button", { name: "Download as Markdown" }));
    await kb.press("Enter");
  });
  assert.match(md.name, /^knockback-reflection-initrode-\d{4}-\d{2}-\d{2}\.md$/);
  for (const line of [
    "# Reflection: Recruiter at Initrode",
    "- **Quantify impact**: Build a metrics portfolio (practice) [to do]",
    "- **Advanced Excel** [to do]",
    "- Shorter answers: **improve**",
    "- STAR answers: **keep**",
    "- Opening joke: **drop** (Fell flat)",
    "- Stay in touch: yes",
    "- Other roles there: People Ops Partner",
    "**What I learned about myself:** I rush when nervous.",
    "**One thing to try differently:** Shorter answers",
    "- Did well: Warm rapport",
    "- Did well: Good questions",
    "- Confidence: 7/10",
    "- Next step: Apply to two ER-heavy roles",
  ]) assert.ok(md.text.includes(line), `Markdown has ${JSON.stringify(line)}`);
  await waitForSaved(page, (env) => env.data.reflections[0]?.status === "complete");

  // Insights: plan, board, chart and wins reflect it.
  await nav(page, "Insights").click();
  const plan = page.getByRole("region", { name: "Development plan" });
  await plan.getByRole("heading", { name: "Quantify impact" }).waitFor();
  await plan.getByRole("combobox", { name: "Status of Quantify impact" }).selectOption({ label: "Done" });
  await waitForSaved(page, (env) => env.data.reflections[0].skills[0].status === "done");
  const board = page.getByRole("region", { name: "Technique board" });
  await board.getByRole("region", { name: "Keep (1)" }).getByText("STAR answers").waitFor();
  await board.getByRole("region", { name: "Improve (1)" }).getByText("Shorter answers").waitFor();
  await board.getByRole("region", { name: "Drop (1)" }).getByText("Opening joke").waitFor();
  await page.getByRole("img", { name: /Confidence over time: one rating, 7 out of 10/ }).waitFor();
  await page.getByRole("cell", { name: "7 / 10" }).waitFor();
  await page.getByRole("region", { name: "Wins log" }).getByText("Clear examples").waitFor();

  // Reopen and edit: it stays complete, and "Done" returns to the summary.
  await open(page, env.url, `reflect/${APP_ID}`);
  await page.getByRole("link", { name: "Edit reflection" }).click();
  await page.getByText("Step 1 of 5").waitFor();
  await page.getByRole("button", { name: /Build your confidence/ }).click();
  await page.getByLabel("My next step").fill("Book a mock interview");
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByText("Next step: Book a mock interview").waitFor();
  await waitForSaved(page, (env) => env.data.reflections[0].status === "complete" && env.data.reflections[0].confidence.next_step === "Book a mock interview");
  const r = (await stored(page)).data.reflections[0];
  assert.equal(r.skills.length, 2, "reopening keeps every answer");
}
