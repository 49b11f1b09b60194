// The benchmark's notebooks: N applications in the store's own packed format, each with
// interview rounds, feedback and a full reflection; short notes, or (wordy) written text.
// Shared by bench.mjs and probe-pages.mjs.
export const uuid = (n, salt) => `${salt}${String(n).padStart(7, "0")}-0000-4000-8000-${String(n).padStart(12, "0")}`;
const iso = (d) => d.toISOString().slice(0, 10);

const WORDS = ("the team asked about stakeholder management and how I would handle a difficult conversation with a line manager "
  + "I gave an example from my last role but ran out of time before the result so next time I will lead with the outcome "
  + "they liked the preparation and the questions I asked about onboarding budgets hiring plans and the first ninety days "
  + "the panel wanted more evidence of employee relations casework and data driven decisions with numbers and clear impact").split(" ");
/** `n` words of plausible prose, different for each `seed`. */
function prose(seed, n) {
  const out = [];
  for (let k = 0; k < n; k++) out.push(WORDS[(seed * 7 + k * 13) % WORDS.length]);
  return out.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".";
}


// Where each of ten applications ends: three still open, seven closed, as in a real search.
const ENDS = ["applied", "applied", "interviewing", "offer", "rejected", "rejected", "rejected", "ghosted", "withdrawn", "rejected"];
const path = (end) => (end === "applied" ? ["applied"] : end === "interviewing" ? ["applied", "interviewing"] : ["applied", "interviewing", end]);

/** N applications in the store's own format (empty fields left out, as the app writes them),
 * each with rounds, feedback and a full reflection. */
export function envelope(n, { wordy = false, schema = 3 } = {}) {
  const text = (seed, short, words) => (wordy ? prose(seed, words) : short);
  const apps = [], reflections = [];
  const start = new Date("2024-01-01T09:00:00Z");
  for (let i = 0; i < n; i++) {
    const day = new Date(start.getTime() + i * 36e5 * 6);
    const id = uuid(i, "a");
    apps.push({
      id, company: `Company ${i % 400}`, role: ["Recruiter", "HR Advisor", "People Partner", "Talent Lead"][i % 4],
      location: "Leeds", source: "Job board", applied_on: iso(day), tags: ["hr"], notes: text(i, "Met the team; good chat.", 30),
      // Three in ten still open (applied, interviewing, an offer), the rest closed.
      history: path(ENDS[i % 10])
        .map((stage) => ({ stage, on: iso(day), recorded_at: day.toISOString() })),
      interviews: [1, 2].map((k) => ({ id: uuid(i * 2 + k, "b"), date: iso(day), kind: "video", interviewers: ["Sam Lee"], notes: text(i + k, "Competency questions.", 15), self_rating: 3 })),
      feedback: { status: "received", asked_on: iso(day), channel: "email", asked_whom: "Sam Lee", follow_up_due: iso(day),
        verbatim: text(i + 3, "Warm and prepared; we chose someone with more ER casework.", 30), went_well: ["Rapport", "Examples", "Questions"], to_change: ["ER casework", "Shorter answers", "Numbers"] },
      created_at: day.toISOString(), updated_at: day.toISOString(),
    });
    reflections.push({
      id: uuid(i, "c"), application_id: id, status: "complete", step: 5,
      skills: [{ id: uuid(i, "d"), gap: "ER casework", action: "Shadow a case", action_kind: "project", status: "todo" }],
      techniques: [{ id: uuid(i, "e"), name: "STAR answers", verdict: "keep" }, { id: uuid(i, "f"), name: "Long answers", verdict: "drop" }],
      opportunities: { thanked_on: iso(day), stay_in_touch: true, reapply: "yes" },
      mentoring: { learned: text(i + 5, "I rush when nervous.", 12), try_differently: text(i + 6, "Pause first.", 8) },
      confidence: { did_well: ["Rapport", "Prep", "Questions"], rating: 1 + (i % 10), next_step: "Apply again" },
      created_at: day.toISOString(), updated_at: day.toISOString(), completed_at: day.toISOString(),
    });
  }
  const data = JSON.stringify({ applications: apps, reflections, companies: [], meta: { last_backup_at: new Date().toISOString(), changes_since_backup: 0 } });
  return `{"schema_version":${schema},"app_version":"bench","saved_at":"${new Date().toISOString()}","revision":1,"packed":"${pack(data)}"}`;
}

/** The store's packing (src/storage/codec.rs): two ASCII bytes of JSON per UTF-16 unit. */
function pack(json) {
  const ascii = json.replace(/[^\x20-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const units = [];
  for (let i = 0; i < ascii.length; i += 2) units.push((ascii.charCodeAt(i) << 8) | (i + 1 < ascii.length ? ascii.charCodeAt(i + 1) : 0x20));
  let out = "";
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}

