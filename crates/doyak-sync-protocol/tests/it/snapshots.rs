//! The exact JSON of representative v1 messages. A failure here means the
//! wire format changed: if that was meant, it needs a new protocol version
//! (or an additive field), not just `UPDATE_EXPECT=1`.

use crate::samples;
use expect_test::{Expect, expect};
use serde::Serialize;

fn check(value: &impl Serialize, expect: Expect) {
    let json = serde_json::to_string_pretty(value).expect("wire types encode");
    expect.assert_eq(&json);
}

#[test]
fn push_request_json() {
    check(
        &samples::push_request(),
        expect![[r#"
        {
          "protocol": 1,
          "device_id": "0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
          "mutations": [
            {
              "mutation_id": "0199c82c-c001-7101-8101-010101010101",
              "seq": 1,
              "entity": "seeker",
              "entity_id": "0199c82c-c064-7464-a464-646464646464",
              "op": {
                "kind": "insert",
                "record": {
                  "center_id": "0199c82c-c063-7363-a363-636363636363",
                  "id": "0199c82c-c064-7464-a464-646464646464",
                  "name": "김도약",
                  "phone": "010-1111-2222"
                }
              },
              "hlc": "001760000000001-00000000-0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
              "schema_version": 2
            },
            {
              "mutation_id": "0199c82c-c002-7202-8202-020202020202",
              "seq": 2,
              "entity": "seeker",
              "entity_id": "0199c82c-c064-7464-a464-646464646464",
              "op": {
                "kind": "update",
                "fields": {
                  "phone": {
                    "value": "010-9999-8888",
                    "base": 1
                  }
                }
              },
              "hlc": "001760000000002-00000000-0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
              "schema_version": 2
            },
            {
              "mutation_id": "0199c82c-c003-7303-8303-030303030303",
              "seq": 3,
              "entity": "event",
              "entity_id": "0199c82c-c065-7565-a565-656565656565",
              "op": {
                "kind": "append",
                "record": {
                  "body": {
                    "minutes": 50,
                    "type": "counseling_session"
                  },
                  "id": "0199c82c-c065-7565-a565-656565656565",
                  "occurred_on": "2025-10-09",
                  "subject_id": "0199c82c-c064-7464-a464-646464646464"
                }
              },
              "hlc": "001760000000003-00000000-0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
              "schema_version": 2
            },
            {
              "mutation_id": "0199c82c-c004-7404-8404-040404040404",
              "seq": 4,
              "entity": "vacancy",
              "entity_id": "0199c82c-c066-7666-a666-666666666666",
              "op": {
                "kind": "delete"
              },
              "hlc": "001760000000004-00000000-0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
              "schema_version": 2
            },
            {
              "mutation_id": "0199c82c-c005-7505-8505-050505050505",
              "seq": 5,
              "entity": "seeker",
              "entity_id": "0199c82c-c064-7464-a464-646464646464",
              "op": {
                "kind": "update",
                "fields": {
                  "phone": {
                    "value": "010-2222-3333",
                    "base": 3
                  }
                }
              },
              "hlc": "001760000000005-00000000-0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
              "schema_version": 2,
              "resolves": [
                "0199c82c-c096-7696-9696-969696969696"
              ]
            }
          ]
        }"#]],
    );
}

#[test]
fn push_response_json() {
    check(
        &samples::push_response(),
        expect![[r#"
        {
          "protocol": 1,
          "results": [
            {
              "mutation_id": "0199c82c-c001-7101-8101-010101010101",
              "seq": 1,
              "duplicate": true,
              "outcome": {
                "status": "applied",
                "change_version": 41
              }
            },
            {
              "mutation_id": "0199c82c-c002-7202-8202-020202020202",
              "seq": 2,
              "outcome": {
                "status": "conflict_recorded",
                "applied": {
                  "change_version": 42,
                  "versions": {
                    "phone": 3
                  }
                },
                "conflicts": [
                  {
                    "conflict_id": "0199c82c-c096-7696-9696-969696969696",
                    "entity": "seeker",
                    "entity_id": "0199c82c-c064-7464-a464-646464646464",
                    "field": "phone",
                    "base_version": 1,
                    "overwritten": {
                      "value": "010-5555-6666",
                      "version": 2,
                      "device_id": "0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
                      "hlc": "001760000000001-00000000-0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
                      "mutation_id": "0199c82c-c03c-7c3c-bc3c-3c3c3c3c3c3c"
                    },
                    "applied": {
                      "value": "010-9999-8888",
                      "version": 3,
                      "device_id": "0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
                      "hlc": "001760000000002-00000000-0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
                      "mutation_id": "0199c82c-c002-7202-8202-020202020202"
                    }
                  }
                ]
              }
            },
            {
              "mutation_id": "0199c82c-c003-7303-8303-030303030303",
              "seq": 3,
              "outcome": {
                "status": "rejected",
                "code": "record.invalid",
                "message": "상담 기록의 상담 시간이 0분입니다."
              }
            },
            {
              "mutation_id": "0199c82c-c004-7404-8404-040404040404",
              "seq": 4,
              "outcome": {
                "status": "applied",
                "change_version": 43
              }
            },
            {
              "mutation_id": "0199c82c-c005-7505-8505-050505050505",
              "seq": 5,
              "outcome": {
                "status": "applied",
                "change_version": 44,
                "versions": {
                  "status": 4
                },
                "server_kept": {
                  "status": {
                    "value": "hired",
                    "version": 4
                  }
                }
              }
            }
          ],
          "acknowledged_seq": 5,
          "server_time_ms": 1760000100000
        }"#]],
    );
}

#[test]
fn pull_request_json() {
    check(
        &samples::pull_request(),
        expect![[r#"
        {
          "protocol": 1,
          "cursor": 40,
          "limit": 500
        }"#]],
    );
}

#[test]
fn pull_response_json() {
    check(
        &samples::pull_response(),
        expect![[r#"
        {
          "protocol": 1,
          "changes": [
            {
              "version": 41,
              "entity": "company",
              "entity_id": "0199c82c-c06e-7e6e-ae6e-6e6e6e6e6e6e",
              "mutation_id": "0199c82c-c029-7929-a929-292929292929",
              "author_device": "0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
              "hlc": "001760000000041-00000001-0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
              "body": {
                "kind": "insert",
                "fields": {
                  "employees": {
                    "value": 42,
                    "version": 1
                  },
                  "name": {
                    "value": "도약정밀",
                    "version": 1
                  }
                }
              }
            },
            {
              "version": 42,
              "entity": "company",
              "entity_id": "0199c82c-c06e-7e6e-ae6e-6e6e6e6e6e6e",
              "mutation_id": "0199c82c-c02a-7a2a-aa2a-2a2a2a2a2a2a",
              "author_device": "0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
              "hlc": "001760000000042-00000001-0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
              "body": {
                "kind": "update",
                "fields": {
                  "employees": {
                    "value": 45,
                    "version": 2
                  }
                }
              }
            },
            {
              "version": 43,
              "entity": "vacancy",
              "entity_id": "0199c82c-c066-7666-a666-666666666666",
              "mutation_id": "0199c82c-c02b-7b2b-ab2b-2b2b2b2b2b2b",
              "author_device": "0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
              "hlc": "001760000000043-00000001-0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
              "body": {
                "kind": "delete"
              }
            },
            {
              "version": 44,
              "entity": "event",
              "entity_id": "0199c82c-c06f-7f6f-af6f-6f6f6f6f6f6f",
              "mutation_id": "0199c82c-c02c-7c2c-ac2c-2c2c2c2c2c2c",
              "author_device": "0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
              "hlc": "001760000000044-00000001-0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
              "body": {
                "kind": "append",
                "record": {
                  "body": {
                    "type": "company_visit"
                  },
                  "id": "0199c82c-c06f-7f6f-af6f-6f6f6f6f6f6f"
                }
              }
            },
            {
              "version": 45,
              "entity": "seeker",
              "entity_id": "0199c82c-c064-7464-a464-646464646464",
              "mutation_id": "0199c82c-c02d-7d2d-ad2d-2d2d2d2d2d2d",
              "author_device": "0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
              "hlc": "001760000000045-00000001-0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
              "body": {
                "kind": "conflict",
                "conflict": {
                  "conflict_id": "0199c82c-c096-7696-9696-969696969696",
                  "entity": "seeker",
                  "entity_id": "0199c82c-c064-7464-a464-646464646464",
                  "field": "phone",
                  "base_version": 1,
                  "overwritten": {
                    "value": "010-5555-6666",
                    "version": 2,
                    "device_id": "0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
                    "hlc": "001760000000001-00000000-0199c82c-c0c9-79c9-89c9-c9c9c9c9c9c9",
                    "mutation_id": "0199c82c-c03c-7c3c-bc3c-3c3c3c3c3c3c"
                  },
                  "applied": {
                    "value": "010-9999-8888",
                    "version": 3,
                    "device_id": "0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
                    "hlc": "001760000000002-00000000-0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
                    "mutation_id": "0199c82c-c002-7202-8202-020202020202"
                  },
                  "resolution": {
                    "mutation_id": "0199c82c-c005-7505-8505-050505050505",
                    "device_id": "0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
                    "hlc": "001760000000005-00000000-0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8"
                  }
                }
              }
            }
          ],
          "next_cursor": 47,
          "has_more": true,
          "server_time_ms": 1760000100000
        }"#]],
    );
}

#[test]
fn enrollment_json() {
    check(
        &samples::enroll_request(),
        expect![[r#"
        {
          "protocol": 1,
          "code": "7R1EG3W07R1E",
          "device_id": "0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
          "device_name": "3층 상담실 노트북",
          "app_version": "0.1.0"
        }"#]],
    );
    check(
        &samples::enroll_response(),
        expect![[r#"
        {
          "protocol": 1,
          "device_id": "0199c82c-c0c8-78c8-88c8-c8c8c8c8c8c8",
          "center_id": "0199c82c-c063-7363-a363-636363636363",
          "center_name": "도약 고용센터",
          "token": "doyak_dt1_3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c",
          "expires_at": "2026-10-09T08:53:20Z"
        }"#]],
    );
}

#[test]
fn server_info_and_error_json() {
    check(
        &samples::server_info(),
        expect![[r#"
            {
              "protocols": [
                1
              ],
              "limits": {
                "max_push_mutations": 2000,
                "max_request_bytes": 8388608,
                "max_mutation_bytes": 262144,
                "max_pull_limit": 2000
              },
              "server_version": "doyak-server 0.1.0"
            }"#]],
    );
    check(
        &samples::unsupported_version_error(),
        expect![[r#"
        {
          "code": "protocol.unsupported_version",
          "message": "서버와 이 프로그램의 동기화 방식이 맞지 않습니다. 도약을 최신 버전으로 업데이트해 주세요. 보내지 못한 변경 내용은 이 기기에 그대로 보관됩니다.",
          "supported_versions": [
            1
          ],
          "details": [
            "프로토콜 버전 9은(는) 지원하지 않습니다 (지원: v1)."
          ]
        }"#]],
    );
    check(
        &samples::sequence_gap_error(),
        expect![[r#"
        {
          "code": "push.sequence_gap",
          "message": "서버가 받지 못한 변경 내용이 있어 빠진 부분부터 다시 보냅니다.",
          "acknowledged_seq": 17
        }"#]],
    );
}
