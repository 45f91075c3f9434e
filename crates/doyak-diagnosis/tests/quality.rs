//! The labelled quality set (see `doyak_diagnosis::quality`): seekers built
//! from an occupation's evidence with noise find that occupation's KECO
//! 중분류 in their top 3 at least 90 % of the time. The figure and the
//! misses go to docs/benchmarks.md through the `diagnosis_bench` example.

use doyak_diagnosis::quality::{labelled_set, top3_middle_rate};

#[test]
fn top3_holds_the_source_middle_group_for_at_least_90_percent() {
    let set = labelled_set(1, 20);
    assert!(
        set.len() >= 60 * 20,
        "20 seekers for each of at least 60 profiles"
    );
    let (rate, misses) = top3_middle_rate(&set);
    assert!(
        rate >= 0.90,
        "top-3 중분류 rate {rate:.3} < 0.90; first misses: {:?}",
        &misses[..misses.len().min(15)]
    );
}

#[test]
fn the_set_is_the_same_for_the_same_seed() {
    assert_eq!(labelled_set(7, 2), labelled_set(7, 2));
    assert_ne!(labelled_set(7, 2), labelled_set(8, 2));
}
