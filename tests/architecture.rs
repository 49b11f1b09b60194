//! Checks that keep the structure as docs/ARCHITECTURE.md draws it. They read the source
//! as text, so they run with the native tests and fail with the file and line to fix.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn src(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(sub)
}

/// A file's product code: everything before its first `#[cfg(test)]`. Files that are
/// test modules themselves (`tests.rs`, `*_tests.rs`) have none.
fn product_lines(path: &Path) -> Vec<String> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == "tests.rs" || name.ends_with("_tests.rs") {
        return Vec::new();
    }
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .take_while(|l| !l.trim_start().starts_with("#[cfg(test)]"))
        .map(str::to_owned)
        .collect()
}

/// Every product line under `dirs` (below src/) that names any of `words`, as
/// `path:line: text`.
fn lines_naming(dirs: &[&str], words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for dir in dirs {
        for path in rust_files(&src(dir)) {
            for (i, line) in product_lines(&path).iter().enumerate() {
                if words.iter().any(|w| line.contains(w)) {
                    found.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn views_never_name_storage() {
    let offenders = lines_naming(&["components", "pages"], &["crate::storage", "storage::"]);
    assert!(
        offenders.is_empty(),
        "views reach storage only through the store (crate::state):\n{}",
        offenders.join("\n")
    );
}

#[test]
fn no_product_file_is_over_400_lines() {
    let long: Vec<String> = rust_files(&src(""))
        .into_iter()
        .filter_map(|p| {
            let n = product_lines(&p).len();
            (n > 400).then(|| format!("{}: {n} lines", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by job:\n{}", long.join("\n"));
}

#[test]
fn the_model_knows_no_browser() {
    let offenders = lines_naming(
        &["model"],
        &[
            "web_sys",
            "wasm_bindgen",
            "leptos",
            "crate::storage",
            "crate::state",
        ],
    );
    assert!(
        offenders.is_empty(),
        "src/model/ is pure Rust:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn storage_never_reaches_up() {
    let offenders = lines_naming(
        &["storage"],
        &["crate::state", "crate::components", "crate::pages"],
    );
    assert!(
        offenders.is_empty(),
        "storage imports only model and error:\n{}",
        offenders.join("\n")
    );
}
