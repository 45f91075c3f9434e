//! Viewer tokens and regions, alike on both backends: issued, listed,
//! revoked and expired as the administrator expects, and the national
//! counts cut to each caller's scope from one publication.

use super::{backends, enroll, now, seeker, uuid7};
use chrono::Duration;
use doyak_server::model::ViewerScope;
use doyak_server::national::{Scope, Why};
use doyak_server::service::Caller;
use doyak_sync_protocol::{ErrorCode, Op};
use std::collections::BTreeMap;
use uuid::Uuid;

fn code<T: std::fmt::Debug>(r: Result<T, doyak_server::ApiError>) -> ErrorCode {
    r.expect_err("refused").body.code
}

#[test]
fn viewer_tokens_are_issued_listed_revoked_and_expire_alike_on_every_backend() {
    for backend in backends() {
        let service = &backend.service;
        let name = backend.name;
        let (seoul, busan) = (uuid7(1), uuid7(2));
        service.put_center(seoul, "서울강남").unwrap();
        service.put_center(busan, "부산북부").unwrap();
        assert!(service.set_center_region(seoul, Some(" 서울청 ")).unwrap());
        assert!(service.set_center_region(busan, Some("부산청")).unwrap());
        assert!(!service.set_center_region(uuid7(3), Some("부산청")).unwrap());
        // Renaming keeps the region.
        service.put_center(seoul, "서울강남센터").unwrap();
        let centers = service.centers().unwrap();
        let regions: BTreeMap<Uuid, Option<String>> = centers
            .iter()
            .map(|c| (c.center_id, c.region.clone()))
            .collect();
        assert_eq!(
            regions[&seoul].as_deref(),
            Some("서울청"),
            "{name}: trimmed, kept"
        );
        assert_eq!(regions[&busan].as_deref(), Some("부산청"), "{name}");

        let (national, national_token) = service
            .issue_viewer("고용노동부", ViewerScope::National, None, now())
            .unwrap();
        let (regional, regional_token) = service
            .issue_viewer(
                "서울청 고용센터과",
                ViewerScope::Region("서울청".into()),
                Some(Duration::days(1)),
                now(),
            )
            .unwrap();
        assert_eq!(
            code(service.issue_viewer("오타", ViewerScope::Region("서울 청".into()), None, now())),
            ErrorCode::RequestMalformed,
            "{name}: a region no center is in is a typo"
        );
        assert_eq!(
            code(service.issue_viewer(" ", ViewerScope::National, None, now())),
            ErrorCode::RequestMalformed,
            "{name}: a viewer has a name"
        );
        let listed: Vec<(Uuid, ViewerScope)> = service
            .viewers()
            .unwrap()
            .into_iter()
            .map(|v| (v.viewer_id, v.scope))
            .collect();
        assert_eq!(
            listed,
            [
                (national.viewer_id, ViewerScope::National),
                (regional.viewer_id, ViewerScope::Region("서울청".into()))
            ],
            "{name}: both kept, oldest first, and nothing else"
        );
        assert!(
            service
                .viewers()
                .unwrap()
                .iter()
                .all(|v| v.token_hash.len() == 64
                    && !v.token_hash.contains(national_token.expose_secret())),
            "{name}: only the hash is kept"
        );

        let caller = |token: &str, at| service.authenticate_caller(token, at);
        match caller(national_token.expose_secret(), now()).unwrap() {
            Caller::Viewer(v) => assert_eq!(v.viewer_id, national.viewer_id, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
        assert_eq!(
            caller(regional_token.expose_secret(), now())
                .unwrap()
                .scope(),
            Scope::Region {
                region: "서울청".into()
            }
        );
        assert_eq!(
            code(caller(
                regional_token.expose_secret(),
                now() + Duration::days(2)
            )),
            ErrorCode::AuthExpired,
            "{name}: a day's token is over after a day"
        );
        let unknown = format!("doyak_vt1_{}", "0".repeat(64));
        assert_eq!(
            code(caller(&unknown, now())),
            ErrorCode::AuthInvalid,
            "{name}"
        );
        assert_eq!(
            code(caller("doyak_vt1_short", now())),
            ErrorCode::AuthInvalid,
            "{name}"
        );

        assert!(service.revoke_viewer(national.viewer_id, now()).unwrap());
        assert!(!service.revoke_viewer(uuid7(4), now()).unwrap(), "{name}");
        assert_eq!(
            code(caller(national_token.expose_secret(), now())),
            ErrorCode::AuthRevoked,
            "{name}: refused from the moment it is revoked"
        );
        assert!(matches!(
            caller(&device_token(service, seoul), now()).unwrap(),
            Caller::Device(d) if d.center_id == seoul
        ));
    }
}

/// A fresh device token of `center` (enrolled under a new id).
fn device_token(service: &doyak_server::SyncService, center: Uuid) -> String {
    let code = service
        .create_enrollment_code(center, Duration::hours(1), now())
        .unwrap();
    service
        .enroll(
            &doyak_sync_protocol::EnrollRequest {
                protocol: doyak_sync_protocol::ProtocolVersion::V1,
                code,
                device_id: uuid7(980),
                device_name: "열람 확인".into(),
                app_version: "test".into(),
                center_id: None,
            },
            now(),
        )
        .unwrap()
        .token
        .expose_secret()
        .to_owned()
}

#[test]
fn each_caller_reads_its_scope_of_one_publication_on_every_backend() {
    for backend in backends() {
        let service = &backend.service;
        let name = backend.name;
        // 서울청: 강남 8 and 서초 3 active seekers; 부산청: 북부 12.
        let centers = [
            (uuid7(11), "서울청", 8),
            (uuid7(12), "서울청", 3),
            (uuid7(13), "부산청", 12),
        ];
        for (i, (center, region, seekers)) in centers.iter().enumerate() {
            service.put_center(*center, &format!("센터{i}")).unwrap();
            service.set_center_region(*center, Some(region)).unwrap();
            let mut device = enroll(service, *center, 10 + i as u64);
            let mutations = (0..*seekers)
                .map(|k| {
                    let id = uuid7(1000 + 100 * i as u64 + k);
                    device.mutation(
                        "seeker",
                        id,
                        Op::Insert {
                            record: seeker(id, *center),
                        },
                    )
                })
                .collect();
            service
                .push(&device.row, device.request(mutations), now())
                .unwrap();
        }
        let read = |scope: Scope| service.counts(&scope, "2026-10", "2026-10").unwrap();
        let count_of = |c: &doyak_server::national::Counts, id: Uuid| {
            c.counts
                .iter()
                .find(|r| r.center_id == id)
                .map(|r| (r.count.count, r.count.hidden))
        };
        let all = read(Scope::National);
        // 23 = 11 + 12; 서울청 11 = 8 + 3: the 3 is hidden, and the 8 with
        // it (11 − 8 would give it away); 부산청 alone under the nation is
        // shown, so 서울청 is 23 − 12 anyway and shown.
        assert_eq!(all.national[0].count, Some(23), "{name}");
        assert_eq!(count_of(&all, uuid7(13)), Some((Some(12), None)), "{name}");
        assert_eq!(
            count_of(&all, uuid7(12)),
            Some((None, Some(Why::Small))),
            "{name}"
        );
        assert_eq!(
            count_of(&all, uuid7(11)),
            Some((None, Some(Why::Protect))),
            "{name}"
        );
        let seoul = read(Scope::Region {
            region: "서울청".into(),
        });
        assert_eq!(seoul.centers.len(), 2, "{name}");
        assert!(seoul.national.is_empty(), "{name}");
        assert_eq!(seoul.regions.len(), 1, "{name}");
        assert_eq!(seoul.regions[0].count.count, Some(11), "{name}");
        assert_eq!(
            count_of(&seoul, uuid7(11)),
            count_of(&all, uuid7(11)),
            "{name}: the same cell reads the same for every caller"
        );
        assert_eq!(
            count_of(&seoul, uuid7(13)),
            None,
            "{name}: 부산청 is not 서울청's"
        );
        let own = read(Scope::Center {
            center_id: uuid7(13),
        });
        assert_eq!(own.counts.len(), 1, "{name}");
        assert!(own.regions.is_empty() && own.national.is_empty(), "{name}");
    }
}
