//! docs/kpi.md repeats every figure's definition: the two never drift.
#![allow(clippy::unwrap_used)]

#[test]
fn docs_kpi_lists_every_figure_with_its_label_and_definition() {
    let doc = include_str!("../../../docs/kpi.md");
    for d in doyak_kpi::FIGURES {
        let line = doc
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", d.id)))
            .unwrap_or_else(|| panic!("docs/kpi.md has no row for {}", d.id));
        assert!(line.contains(d.label_ko), "{}: label", d.id);
        assert!(line.contains(d.definition_ko), "{}: definition", d.id);
    }
    let rows = doc.lines().filter(|l| l.starts_with("| `")).count();
    assert_eq!(
        rows,
        doyak_kpi::FIGURES.len(),
        "no row for a figure that is gone"
    );
    let mut ids: Vec<&str> = doyak_kpi::FIGURES.iter().map(|d| d.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), doyak_kpi::FIGURES.len(), "ids are unique");
}
