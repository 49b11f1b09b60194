// The reflection wizard when no feedback came (self-review prompts from the user's own
// round notes and ratings), example answers, "Keep this technique", status lines that
// stay on their own step, the feedback block at the top, the summary's next actions,
// and loose patterns across reflections on Insights.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshPage, launch, open, setItem, waitForSaved, DATA_KEY, ENGINES } from "./helpers.mjs";

let env;
for (const engine of ENGINES) describe(engine, () => {
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });
  test("no feedback: self-review prompts quote the round notes and rating, with examples behind a toggle", (t) => noFeedback(t));
  test("with feedback: the block is on top and collapses; went well becomes a kept technique; status stays on its step; the summary counts actions", (t) => withFeedback(t));
  test("Insights finds a theme phrased three ways across reflections", (t) => loosePattern(t));
});

const NO_FB = "0a1b2c3d-0000-4000-8000-000000000001";
const WITH_FB = "0a1b2c3d-0000-4000-8000-000000000002";
const history = [
  { stage: "applied", on: "2026-02-01", recorded_at: "2026-02-01T10:00:00Z" },
  { stage: "rejected", on: "2026-02-20", recorded_at: "2026-02-20T10:00:00Z" },
];
const app = (id, company, role, extra = {}) => ({
  id, company, role, history,
  created_at: "2026-02-01T10:00:00Z", updated_at: "2026-02-20T10:00:00Z", ...extra,
});
// Three earlier reflections naming the same worry in different words.
const nerves = [["Interview nerves", {}], ["", { try_differently: "Nerves in interviews" }], ["Calm my interview nerves", {}]]
  .map(([gap, mentoring], i) => {
    const id = `0a1b2c3d-0000-4000-8000-00000000001${i}`;
    return {
      app: app(id, `Company ${i}`, "Recruiter"),
      reflection: {
        id: `0a1b2c3d-0000-4000-8000-00000000002${i}`, application_id: id, status: "complete", step: 5,
        skills: gap ? [{ id: `0a1b2c3d-0000-4000-8000-00000000003${i}`, gap }] : [],
        mentoring,
        created_at: `2026-01-0${i + 1}T10:00:00Z`, updated_at: `2026-01-0${i + 1}T10:00:00Z`,
        completed_at: `2026-01-0${i + 1}T10:00:00Z`,
      },
    };
  });

const seed = JSON.stringify({
  schema_version: 1,
  saved_at: "2026-03-02T09:15:00.000Z",
  revision: 1,
  data: {
    applications: [
      app(NO_FB, "Umbrella", "Product Designer", {
        notes: "They wanted more user research",
        interviews: [{ id: "0a1b2c3d-0000-4000-8000-0000000000a1", date: "2026-02-10", kind: "technical", notes: "Case study: ran out of time", self_rating: 2 }],
        feedback: { status: "no_reply" },
      }),
      app(WITH_FB, "Initrode", "Recruiter", {
        feedback: {
          status: "received",
          verbatim: "Lovely to meet you. Answers ran long.",
          went_well: ["Warm rapport"],
          to_change: ["Shorter answers"],
        },
      }),
      ...nerves.map((n) => n.app),
    ],
    reflections: nerves.map((n) => n.reflection),
  },
});

async function start(t, path) {
  const { page } = await freshPage(env, t, { path: "" });
  await setItem(page, DATA_KEY, seed);
  await open(page, env.url, path);
  return page;
}

async function noFeedback(t) {
  const page = await start(t, `reflect/${NO_FB}`);
  await page.getByText("Step 1 of 5").waitFor();
  const main = page.getByRole("main");
  const review = main.getByRole("region", { name: "Questions from your own notes" });

  // Step 1 asks from the user's own view, quoting the round and the role.
  await review.getByText("What does a Product Designer at this level need that you'd like to show better?").waitFor();
  await review.getByText(/You rated the technical round \(10 Feb\) 2\/5 and noted “Case study: ran out of time”\. Was a skill/).waitFor();
  await review.getByText(/“They wanted more user research”/).waitFor();
  await review.getByText("You rated it 2/5").waitFor();
  await review.getByText("Case study: ran out of time", { exact: true }).waitFor();
  const text = await main.innerText();
  assert.ok(!text.includes("did they say was missing"), "no question assumes feedback came");
  assert.ok(!text.includes("What they told you"), "no empty feedback block");

  // Examples are folded away until asked for.
  // (Whether a folded block's content counts as visible differs by engine: read `open`.)
  const examplesOpen = () => main.locator("details.examples").evaluate((d) => d.open);
  assert.equal(await examplesOpen(), false, "the example starts folded");
  await main.getByText("See an example", { exact: true }).click();
  assert.equal(await examplesOpen(), true);
  await main.getByText(/Gap: showing impact with numbers/).waitFor();
  await page.getByRole("button", { name: "Add a gap" }).click();
  assert.equal(await page.getByLabel("Gap 1: skill or experience").getAttribute("placeholder"), "e.g. Showing impact with numbers");

  // Step 2 turns the low rating into a question about what to do differently.
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("Step 2 of 5").waitFor();
  await review.getByText("You rated the technical round (10 Feb) 2/5 and noted “Case study: ran out of time”. What would you do differently?").waitFor();
  assert.equal(await examplesOpen(), false, "a new step's example starts folded again");
  await main.getByText("See an example", { exact: true }).click();
  assert.equal(await examplesOpen(), true);
  await main.getByText(/Improve: the case study/).waitFor();

  // Step 5: something done well becomes a technique to keep; its status line stays on step 5.
  await page.getByRole("button", { name: /Build your confidence/ }).click();
  await page.getByText("Step 5 of 5").waitFor();
  await page.getByLabel("Did well 1").fill("Clear portfolio walkthrough");
  await page.getByRole("button", { name: "Keep this technique: Clear portfolio walkthrough" }).click();
  const status = main.locator("p.step-status");
  await main.getByText("Kept “Clear portfolio walkthrough” as a technique.").waitFor();
  await main.getByText("✓ Kept on your technique board").waitFor();
  await main.getByRole("button", { name: "Back", exact: true }).click();
  await page.getByText("Step 4 of 5").waitFor();
  assert.equal((await status.textContent()).trim(), "", "the status line does not follow to step 4");
  await waitForSaved(page, (s) => {
    const r = s.data.reflections.find((r) => r.application_id === NO_FB);
    return r.techniques.length === 1 && r.techniques[0].name === "Clear portfolio walkthrough" && r.techniques[0].verdict === "keep";
  });
}

async function withFeedback(t) {
  const page = await start(t, `reflect/${WITH_FB}`);
  await page.getByText("Step 1 of 5").waitFor();
  const main = page.getByRole("main");
  const mine = (s) => s.data.reflections.find((r) => r.application_id === WITH_FB);

  // The feedback block opens each step, above the step's own question and form.
  const summary = main.getByText("What they told you (2 points)");
  await summary.waitFor();
  const onTop = () => main.evaluate((el) => {
    const block = el.querySelector("section.step details.feedback-block");
    const question = el.querySelector("section.step .step-question");
    return !!block && !!question && !!(block.compareDocumentPosition(question) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.equal(await onTop(), true, "feedback block before the step's question");
  assert.equal(await main.getByRole("region", { name: "Questions from your own notes" }).count(), 0, "no self-review when feedback exists");
  const pullGap = main.getByRole("button", { name: "Add as a gap: Shorter answers" });
  const blockOpen = () => main.locator("details.feedback-block").evaluate((d) => d.open);
  assert.equal(await blockOpen(), true, "open to start with");
  await summary.click();
  assert.equal(await blockOpen(), false, "collapsed");
  await summary.click();
  assert.equal(await blockOpen(), true, "open again");
  await pullGap.waitFor();

  // A status line belongs to its step.
  await pullGap.click();
  await main.getByText("Added “Shorter answers”.").waitFor();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("Step 2 of 5").waitFor();
  assert.equal(await onTop(), true, "feedback block on top at step 2 too");
  assert.equal(await main.getByText("Added “Shorter answers”.").count(), 0, "the status line does not carry over");
  assert.equal((await main.locator("p.step-status").textContent()).trim(), "");

  // "Went well" becomes a technique to keep, once.
  await main.getByRole("button", { name: "Keep this technique: Warm rapport" }).click();
  await main.getByText("✓ Kept on your technique board").waitFor();
  assert.equal(await main.getByRole("button", { name: "Keep this technique: Warm rapport" }).count(), 0, "no second keep");
  assert.equal(await page.getByLabel("Technique 1: what I did").inputValue(), "Warm rapport");
  await waitForSaved(page, (s) => mine(s).techniques.length === 1 && mine(s).techniques[0].verdict === "keep");

  // Step 5: confidence from large radio buttons, then the next step, then finish.
  await page.getByRole("button", { name: /Build your confidence/ }).click();
  await page.getByText("Step 5 of 5").waitFor();
  await page.getByRole("radio", { name: "7", exact: true }).check();
  await page.getByLabel("My next step").fill("Apply to two ER-heavy roles");
  await waitForSaved(page, (s) => mine(s).confidence.rating === 7 && mine(s).confidence.next_step === "Apply to two ER-heavy roles");
  await page.getByRole("button", { name: "Finish and see summary" }).click();

  // The summary counts the real actions (a gap, a kept technique, the next step) and points on.
  await page.getByRole("heading", { level: 1, name: "Reflection: Recruiter at Initrode" }).waitFor();
  await main.getByText(/You turned this no into 3 actions\./).waitFor();
  await main.getByRole("link", { name: "Add your next application" }).click();
  await page.getByRole("heading", { level: 1, name: "Add an application" }).waitFor();
  await page.goBack();
  await page.getByRole("link", { name: "See your plan" }).click();
  await page.getByRole("heading", { level: 1, name: "Insights" }).waitFor();
  const board = page.getByRole("region", { name: "Technique board" });
  await board.getByRole("region", { name: "Keep (1)" }).getByText("Warm rapport").waitFor();
  await page.getByRole("region", { name: "Themes" }).getByText("Interview nerves came up in 3 of your last 4 reflections.").waitFor();
}

async function loosePattern(t) {
  const page = await start(t, "insights");
  const themes = page.getByRole("region", { name: "Themes" });
  await themes.getByText("Interview nerves came up in all 3 of your reflections.").waitFor();
}
