//! Stable sorting compiled once for the whole portal. The standard library's stable sort is
//! compiled again for every element type (2–4 KiB of WebAssembly each); here only positions
//! are sorted, through one comparison behind a trait object, and the items moved after.

use std::cmp::Ordering;

/// Sorts `items` by `key`, keeping the order of equal keys; each key is computed once.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The positions `0..len` in the order `cmp` gives, ties kept in place.
#[inline(never)]
fn positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_ties_in_their_order() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "plum", "date"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "plum", "date", "apple"]);
        let mut none: Vec<u8> = Vec::new();
        sort_by_key(&mut none, |n| *n);
        assert!(none.is_empty());
    }
}
