//! What the passphrase lock covers and what it can't, in words for someone who is not a
//! security expert (the review found the old promise, "nobody can read it", too broad).

use leptos::prelude::*;

/// What the lock covers and what it can't, for someone who is not a security expert.
#[component]
pub(crate) fn LockCoverage() -> impl IntoView {
    view! {
        <div class="lock-coverage">
            <h3>"What the lock protects"</h3>
            <ul>
                <li>"Your notebook: every application, note, piece of feedback and reflection."</li>
                <li>"The safety copy kept after a restore, and any set-aside copies of data Knockback couldn't open."</li>
                <li>"Backups you download here: they open only with this passphrase."</li>
            </ul>
            <h3>"What it can't protect"</h3>
            <ul>
                <li>"Files you download unencrypted: a plain backup, a spreadsheet (CSV), the calendar file, or an exported reflection. Anyone who opens them can read them."</li>
                <li>"This tab while it is open: once unlocked, anyone using this device can see your notebook until the tab is closed."</li>
                <li>"Anyone who knows your passphrase. And if you forget it, nobody can open your notebook, not even you: keep an encrypted backup."</li>
            </ul>
        </div>
    }
}
