// The tracker, end to end: create, edit, delete and undo; interview rounds; asking for
// feedback and recording the reply; the company reminder; filters kept in the URL;
// sample data; the .ics reminders file; the "Ghosted?" suggestion.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freshPage, launch, open, nav, addApplication, download, setItem, stored, waitForSaved, DATA_KEY, ROOT, ENGINES } from "./helpers.mjs";

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });
  const chromiumOnly = engine === "chromium" ? test : () => {};

  const fresh = (t) => freshPage(env, t, { path: "" });

  const isoDay = (offsetDays = 0) => {
    const d = new Date();
    d.setDate(d.getDate() + offsetDays);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  };

  test("create, edit, delete with undo", async (t) => {
    const { page } = await fresh(t);
    await addApplication(page, { company: "Hooli", role: "Recruiter" });
    await page.getByRole("link", { name: "Edit" }).click();
    assert.equal(await page.getByLabel("Role").inputValue(), "Recruiter", "the form starts with the saved values");
    await page.getByLabel("Role").fill("Senior Recruiter");
    await page.getByLabel("Company").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Enter the company name.").waitFor();
    assert.equal(await page.getByLabel("Role").inputValue(), "Senior Recruiter", "nothing typed is lost");
    await page.getByLabel("Company").fill("Hooli");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: /Senior Recruiter/ }).waitFor();
    await waitForSaved(page, (env) => env.data.applications[0].role === "Senior Recruiter");

    await addApplication(page, { company: "Pied Piper", role: "HR Lead" });
    await nav(page, "Applications").click();
    await page.getByRole("button", { name: "More actions for Senior Recruiter at Hooli" }).click();
    await page.getByRole("button", { name: "Delete Senior Recruiter at Hooli" }).click();
    await page.getByRole("link", { name: /Hooli/ }).waitFor({ state: "detached" });
    const undo = page.getByRole("status").getByRole("button", { name: "Undo" });
    await page.getByText("Deleted Senior Recruiter at Hooli.").waitFor();
    await waitForSaved(page, (env) => env.data.applications.length === 1);
    await undo.click();
    await page.getByRole("link", { name: /Hooli/ }).waitFor();
    await waitForSaved(page, (env) => env.data.applications.length === 2);

    // Delete from the detail page too; it returns to the list and offers Undo.
    await page.getByRole("link", { name: /Pied Piper/ }).click();
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("heading", { level: 1, name: "Applications" }).waitFor();
    await page.getByText("Deleted HR Lead at Pied Piper.").waitFor();
    await waitForSaved(page, (env) => env.data.applications.length === 1);
    await page.reload();
    await page.getByRole("link", { name: /Hooli/ }).waitFor();
    assert.equal(await page.getByRole("link", { name: /Pied Piper/ }).count(), 0);
  });

  chromiumOnly("interview rounds: add, edit, remove", async (t) => {
    const { page } = await fresh(t);
    await addApplication(page, { company: "Vandelay", role: "Talent Partner" });
    await page.getByRole("button", { name: "Add interview round" }).click();
    await page.getByLabel("Interview date").fill("2026-03-04");
    await page.getByLabel("Kind").selectOption({ label: "Panel" });
    await page.getByLabel("Interviewers").fill("Art Vandelay, Kel Varnsen");
    await page.getByLabel("How did it go?").selectOption("4");
    await page.getByLabel("Interview notes").fill("Asked about onboarding.");
    await page.getByRole("button", { name: "Save round" }).click();
    await page.getByRole("heading", { name: /Round 1: Panel interview/ }).waitFor();
    await page.getByText("With Art Vandelay, Kel Varnsen").waitFor();
    await page.getByText("How it went: 4 out of 5").waitFor();

    await page.getByRole("button", { name: "Edit round 1" }).click();
    await page.getByLabel("Interview notes").fill("Asked about onboarding and ER.");
    await page.getByRole("button", { name: "Save round" }).click();
    await page.getByText("Asked about onboarding and ER.").waitFor();
    await waitForSaved(page, (env) => env.data.applications[0].interviews[0]?.notes === "Asked about onboarding and ER.");
    const saved = (await stored(page)).data.applications[0].interviews[0];
    assert.deepEqual([saved.kind, saved.self_rating, saved.interviewers], ["panel", 4, ["Art Vandelay", "Kel Varnsen"]]);

    await page.getByRole("button", { name: "Remove round 1" }).click();
    await page.getByText("No interviews recorded yet.").waitFor();
    await waitForSaved(page, (env) => (env.data.applications[0].interviews ?? []).length === 0);
  });

  chromiumOnly("after a rejection: ask for feedback, copy it, open it in email, record the reply", async (t) => {
    const { ctx, page } = await fresh(t);
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.url).origin });
    await addApplication(page, { company: "Acme & Sons", role: "HR Advisor" });
    await page.getByLabel("Contact name").fill("Sam Lee");
    await page.getByLabel("Email").fill("sam@acme.example");
    await page.getByRole("button", { name: "Add contact" }).click();
    await page.getByText("sam@acme.example").waitFor();

    await page.getByLabel("New stage").selectOption({ label: "Rejected" });
    await page.getByRole("button", { name: "Record change" }).click();
    const panel = page.getByRole("region", { name: "Feedback" });
    await panel.waitFor();
    await page.getByRole("link", { name: "Reflect on this rejection" }).waitFor();
    assert.equal(await panel.getByLabel("Subject").inputValue(), "Feedback on my application for HR Advisor at Acme & Sons");
    const body = panel.getByLabel("Message");
    assert.match(await body.inputValue(), /^Dear Sam,/);
    assert.match(await body.inputValue(), /three things that went well and three things I could do differently/);

    await body.fill(`${await body.inputValue()}Jo Bloggs`);
    const href = await panel.getByRole("link", { name: "Open in email app" }).getAttribute("href");
    assert.ok(href.startsWith("mailto:sam@acme.example?subject=Feedback%20on%20my%20application%20for%20HR%20Advisor%20at%20Acme%20%26%20Sons&body="));
    assert.match(decodeURIComponent(href.split("&body=")[1]), /Kind regards,\r\nJo Bloggs$/, "the link carries the edited text");

    await panel.getByRole("button", { name: "Copy to clipboard" }).click();
    await panel.getByText("Copied. Paste it into your email.").waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(clip, /^Subject: Feedback on my application for HR Advisor at Acme & Sons\n\nDear Sam,/);
    assert.match(clip, /Jo Bloggs$/);

    await panel.getByLabel("Remind me to follow up after (days)").fill("0");
    await panel.getByRole("button", { name: "I've asked for feedback" }).click();
    await panel.getByText("Choose a follow-up between 1 and 60 days.").waitFor();
    await panel.getByLabel("Remind me to follow up after (days)").fill("7");
    await panel.getByRole("button", { name: "I've asked for feedback" }).click();
    await panel.getByText(/You asked on/).waitFor();
    await waitForSaved(page, (env) => env.data.applications[0].feedback.status === "awaiting");
    const fb = (await stored(page)).data.applications[0].feedback;
    assert.equal(fb.asked_on, isoDay(0));
    assert.equal(fb.follow_up_due, isoDay(7));
    assert.equal(fb.asked_whom, "Sam Lee");

    // The reply: kept word for word, with its lists.
    const verbatim = "Thanks for asking! 🙏\n  You were warm and prepared.\nWe chose someone with more ER casework.  ";
    await panel.getByLabel("Reply", { exact: true }).selectOption({ label: "Feedback received" });
    await panel.getByLabel("What they said, word for word").fill(verbatim);
    await panel.getByLabel("Went well").fill("Warm rapport\nClear examples\n\nGood questions");
    await panel.getByLabel("To change").fill("More ER casework\nShorter answers\nQuantify impact");
    await panel.getByRole("button", { name: "Save the reply" }).click();
    await panel.getByRole("heading", { name: "What they said" }).waitFor();
    await panel.getByRole("listitem").filter({ hasText: "Quantify impact" }).waitFor();
    await panel.getByText("Thank-you message").waitFor();
    await waitForSaved(page, (env) => env.data.applications[0].feedback.status === "received");
    const reply = (await stored(page)).data.applications[0].feedback;
    assert.equal(reply.verbatim, verbatim, "stored exactly as typed");
    assert.deepEqual(reply.went_well, ["Warm rapport", "Clear examples", "Good questions"]);
    assert.deepEqual(reply.to_change, ["More ER casework", "Shorter answers", "Quantify impact"]);

    // The dashboard counts it.
    await nav(page, "Dashboard").click();
    await page.getByText("100% (1 of 1 rejections)").waitFor();
  });

  chromiumOnly("applying again to a company shows what happened last time, and the company page", async (t) => {
    const { page } = await fresh(t);
    await setItem(page, DATA_KEY, readFileSync(join(ROOT, "tests/fixtures/schema-v1.json"), "utf8"));
    await page.reload();
    await nav(page, "Applications").click();
    await page.getByRole("main").getByRole("link", { name: "Add application" }).click();
    await page.getByLabel("Company").fill("acme corp ");
    const note = page.getByRole("note");
    await note.getByRole("heading", { name: "You applied to Acme Corp before" }).waitFor();
    await note.getByText(/HR Business Partner: Rejected/).waitFor();
    await note.getByText("We went with someone with more ER casework.", { exact: false }).waitFor();
    await page.getByLabel("Company").fill("Globex");
    await note.waitFor({ state: "detached" });
    await page.getByLabel("Company").fill("Acme Corp");
    await note.getByRole("link", { name: "See everything at Acme Corp" }).click();

    await page.getByRole("heading", { level: 1, name: "Acme Corp" }).waitFor();
    await page.getByRole("link", { name: "HR Business Partner" }).waitFor();
    const notes = page.getByLabel("Notes about this company");
    assert.equal(await notes.inputValue(), "Friendly team; reapply in summer.");
    await notes.fill("Friendly team; Sam moved to Globex.");
    await page.getByRole("button", { name: "Save notes" }).click();
    await waitForSaved(page, (env) => env.data.companies[0].notes === "Friendly team; Sam moved to Globex.");
  });

  chromiumOnly("sample data, filters in the URL surviving reload and Back, the .ics file, and Ghosted?", async (t) => {
    const { page } = await fresh(t);
    await page.getByRole("button", { name: "Try with sample data" }).click();
    await page.getByRole("complementary", { name: "Sample data" }).waitFor();
    await nav(page, "Applications").click();
    // Active by default: two of the four samples are closed (rejected, declined).
    await page.getByText("Showing 2 of 4 applications").waitFor();

    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.getByLabel("Search").fill("contoso");
    await page.getByText("Showing 1 of 4 applications").waitFor();
    // The list filters on every key; the address follows once typing pauses.
    await page.waitForURL(/\/applications\?q=contoso$/, { timeout: 5_000 });
    await page.getByLabel("Search").fill("");
    await page.getByLabel("Stage", { exact: true }).selectOption({ label: "Rejected" });
    await page.getByText("Showing 1 of 4 applications").waitFor();
    await page.getByLabel("Needs feedback").check();
    await page.getByText("Showing 0 of 4 applications").waitFor();
    await page.getByLabel("Needs feedback").uncheck();
    await page.getByLabel("Follow-up due").check();
    await page.getByText("Showing 1 of 4 applications").waitFor();
    await page.getByLabel("Sort by").selectOption({ label: "Company (A–Z)" });
    const url = page.url();
    assert.match(url, /stage=rejected/);
    assert.match(url, /followup=due/);
    assert.match(url, /sort=company/);

    await page.reload();
    await page.getByText("Showing 1 of 4 applications").waitFor();
    assert.equal(await page.getByLabel("Stage", { exact: true }).inputValue(), "rejected");
    assert.equal(await page.getByLabel("Follow-up due").isChecked(), true);
    await page.getByRole("link", { name: /Northwind Traders/ }).click();
    await page.getByRole("heading", { level: 1, name: /Northwind Traders/ }).waitFor();
    await page.goBack();
    await page.getByText("Showing 1 of 4 applications").waitFor();
    assert.equal(page.url(), url, "Back restores the filtered view");

    // Reminders: the awaited follow-up and the coming interview, as RFC 5545.
    await nav(page, "Dashboard").click();
    const file = await download(page, () => page.getByRole("button", { name: "Download reminders (.ics)" }).click());
    assert.equal(file.name, "knockback-reminders.ics");
    assert.ok(file.text.split("\r\n").every((l) => Buffer.byteLength(l) <= 75), "lines are folded at 75 octets");
    const lines = file.text.replace(/\r\n /g, "").split("\r\n");
    assert.equal(lines[0], "BEGIN:VCALENDAR");
    assert.equal(lines.filter((l) => l === "BEGIN:VEVENT").length, 2);
    const summaries = lines.filter((l) => l.startsWith("SUMMARY:"));
    assert.deepEqual(summaries, [
      "SUMMARY:Follow up on feedback: HR Coordinator at Northwind Traders",
      "SUMMARY:On-site interview: Recruitment Partner at Contoso",
    ]);
    assert.ok(lines.includes(`DTSTART;VALUE=DATE:${isoDay(-2).replaceAll("-", "")}`), "follow-up 7 days after asking 9 days ago");
    assert.ok(lines.includes(`DTSTART;VALUE=DATE:${isoDay(3).replaceAll("-", "")}`));

    // Ghosted? is only a suggestion until confirmed.
    await page.getByRole("region", { name: "Ghosted?" }).getByRole("link", { name: /Fabrikam/ }).click();
    const prompt = page.getByRole("note").filter({ hasText: "Ghosted?" });
    await prompt.getByText("No news for 45 days").waitFor();
    await prompt.getByRole("button", { name: "Mark as ghosted" }).click();
    await page.locator(".page-head").getByText("Ghosted").waitFor();
    await waitForSaved(page, (env) => env.data.applications.some((a) => a.company === "Fabrikam" && a.history.at(-1).stage === "ghosted"));

    // One click removes every sample.
    await page.getByRole("button", { name: "Remove sample data" }).click();
    await nav(page, "Dashboard").click();
    await page.getByRole("heading", { name: "Welcome to Knockback" }).waitFor();
    await waitForSaved(page, (env) => env.data.applications.length === 0);
  });

  chromiumOnly("a long list shows 30 rows at a time; searching starts again from the top", async (t) => {
    const { page } = await fresh(t);
    const at = "2026-01-01T09:00:00Z";
    const applications = Array.from({ length: 65 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      company: `Firm ${String(i).padStart(2, "0")}`, role: i % 2 ? "Recruiter" : "HR Advisor",
      applied_on: `2026-01-${String(1 + (i % 28)).padStart(2, "0")}`,
      history: [{ stage: "applied", on: "2026-01-01", recorded_at: at }], created_at: at, updated_at: at,
    }));
    // Schema 2 with plain `data` is what a backup holds; the store reads it as it is.
    await setItem(page, DATA_KEY, JSON.stringify({ schema_version: 2, revision: 1, data: { applications } }));
    await open(page, env.url, "applications");
    const rows = page.getByRole("list", { name: "Your applications" }).getByRole("listitem");
    await page.getByText("65 applications").waitFor();
    assert.equal(await rows.count(), 30);
    await page.getByRole("button", { name: "Show 30 more (35 not shown)" }).click();
    await page.getByRole("button", { name: "Show 5 more (5 not shown)" }).click();
    assert.equal(await rows.count(), 65);
    assert.equal(await page.getByRole("button", { name: /^Show \d+ more/ }).count(), 0, "nothing left to show");
    // A search narrows the list and starts from the top again.
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.getByLabel("Search").fill("recruiter");
    await page.getByText("Showing 32 of 65 applications").waitFor();
    assert.equal(await rows.count(), 30);
    await page.getByRole("button", { name: "Show 2 more (2 not shown)" }).waitFor();

    // The address follows the search once typing pauses; a key typed just before
    // leaving the page is dropped with it and does not pull the list back.
    await page.waitForURL(/\/applications\?q=recruiter$/, { timeout: 5_000 });
    await page.getByLabel("Search").press("s");
    await page.getByText("Showing 0 of 65 applications").waitFor();
    await nav(page, "Dashboard").click();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await page.waitForTimeout(1_000); // well past the 400 ms pause
    assert.doesNotMatch(page.url(), /applications/, "still on the dashboard");
    await page.goBack();
    await page.getByText("Showing 32 of 65 applications").waitFor();
    assert.equal(await page.getByLabel("Search").inputValue(), "recruiter", "Back brings the last written search");
  });
});
