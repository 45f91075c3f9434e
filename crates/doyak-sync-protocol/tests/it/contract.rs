//! The desk's own values (domain entity kinds, clock stamps) are what the
//! wire expects. The conversion is written out here so that a new domain
//! kind fails to compile until the wire has a name for it.

use doyak_domain::EntityKind as Domain;
use doyak_sync_protocol::{EntityKind, HlcStamp};

fn to_wire(kind: Domain) -> EntityKind {
    match kind {
        Domain::Center => EntityKind::Center,
        Domain::Counselor => EntityKind::Counselor,
        Domain::Partner => EntityKind::Partner,
        Domain::Seeker => EntityKind::Seeker,
        Domain::Company => EntityKind::Company,
        Domain::Vacancy => EntityKind::Vacancy,
        Domain::Referral => EntityKind::Referral,
        Domain::Application => EntityKind::Application,
        Domain::Event => EntityKind::Event,
    }
}

#[test]
fn domain_entity_names_are_the_wire_names() {
    let all = [
        Domain::Center,
        Domain::Counselor,
        Domain::Partner,
        Domain::Seeker,
        Domain::Company,
        Domain::Vacancy,
        Domain::Referral,
        Domain::Application,
        Domain::Event,
    ];
    for kind in all {
        let wire = to_wire(kind);
        assert_eq!(
            wire.as_str(),
            kind.as_str(),
            "the outbox stores the domain name; the wire must read it as the same kind"
        );
        assert_eq!(EntityKind::from_wire(kind.as_str()), wire);
    }
    assert_eq!(
        all.len(),
        EntityKind::KNOWN.len(),
        "every wire kind has a domain kind"
    );
}

#[test]
fn desk_clock_stamps_read_back_unchanged() {
    let device = "0199c9a4-8e00-7000-8000-000000000001";
    let mut clock = doyak_domain::Hlc::new(device);
    for now in [0, 1_760_000_000_000, 1_760_000_000_000, 5] {
        let desk = clock.tick(now);
        let text = desk.to_string();
        let wire: HlcStamp = text.parse().expect("every desk stamp is a wire stamp");
        assert_eq!(
            (wire.wall_ms, wire.counter, wire.device.as_str()),
            (desk.wall_ms, desk.counter, desk.device.as_str())
        );
        assert_eq!(
            wire.to_string(),
            text,
            "and prints exactly as the desk stored it"
        );
    }
}
