//! Sorting with one copy of the standard sort in the wasm. Every `sort_by` with its own
//! closure or element type compiles the whole stable sort again (about 400 bytes to
//! 2 KB each, measured with twiggy: 80 copies in the first download); these sort a
//! list of positions with one comparator behind a `dyn`, then move the items into
//! place, so all callers share one copy. Stable, like `slice::sort_by`.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`.
pub(crate) fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = items;
        stable_order(items.len(), &|a, b| cmp(&items[a], &items[b]))
    };
    permute(items, &order);
}

/// Sorts `items` stably by a key computed for each comparison (cheap keys).
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by a key computed once per item (keys that allocate).
pub(crate) fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = stable_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(items, &order);
}

/// Sorts `items` in their natural order.
pub(crate) fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The one sort: positions `0..len`, ordered by `cmp`.
#[inline(never)]
fn stable_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rebuilds `items` in `order` (a permutation of its positions), moving each item once.
fn permute<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let words = [
            "pear", "fig", "apple", "kiwi", "plum", "date", "lime", "fig",
        ];
        let mut ours: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        let mut std = ours.clone();
        sort_by_key(&mut ours, |(_, w)| w.len());
        std.sort_by_key(|(_, w)| w.len());
        assert_eq!(ours, std, "equal keys keep their order");

        let mut cached = words.to_vec();
        sort_by_cached_key(&mut cached, |w| w.to_uppercase());
        let mut plain = words.to_vec();
        sort(&mut plain);
        assert_eq!(cached, plain);
        assert_eq!(
            plain,
            ["apple", "date", "fig", "fig", "kiwi", "lime", "pear", "plum"]
        );

        let mut desc = vec![3, 1, 2];
        sort_by(&mut desc, |a, b| b.cmp(a));
        assert_eq!(desc, [3, 2, 1]);
        let mut none: Vec<u8> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
    }
}
