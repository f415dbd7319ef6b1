//! Stable sorting in the least code. The standard library's stable sort is compiled again for
//! every element type (2–4 KiB of WebAssembly each); the lists a page sorts are short (tens of
//! items), so a binary insertion of positions does, and costs a few hundred bytes.

/// Sorts `items` by `key`, keeping the order of equal keys; each key is computed once.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order: Vec<usize> = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        // After every equal key already placed: ties keep their order.
        let at = order.partition_point(|&j| keys[j] <= *k);
        order.insert(at, i);
    }
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_ties_in_their_order() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "plum", "date"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "plum", "date", "apple"]);
        let mut numbers: Vec<u32> = (0..200).map(|n| (n * 7919) % 101).collect();
        let mut expected = numbers.clone();
        expected.sort();
        sort_by_key(&mut numbers, |n| *n);
        assert_eq!(numbers, expected);
        let mut none: Vec<u8> = Vec::new();
        sort_by_key(&mut none, |n| *n);
        assert!(none.is_empty());
    }
}
