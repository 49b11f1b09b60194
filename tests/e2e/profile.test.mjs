// The profile and the data fields, end to end in every engine: the name and signature
// set in Settings sign the feedback templates, which greet the person in "To"; the
// short and formal versions; the message box grows with its text; the asked-on and
// reply dates are edited and kept; salary, closing date, priority and the interview's
// time, time zone and place are kept across a reload and shown on the detail page.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshPage, launch, nav, addApplication, stored, waitForSaved, ENGINES } from "./helpers.mjs";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const day = (offset) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d;
};
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
/** As the app shows a date: "12 Jan 2026". */
const shown = (d) => `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;

for (const engine of ENGINES) describe(engine, () => {
  let env;
  before(async () => { env = await launch({ engine }); });
  after(async () => { await env?.close(); });
  const fresh = (t) => freshPage(env, t, { path: "" });

  test("the profile signs the templates, which greet the To person; short and formal; dates are edited and kept", async (t) => {
    const { page } = await fresh(t);
    await nav(page, "Backup & settings").click();
    const profile = page.getByRole("region", { name: "Your profile" });
    await profile.getByLabel("Your name").fill("Alex Doe");
    await profile.getByLabel("Signature").fill("HR Business Partner\n+44 7700 900123");
    await profile.getByRole("button", { name: "Save profile" }).click();
    await profile.getByText("Saved. Your messages now sign with it.").waitFor();
    await waitForSaved(page, (env) => env.data.profile?.name === "Alex Doe");

    await addApplication(page, { company: "Acme & Sons", role: "HR Advisor" });
    await page.getByLabel("Contact name").fill("Sam Lee");
    await page.getByLabel("Email").fill("sam@acme.example");
    await page.getByRole("button", { name: "Add contact" }).click();
    await page.getByText("sam@acme.example").waitFor();
    await page.getByRole("button", { name: "Add interview round" }).click();
    await page.getByLabel("Interviewers").fill("Jo Park, Ana Ruiz");
    await page.getByRole("button", { name: "Save round" }).click();
    await page.getByText("With Jo Park, Ana Ruiz").waitFor();
    await page.getByLabel("New stage").selectOption({ label: "Rejected" });
    await page.getByRole("button", { name: "Record change" }).click();

    const panel = page.getByRole("region", { name: "Feedback" });
    const body = panel.getByLabel("Message", { exact: true });
    await body.waitFor();
    const formal = await body.inputValue();
    assert.equal(await panel.getByLabel("To", { exact: true }).inputValue(), "sam@acme.example");
    assert.match(formal, /^Dear Sam,\n/, "greets the person in To");
    assert.doesNotMatch(formal, /Jo|Ana/, "not every interviewer");
    assert.match(formal, /Kind regards,\nAlex Doe\nHR Business Partner\n\+44 7700 900123\n$/, "signed with the profile");
    const formalRows = Number(await body.getAttribute("rows"));
    assert.ok(formalRows >= 10, `the box fits the formal text (${formalRows} rows)`);
    assert.equal(await panel.getByText("add it to your profile").count(), 0, "no hint once signed");

    await panel.getByLabel("Short note (LinkedIn)").check();
    const short = await body.inputValue();
    assert.match(short, /^Hi Sam,\n/);
    assert.match(short, /Thanks,\nAlex Doe\n$/);
    assert.doesNotMatch(short, /HR Business Partner/, "a short note signs with the name only");
    assert.ok(short.length < formal.length, "the short one is shorter");
    assert.ok(Number(await body.getAttribute("rows")) < formalRows, "the box shrinks with the text");
    // Edits survive switching back and forth.
    await body.fill(`${short}PS: thank you!`);
    await panel.getByLabel("Formal email").check();
    assert.equal(await body.inputValue(), formal);
    await panel.getByLabel("Short note (LinkedIn)").check();
    assert.equal(await body.inputValue(), `${short}PS: thank you!`);

    // Asked three days ago; then corrected to four.
    await panel.getByLabel("Asked on").fill(iso(day(-3)));
    await panel.getByRole("button", { name: "I've asked for feedback" }).click();
    await panel.getByText(`You asked on ${shown(day(-3))}.`, { exact: false }).waitFor();
    let fb = (await waitForSaved(page, (env) => env.data.applications[0].feedback.status === "awaiting")).data.applications[0].feedback;
    assert.equal(fb.asked_on, iso(day(-3)));
    assert.equal(fb.follow_up_due, iso(day(4)));
    await panel.getByText("Change the date you asked").click();
    await panel.getByLabel("Asked on").fill(iso(day(5)));
    await panel.getByRole("button", { name: "Save date" }).click();
    await panel.getByText("The date you asked can't be in the future.").waitFor();
    await panel.getByLabel("Asked on").fill(iso(day(-4)));
    await panel.getByRole("button", { name: "Save date" }).click();
    await panel.getByText(`You asked on ${shown(day(-4))}.`, { exact: false }).waitFor();
    fb = (await waitForSaved(page, (env) => env.data.applications[0].feedback.asked_on === iso(day(-4)))).data.applications[0].feedback;
    assert.equal(fb.follow_up_due, iso(day(3)), "the follow-up moves with it");

    // The reply, dated yesterday (a date before the ask is refused).
    await panel.getByLabel("Reply", { exact: true }).selectOption({ label: "Feedback received" });
    await panel.getByLabel("What they said, word for word").fill("Strong on rapport.");
    await panel.getByLabel("Reply date").fill(iso(day(-5)));
    await panel.getByRole("button", { name: "Save the reply" }).click();
    await panel.getByText("The reply can't come before you asked: check both dates.").waitFor();
    await panel.getByLabel("Reply date").fill(iso(day(-1)));
    await panel.getByRole("button", { name: "Save the reply" }).click();
    await panel.getByText(`Reply recorded on ${shown(day(-1))}.`, { exact: false }).waitFor();
    await waitForSaved(page, (env) => env.data.applications[0].feedback.replied_on === iso(day(-1)));

    // Both dates edited once more from "Edit the reply", then kept across a reload.
    await panel.getByRole("button", { name: "Edit the reply" }).click();
    await panel.getByLabel("Asked on").fill(iso(day(-6)));
    await panel.getByLabel("Reply date").fill(iso(day(-2)));
    await panel.getByRole("button", { name: "Save the reply" }).click();
    await waitForSaved(page, (env) => env.data.applications[0].feedback.replied_on === iso(day(-2)));
    await page.reload();
    await panel.getByText(`Asked on ${shown(day(-6))}.`, { exact: false }).waitFor();
    await panel.getByText(`Reply recorded on ${shown(day(-2))}.`, { exact: false }).waitFor();
    const thanks = panel.getByLabel("Message", { exact: true });
    await panel.getByText("Thank-you message").click();
    assert.match(await thanks.inputValue(), /^Dear Sam,[\s\S]*Best wishes,\nAlex Doe\nHR Business Partner/);
  });

  test("salary, closing date, priority and the interview's time, zone and place are kept and shown", async (t) => {
    const { page } = await fresh(t);
    await nav(page, "Applications").click();
    await page.getByRole("main").getByRole("link", { name: "Add application" }).click();
    await page.getByLabel("Company").fill("Globex");
    await page.getByLabel("Role").fill("People Partner");
    await page.getByLabel("From").fill("45k");
    await page.getByLabel("To", { exact: true }).fill("40000");
    await page.getByLabel("Currency").fill("gbp");
    await page.getByLabel("Closing date").fill(iso(day(10)));
    await page.getByLabel("Priority").selectOption({ label: "High: really want it" });
    await page.getByRole("button", { name: "Save application" }).click();
    await page.getByText("The maximum salary is below the minimum; swap them or fix one.").waitFor();
    await page.getByLabel("To", { exact: true }).fill("55,000");
    await page.getByRole("button", { name: "Save application" }).click();
    await page.getByRole("heading", { level: 1, name: /Globex/ }).waitFor();

    await page.getByRole("button", { name: "Add interview round" }).click();
    await page.getByLabel("Start time").fill("14:30");
    await page.getByLabel("Time zone").fill("America/New_York");
    await page.getByLabel("Place or video link").fill("https://meet.example.com/abc-defg");
    await page.getByRole("button", { name: "Save round" }).click();
    await page.getByRole("link", { name: "Join video call" }).waitFor();

    const saved = await waitForSaved(page, (env) => env.data.applications[0].interviews?.[0]?.place);
    const app = saved.data.applications[0];
    assert.deepEqual([app.salary_min, app.salary_max, app.currency, app.closing_on, app.priority], [45000, 55000, "GBP", iso(day(10)), "high"]);
    assert.deepEqual([app.interviews[0].start_time, app.interviews[0].time_zone], ["14:30:00", "America/New_York"]);

    await page.reload();
    await page.getByText("GBP 45,000–55,000").waitFor();
    await page.getByText(shown(day(10))).waitFor();
    await page.getByText("High priority").waitFor();
    await page.getByText("At 14:30 (America/New_York)").waitFor();
    assert.equal(await page.getByRole("link", { name: "Join video call" }).getAttribute("href"), "https://meet.example.com/abc-defg");

    // A new round starts in the browser's own time zone; a place that isn't a link is shown as text.
    await page.getByRole("button", { name: "Add interview round" }).click();
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    assert.equal(await page.getByLabel("Time zone").inputValue(), zone);
    await page.getByLabel("Place or video link").fill("1 Main St, Leeds");
    await page.getByRole("button", { name: "Save round" }).click();
    await page.getByText("Where: 1 Main St, Leeds").waitFor();

    // The edit form starts with what was saved.
    await page.getByRole("link", { name: "Edit" }).click();
    assert.equal(await page.getByLabel("From").inputValue(), "45000");
    assert.equal(await page.getByLabel("Currency").inputValue(), "GBP");
    assert.equal(await page.getByLabel("Priority").inputValue(), "high");
  });
});
