//! Recurring themes across reflections, matched loosely: "Interview nerves", "nerves in
//! interviews" and "Nerves" are one theme; "Salary talk" and "Small talk" are not.
//!
//! Two phrases match when, after lower-casing, dropping punctuation and stop words and
//! reducing plurals, the significant words of one are all in the other, or they share
//! at least two. Words every job search uses ("interview", "answer") never make a
//! match on their own, or everything would be one theme.

use crate::model::order;
use std::collections::{BTreeSet, HashMap};

use uuid::Uuid;

use super::AppData;

/// Small words that carry no theme.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "an", "and", "any", "are", "as", "at", "be", "been", "being", "before",
    "but", "by", "did", "do", "during", "enough", "for", "from", "get", "got", "had", "has",
    "have", "how", "i", "i'm", "im", "in", "into", "is", "it", "its", "lack", "less", "me",
    "missing", "more", "much", "my", "no", "not", "of", "on", "or", "so", "some", "than", "that",
    "the", "their", "them", "then", "they", "this", "to", "too", "up", "very", "was", "were",
    "what", "when", "with", "without", "you", "your",
];

/// Words any job search is full of: they count in a phrase, but two phrases sharing
/// only these are different themes.
const GENERIC_WORDS: &[&str] = &[
    "answer",
    "experience",
    "interview",
    "job",
    "question",
    "role",
    "skill",
    "work",
];

/// Reduces an English plural to its singular, well enough for matching.
fn singular(word: &str) -> String {
    let n = word.chars().count();
    if n <= 3 {
        return word.to_owned();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if word.ends_with("sses") {
        return word[..word.len() - 2].to_owned();
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_owned();
    }
    word.strip_suffix('s').unwrap_or(word).to_owned()
}

/// The phrase's significant words: lower case, no punctuation, no stop words, singular.
pub(crate) fn words(phrase: &str) -> BTreeSet<String> {
    // Dots and apostrophes join ("E.R." is "er", "don't" is "dont"); anything else
    // that is not a letter or digit separates words ("time-management").
    let joined: String = phrase
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .collect();
    joined
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(singular)
        .collect()
}

/// The words that decide a match: the non-generic ones, or all of them when the
/// phrase is nothing but generic words ("Interview").
fn core(words: &BTreeSet<String>) -> (BTreeSet<String>, bool) {
    let specific: BTreeSet<String> = words
        .iter()
        .filter(|w| !GENERIC_WORDS.contains(&w.as_str()))
        .cloned()
        .collect();
    if specific.is_empty() {
        (words.clone(), true)
    } else {
        (specific, false)
    }
}

/// Whether two phrases name the same theme.
#[cfg(test)]
pub(crate) fn same_theme(a: &str, b: &str) -> bool {
    same_words(&words(a), &words(b))
}

/// [`same_theme`] on phrases already reduced to their [`words`].
fn same_words(wa: &BTreeSet<String>, wb: &BTreeSet<String>) -> bool {
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let ((ca, generic_a), (cb, generic_b)) = (core(wa), core(wb));
    if ca == cb {
        return true;
    }
    if generic_a || generic_b {
        // Only generic words on one side: nothing specific to share.
        return false;
    }
    ca.is_subset(&cb) || cb.is_subset(&ca) || ca.intersection(&cb).count() >= 2
}

/// A theme and how many times it came up.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Theme {
    pub(crate) label: String,
    pub(crate) count: usize,
}

/// Groups phrases into themes: each joins the first group holding a phrase it matches.
/// `items` are (phrase, where it came from); a theme counts each source once.
///
/// Whether two phrases match depends only on their word sets, so each group keeps its
/// distinct word sets and each phrase is reduced once: comparing every phrase with
/// every member, words recomputed each time, took over a second on 1,000 reflections.
fn group<'a>(
    items: impl Iterator<Item = (&'a str, Uuid)>,
) -> Vec<(String, Vec<String>, BTreeSet<Uuid>)> {
    let mut groups: Vec<(String, Vec<String>, BTreeSet<Uuid>)> = Vec::new();
    // Each distinct phrase's words, computed once; each group's distinct word sets.
    let mut distinct: Vec<BTreeSet<String>> = Vec::new();
    let mut seen: HashMap<&'a str, usize> = HashMap::new();
    let mut word_sets: Vec<Vec<usize>> = Vec::new();
    for (phrase, source) in items {
        let phrase = phrase.trim();
        let w = match seen.get(phrase) {
            Some(&w) => w,
            None => {
                distinct.push(words(phrase));
                seen.insert(phrase, distinct.len() - 1);
                distinct.len() - 1
            }
        };
        if distinct[w].is_empty() {
            continue;
        }
        // Equal word sets always match: the cheap test first.
        match word_sets.iter().position(|sets| {
            sets.iter()
                .any(|&m| distinct[m] == distinct[w] || same_words(&distinct[m], &distinct[w]))
        }) {
            Some(i) => {
                let (_, members, sources) = &mut groups[i];
                members.push(phrase.to_owned());
                sources.insert(source);
                if !word_sets[i].iter().any(|&m| distinct[m] == distinct[w]) {
                    word_sets[i].push(w);
                }
            }
            None => {
                groups.push((
                    phrase.to_owned(),
                    vec![phrase.to_owned()],
                    BTreeSet::from([source]),
                ));
                word_sets.push(vec![w]);
            }
        }
    }
    groups
}

fn sorted(mut themes: Vec<Theme>, limit: usize) -> Vec<Theme> {
    order::sort_by(&mut themes, |a, b| {
        b.count
            .cmp(&a.count)
            .then(a.label.to_lowercase().cmp(&b.label.to_lowercase()))
    });
    themes.truncate(limit);
    themes
}

/// Counts mentions, merging loose matches; the label is the first phrasing seen.
fn tally<'a>(items: impl Iterator<Item = &'a str>, limit: usize) -> Vec<Theme> {
    // Each mention is its own source, so the count is of mentions.
    let themes = group(items.map(|s| (s, Uuid::new_v4())))
        .into_iter()
        .map(|(label, members, _)| Theme {
            label,
            count: members.len(),
        })
        .collect();
    sorted(themes, limit)
}

/// The most frequent gaps and techniques, each merged loosely.
pub(crate) fn themes(data: &AppData, limit: usize) -> (Vec<Theme>, Vec<Theme>) {
    let gaps = data
        .reflections
        .iter()
        .flat_map(|r| r.skills.iter().map(|g| g.gap.as_str()));
    let techniques = data
        .reflections
        .iter()
        .flat_map(|r| r.techniques.iter().map(|t| t.name.as_str()));
    (tally(gaps, limit), tally(techniques, limit))
}

/// The member with the fewest words (the first of those), for a theme's name.
fn shortest(members: &[String]) -> String {
    members
        .iter()
        .min_by_key(|m| m.split_whitespace().count())
        .cloned()
        .unwrap_or_default()
}

/// A theme that came up in more than one of the last reflections.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Pattern {
    pub(crate) label: String,
    /// How many of those reflections mention it.
    pub(crate) count: usize,
    /// How many reflections were looked at.
    pub(crate) of: usize,
}

impl Pattern {
    /// "Interview nerves came up in 3 of your last 5 reflections."
    pub(crate) fn sentence(&self) -> String {
        let mut label = self.label.clone();
        if let Some(first) = label.chars().next() {
            label.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
        }
        if self.count == 2 && self.of == 2 {
            format!("{label} came up in both of your reflections.")
        } else if self.count == self.of {
            format!("{label} came up in all {} of your reflections.", self.of)
        } else {
            format!(
                "{label} came up in {} of your last {} reflections.",
                self.count, self.of
            )
        }
    }
}

/// Themes that recur across the last `window` reflections (newest first): gaps,
/// techniques, the thing to try and the employer's "to change", each reflection
/// counted once per theme. Only themes in two or more reflections, most frequent first.
pub(crate) fn patterns(data: &AppData, window: usize, limit: usize) -> Vec<Pattern> {
    let mut recent: Vec<_> = data.reflections.iter().collect();
    order::sort_by_key(&mut recent, |r| std::cmp::Reverse(r.created_at));
    recent.truncate(window);
    let of = recent.len();
    let items = recent.iter().flat_map(|r| {
        let to_change = data
            .application(r.application_id)
            .map(|a| a.feedback.to_change.as_slice())
            .unwrap_or_default();
        r.skills
            .iter()
            .map(|g| g.gap.as_str())
            .chain(r.techniques.iter().map(|t| t.name.as_str()))
            .chain(std::iter::once(r.mentoring.try_differently.as_str()))
            .chain(to_change.iter().map(String::as_str))
            .map(move |s| (s, r.id))
    });
    let mut found: Vec<Pattern> = group(items)
        .into_iter()
        .filter(|(_, _, sources)| sources.len() >= 2)
        .map(|(_, members, sources)| Pattern {
            // The shortest phrasing reads best in a sentence ("Nerves came up…").
            label: shortest(&members),
            count: sources.len(),
            of,
        })
        .collect();
    order::sort_by(&mut found, |a, b| {
        b.count
            .cmp(&a.count)
            .then(a.label.to_lowercase().cmp(&b.label.to_lowercase()))
    });
    found.truncate(limit);
    found
}

#[cfg(test)]
#[path = "themes_tests.rs"]
mod tests;
