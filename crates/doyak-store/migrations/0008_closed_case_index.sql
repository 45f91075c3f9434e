-- 비슷한 이전 참여자 (the 진단 tab) reads the closed cases (취업 or 종료)
-- aiming at one 중분류: the first 희망 직종 and the day of enrolment of each,
-- then its first placement. Reading them from the records decrypted and
-- parsed every closed seeker's JSON (~0.8 s at 50,000 seekers, each time a
-- write made the desk's copy stale). The expressions are indexed so the
-- query finds that 중분류's closed cases through the index instead of
-- scanning every closed record; the placements are found per seeker
-- through their own index.
CREATE INDEX seeker_closed_goal ON seeker (
    substr(json_extract(data, '$.desired_occupations[0]'), 1, 2),
    json_extract(data, '$.desired_occupations[0]'),
    json_extract(data, '$.enrolled_on'),
    id
) WHERE status IN ('employed', 'closed') AND deleted_at IS NULL;
CREATE INDEX retention_seeker ON retention (seeker_id, placed_on);
