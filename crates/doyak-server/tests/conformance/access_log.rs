//! The access log (개인정보 접근 기록) alike on both backends: uploads
//! stored once whatever is resent, a chain that does not link refused with
//! nothing of its batch stored, and the view a center's administrator gets
//! holding that center's entries only.

use super::{backends, enroll, now, uuid7};
use doyak_server::access_log::AccessLogQuery;
use doyak_server::model::ViewerScope;
use doyak_server::service::Caller;
use doyak_server::{ApiError, SyncService};
use doyak_sync_protocol::{
    ACCESS_LOG_GENESIS, AccessLogEntry, AccessLogRequest, AccessLogResponse, ErrorCode,
    ProtocolVersion,
};
use uuid::Uuid;

/// A desk's log: `n` entries chained from the genesis hash, the k-th at
/// 09:00 + k minutes UTC on 2026-12-0d, alternating views and prints of a
/// few seekers.
fn log(device: Uuid, n: u64, day: u32, salt: &str) -> Vec<AccessLogEntry> {
    let mut prev = ACCESS_LOG_GENESIS.to_owned();
    (1..=n)
        .map(|seq| {
            let mut e = AccessLogEntry {
                seq,
                at: format!("2026-12-{day:02}T09:{seq:02}:00.000Z"),
                device_id: device.to_string(),
                actor: format!("counselor:{salt}"),
                action: if seq % 3 == 0 { "print" } else { "view" }.into(),
                entity: "seeker".into(),
                entity_id: Some(uuid7(500 + seq % 2).to_string()),
                detail: if seq % 3 == 0 {
                    "report:seeker"
                } else {
                    "page"
                }
                .into(),
                prev_hash: prev.clone(),
                hash: String::new(),
            };
            e.hash = e.computed_hash();
            prev = e.hash.clone();
            e
        })
        .collect()
}

fn upload(
    service: &SyncService,
    device: &doyak_server::model::DeviceRow,
    entries: &[AccessLogEntry],
) -> Result<AccessLogResponse, ApiError> {
    service.upload_access_log(
        device,
        AccessLogRequest {
            protocol: ProtocolVersion::V1,
            device_id: device.device_id,
            entries: entries.to_vec(),
        },
        now(),
    )
}

fn answer(r: &Result<AccessLogResponse, ApiError>) -> String {
    match r {
        Ok(a) => format!("ok ack={} stored={}", a.acknowledged_seq, a.stored),
        Err(e) => format!(
            "{} {} ack={:?}",
            e.status,
            e.code().as_str(),
            e.body.acknowledged_seq
        ),
    }
}

fn viewer(service: &SyncService, scope: ViewerScope) -> Caller {
    let (_, token) = service
        .issue_viewer("센터 관리자", scope, None, now())
        .unwrap();
    service
        .authenticate_caller(token.expose_secret(), now())
        .unwrap()
}

#[test]
fn uploads_are_stored_once_and_a_broken_chain_is_refused_alike_on_every_backend() {
    let mut transcripts = Vec::new();
    for backend in backends() {
        let service = &backend.service;
        let name = backend.name;
        let (east, west) = (uuid7(1), uuid7(2));
        service.put_center(east, "동부센터").unwrap();
        service.put_center(west, "서부센터").unwrap();
        let a1 = enroll(service, east, 1);
        let a2 = enroll(service, east, 2);
        let b1 = enroll(service, west, 3);
        let a1_log = log(a1.id, 8, 1, "a1");
        let mut t = Vec::new();
        let mut step = |what: &str, r: Result<AccessLogResponse, ApiError>| {
            t.push(format!("{what}: {}", answer(&r)));
            r
        };

        let first = step("a1 1-3", upload(service, &a1.row, &a1_log[..3])).unwrap();
        assert_eq!((first.acknowledged_seq, first.stored), (3, 3), "{name}");
        let again = step("a1 1-3 again", upload(service, &a1.row, &a1_log[..3])).unwrap();
        assert_eq!(
            (again.acknowledged_seq, again.stored),
            (3, 0),
            "{name}: the answer was lost and the desk sent the batch again: nothing twice"
        );
        let overlap = step("a1 2-5", upload(service, &a1.row, &a1_log[1..5])).unwrap();
        assert_eq!(
            (overlap.acknowledged_seq, overlap.stored),
            (5, 2),
            "{name}: a batch reaching back over held entries stores only the new ones"
        );

        // The desk's log was rewritten from entry 4 on (an edited entry,
        // rehashed, and everything after it chained again).
        let mut rewritten = a1_log.clone();
        rewritten[3].detail = "report:resume".into();
        let mut prev = rewritten[2].hash.clone();
        for e in &mut rewritten[3..] {
            e.prev_hash = prev;
            e.hash = e.computed_hash();
            prev = e.hash.clone();
        }
        let refused = step(
            "a1 rewritten 4-8",
            upload(service, &a1.row, &rewritten[3..]),
        );
        assert_eq!(
            refused
                .as_ref()
                .map_err(|e| (e.status, e.code().clone()))
                .err(),
            Some((409, ErrorCode::AccessLogChainBroken)),
            "{name}: entry 4 is held with another hash"
        );
        // Entries 6-8 chained onto the rewritten 5: they do not link to
        // the 5 the server holds.
        let refused = step(
            "a1 rewritten 6-8",
            upload(service, &a1.row, &rewritten[5..]),
        );
        assert_eq!(
            refused.map_err(|e| e.code().clone()).err(),
            Some(ErrorCode::AccessLogChainBroken),
            "{name}: the first new entry must link to the last held"
        );
        let gap = step("a1 7-8", upload(service, &a1.row, &a1_log[6..]));
        assert_eq!(
            gap.map_err(|e| (e.code().clone(), e.body.acknowledged_seq))
                .err(),
            Some((ErrorCode::PushSequenceGap, Some(5))),
            "{name}: the answer says where to send from"
        );
        let rest = step("a1 6-8", upload(service, &a1.row, &a1_log[5..])).unwrap();
        assert_eq!(
            (rest.acknowledged_seq, rest.stored),
            (8, 3),
            "{name}: nothing of the refused batches was stored, so 6-8 are new"
        );

        let other = service.upload_access_log(
            &a1.row,
            AccessLogRequest {
                protocol: ProtocolVersion::V1,
                device_id: a2.id,
                entries: a1_log[..1].to_vec(),
            },
            now(),
        );
        assert_eq!(
            other.map_err(|e| e.code().clone()).err(),
            Some(ErrorCode::AuthInvalid),
            "{name}: a device uploads its own log only"
        );

        step("a2 1-2", upload(service, &a2.row, &log(a2.id, 2, 2, "a2"))).unwrap();
        step("b1 1-4", upload(service, &b1.row, &log(b1.id, 4, 1, "b1"))).unwrap();
        transcripts.push((name, t));

        // What the east center's administrator reads.
        let east_admin = viewer(service, ViewerScope::Center(east));
        let west_admin = viewer(service, ViewerScope::Center(west));
        let view = service
            .access_log_view(&east_admin, &AccessLogQuery::default())
            .unwrap();
        assert_eq!(view.total, 10, "{name}: a1's 8 and a2's 2");
        assert!(
            view.entries.iter().all(|e| e.center_id == east),
            "{name}: an administrator never sees another center's entries"
        );
        assert_eq!(
            view.entries
                .iter()
                .map(|e| (e.device_id, e.seq))
                .take(3)
                .collect::<Vec<_>>(),
            [(a2.id, 2), (a2.id, 1), (a1.id, 8)],
            "{name}: newest first (a2's are a day later)"
        );
        let chains: Vec<(Uuid, u64, bool)> = view
            .devices
            .iter()
            .map(|c| (c.device_id, c.last_seq, c.verified))
            .collect();
        let mut expected = vec![(a1.id, 8, true), (a2.id, 2, true)];
        expected.sort();
        assert_eq!(chains, expected, "{name}: each device's chain verifies");
        let a1_chain = view.devices.iter().find(|c| c.device_id == a1.id).unwrap();
        assert_eq!(
            a1_chain.head, a1_log[7].hash,
            "{name}: the head the desk's own log must still hold"
        );

        let west_view = service
            .access_log_view(&west_admin, &AccessLogQuery::default())
            .unwrap();
        assert_eq!(
            (
                west_view.total,
                west_view.entries.iter().all(|e| e.center_id == west)
            ),
            (4, true),
            "{name}: the west administrator reads b1's four and nothing of the east"
        );
        let asked_for_east = service
            .access_log_view(
                &west_admin,
                &AccessLogQuery {
                    device: Some(a1.id),
                    ..AccessLogQuery::default()
                },
            )
            .unwrap();
        assert_eq!(
            asked_for_east.total, 0,
            "{name}: naming another center's device shows nothing of it"
        );
        for (who, caller) in [
            ("device", Caller::Device(a1.row.clone())),
            ("national", viewer(service, ViewerScope::National)),
        ] {
            let refused = service.access_log_view(&caller, &AccessLogQuery::default());
            assert_eq!(
                refused
                    .map(|_| ())
                    .map_err(|e| (e.status, e.code().clone())),
                Err((403, ErrorCode::CenterForbidden)),
                "{name}: a {who} does not read a center's access log"
            );
            assert!(
                service
                    .access_log_csv(&caller, &AccessLogQuery::default())
                    .is_err(),
                "{name}: nor its CSV"
            );
        }

        // Filters and pages.
        let count = |q: AccessLogQuery| service.access_log_view(&east_admin, &q).unwrap().total;
        assert_eq!(
            count(AccessLogQuery {
                device: Some(a2.id),
                ..AccessLogQuery::default()
            }),
            2,
            "{name}"
        );
        assert_eq!(
            count(AccessLogQuery {
                action: Some("print".into()),
                ..AccessLogQuery::default()
            }),
            2,
            "{name}: a1's 3 and 6 (every third entry is a print)"
        );
        assert_eq!(
            count(AccessLogQuery {
                entity_id: Some(uuid7(501).to_string()),
                ..AccessLogQuery::default()
            }),
            5,
            "{name}: odd entries are about seeker 501 (a1's 1,3,5,7 and a2's 1)"
        );
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 12, d);
        assert_eq!(
            count(AccessLogQuery {
                from: day(2),
                to: day(2),
                ..AccessLogQuery::default()
            }),
            2,
            "{name}: 18:00-18:02 in Korea on 2 December are a2's"
        );
        let page = service
            .access_log_view(
                &east_admin,
                &AccessLogQuery {
                    page: 2,
                    per_page: 3,
                    ..AccessLogQuery::default()
                },
            )
            .unwrap();
        assert_eq!(
            page.entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
            [7, 6, 5],
            "{name}: the second page of three, newest first"
        );
        let csv = service
            .access_log_csv(&east_admin, &AccessLogQuery::default())
            .unwrap();
        assert_eq!(
            csv.lines().count(),
            11,
            "{name}: a heading and every entry of the center"
        );
        assert!(csv.starts_with("\u{feff}시각(UTC),"), "{name}");
        // Past the most one download holds: refused with the count, and the
        // same filter narrowed to one device fits.
        let refused = service
            .access_log_csv_within(&east_admin, &AccessLogQuery::default(), 9)
            .unwrap_err();
        assert_eq!(
            (refused.status, refused.code().clone()),
            (413, ErrorCode::RequestTooLarge),
            "{name}"
        );
        assert!(
            refused.body.message.contains("10건"),
            "{}",
            refused.body.message
        );
        let one = service
            .access_log_csv_within(
                &east_admin,
                &AccessLogQuery {
                    device: Some(a2.id),
                    ..AccessLogQuery::default()
                },
                9,
            )
            .unwrap();
        assert_eq!(one.lines().count(), 3, "{name}: a heading and a2's two");
        assert!(
            !csv.contains(&b1.id.to_string()),
            "{name}: nothing of the west"
        );
    }
    for pair in transcripts.windows(2) {
        assert_eq!(pair[0].1, pair[1].1, "{} and {}", pair[0].0, pair[1].0);
    }
}
