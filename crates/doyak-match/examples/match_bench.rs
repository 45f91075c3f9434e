//! Measures the matcher on synthetic caseloads of 10 000 seekers × 10 000
//! vacancies: every seeker's exact top 10 on all cores, one seeker's top 10
//! with reasons, one vacancy's top 10, and peak memory. Run with
//! `cargo run --release -p doyak-match --example match_bench [-- seekers vacancies]`.
//!
//! Two regions: the capital region (서울·인천·경기, 77 시군구), and the
//! harder "one center" case where everybody lives and works within 40 km of
//! 안산시 단원구, so far more vacancies are within reach of each seeker.

use doyak_match::{Caseload, SeekerProfile, VacancyProfile};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use std::time::{Duration, Instant};

/// A job both sides are drawn from, condensed from doyak-demo's table.
struct Job {
    keco: &'static str,
    related: &'static [&'static str],
    skills: &'static [&'static str],
    /// Requirement slots: a vacancy requiring certificates asks one of each.
    required: &'static [&'static [&'static str]],
    require_rate: f64,
    preferred: &'static [&'static str],
    /// Monthly wage band in 만원.
    wage: (u32, u32),
    shift_rate: f64,
    seekers: u32,
    vacancies: u32,
}

const JOBS: &[Job] = &[
    Job {
        keco: "82",
        related: &["89", "81"],
        skills: &[
            "CO2 용접",
            "TIG 용접",
            "피복아크 용접",
            "도면 해독",
            "가우징",
            "취부",
        ],
        required: &[&["용접기능사", "특수용접기능사"]],
        require_rate: 0.9,
        preferred: &["특수용접기능사", "용접산업기사", "배관기능사"],
        wage: (280, 420),
        shift_rate: 0.35,
        seekers: 8,
        vacancies: 10,
    },
    Job {
        keco: "82",
        related: &["89"],
        skills: &[
            "에어리스 스프레이 도장",
            "블라스팅",
            "분체 도장",
            "도막 두께 측정",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["도장기능사", "금속도장기능사"],
        wage: (260, 380),
        shift_rate: 0.3,
        seekers: 2,
        vacancies: 3,
    },
    Job {
        keco: "81",
        related: &["82", "89"],
        skills: &[
            "CNC 선반",
            "머시닝센터(MCT)",
            "도면 해독",
            "측정기 사용(버니어캘리퍼스·마이크로미터)",
            "G코드 프로그래밍",
            "CAM 기초",
        ],
        required: &[&["컴퓨터응용선반기능사", "컴퓨터응용밀링기능사"]],
        require_rate: 0.3,
        preferred: &["컴퓨터응용가공산업기사", "기계가공조립기능사"],
        wage: (260, 400),
        shift_rate: 0.45,
        seekers: 6,
        vacancies: 8,
    },
    Job {
        keco: "81",
        related: &["83"],
        skills: &[
            "설비 보전",
            "공유압 회로",
            "PLC 기초",
            "전기 배선",
            "용접 보수 작업",
        ],
        required: &[&["전기기능사", "설비보전기능사", "공유압기능사"]],
        require_rate: 0.2,
        preferred: &["설비보전기능사", "공유압기능사", "전기기능사"],
        wage: (280, 420),
        shift_rate: 0.4,
        seekers: 3,
        vacancies: 4,
    },
    Job {
        keco: "85",
        related: &["89"],
        skills: &[
            "사출기 운전",
            "금형 교체",
            "성형 불량 판별",
            "취출 로봇 조작",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["사출금형산업기사", "금형기능사"],
        wage: (230, 320),
        shift_rate: 0.75,
        seekers: 2,
        vacancies: 4,
    },
    Job {
        keco: "89",
        related: &["82", "81", "87"],
        skills: &["제품 조립", "포장", "외관 검사", "자재 운반", "라벨 부착"],
        required: &[],
        require_rate: 0.0,
        preferred: &["지게차운전기능사"],
        wage: (210, 280),
        shift_rate: 0.55,
        seekers: 16,
        vacancies: 14,
    },
    Job {
        keco: "15",
        related: &["89", "02"],
        skills: &[
            "품질검사",
            "3차원 측정기",
            "불량 분석",
            "ISO 9001 문서 관리",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["품질경영산업기사", "정밀측정산업기사"],
        wage: (250, 380),
        shift_rate: 0.25,
        seekers: 4,
        vacancies: 4,
    },
    Job {
        keco: "62",
        related: &["89"],
        skills: &["지게차 운전", "상하차", "재고 관리", "랩핑·적재"],
        required: &[&["지게차운전기능사"]],
        require_rate: 1.0,
        preferred: &["굴착기운전기능사"],
        wage: (240, 330),
        shift_rate: 0.35,
        seekers: 6,
        vacancies: 6,
    },
    Job {
        keco: "62",
        related: &["89"],
        skills: &["화물 운송", "배송 동선 관리", "화물 결박", "운행기록 관리"],
        required: &[
            &["제1종 보통 운전면허", "제1종 대형 운전면허"],
            &["화물운송종사자격"],
        ],
        require_rate: 1.0,
        preferred: &["제1종 대형 운전면허"],
        wage: (280, 420),
        shift_rate: 0.3,
        seekers: 6,
        vacancies: 5,
    },
    Job {
        keco: "83",
        related: &["81", "89"],
        skills: &[
            "전기 배선",
            "제어반 조립",
            "시퀀스 제어",
            "클린룸 작업",
            "SMT 장비 운용",
        ],
        required: &[&["전기기능사"]],
        require_rate: 0.3,
        preferred: &["전기산업기사", "전자기기기능사"],
        wage: (240, 400),
        shift_rate: 0.5,
        seekers: 5,
        vacancies: 6,
    },
    Job {
        keco: "55",
        related: &["56"],
        skills: &[
            "신체활동 지원",
            "치매 어르신 돌봄",
            "식사·위생 보조",
            "이동 보조",
        ],
        required: &[&["요양보호사"]],
        require_rate: 1.0,
        preferred: &["사회복지사 2급"],
        wage: (210, 280),
        shift_rate: 0.55,
        seekers: 10,
        vacancies: 8,
    },
    Job {
        keco: "53",
        related: &["56", "87"],
        skills: &[
            "한식 조리",
            "단체급식 조리",
            "식자재 관리",
            "위생 관리(HACCP)",
            "식기 세척",
        ],
        required: &[&["한식조리기능사"]],
        require_rate: 0.3,
        preferred: &["한식조리기능사", "양식조리기능사"],
        wage: (200, 320),
        shift_rate: 0.25,
        seekers: 10,
        vacancies: 8,
    },
    Job {
        keco: "56",
        related: &["53", "54"],
        skills: &["건물 청소", "분리수거", "객실 정비", "청소장비 사용"],
        required: &[],
        require_rate: 0.0,
        preferred: &[],
        wage: (200, 240),
        shift_rate: 0.1,
        seekers: 5,
        vacancies: 4,
    },
    Job {
        keco: "54",
        related: &["56"],
        skills: &["출입 통제", "순찰", "CCTV 모니터링", "주차 관리"],
        required: &[],
        require_rate: 0.0,
        preferred: &[],
        wage: (210, 260),
        shift_rate: 0.9,
        seekers: 4,
        vacancies: 3,
    },
    Job {
        keco: "02",
        related: &["61"],
        skills: &[
            "엑셀",
            "한글(HWP)",
            "회계 프로그램(더존)",
            "문서 작성",
            "ERP 입력",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["컴퓨터활용능력 2급", "워드프로세서", "물류관리사"],
        wage: (210, 330),
        shift_rate: 0.0,
        seekers: 13,
        vacancies: 6,
    },
    Job {
        keco: "61",
        related: &["02", "53"],
        skills: &["고객 응대", "상품 진열", "POS 운용", "재고 관리"],
        required: &[],
        require_rate: 0.0,
        preferred: &[],
        wage: (210, 300),
        shift_rate: 0.2,
        seekers: 4,
        vacancies: 4,
    },
];

/// Spellings seekers use instead of a vacancy's, so the synonym table works.
const SPELLINGS: &[(&str, &str)] = &[
    ("CO2 용접", "CO2용접"),
    ("TIG 용접", "알곤 용접"),
    ("도면 해독", "도면 보기"),
    ("머시닝센터(MCT)", "MCT"),
    ("지게차 운전", "지게차"),
    ("엑셀", "Excel"),
    ("한글(HWP)", "한글"),
    ("용접기능사", "용접"),
    ("지게차운전기능사", "지게차 면허"),
    ("제1종 보통 운전면허", "1종보통"),
];

struct Dice(ChaCha8Rng);

impl Dice {
    fn below(&mut self, n: u32) -> u32 {
        (self.0.next_u64() % u64::from(n.max(1))) as u32
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.0.next_u64() >> 11) as f64) < p * (1u64 << 53) as f64
    }
    fn one<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u32) as usize]
    }
    fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.below(total);
        for &(item, w) in items {
            if x < w {
                return item;
            }
            x -= w;
        }
        items[0].0
    }
    fn job(&mut self, seeker: bool) -> &'static Job {
        let table: Vec<(usize, u32)> = JOBS
            .iter()
            .enumerate()
            .map(|(i, j)| (i, if seeker { j.seekers } else { j.vacancies }))
            .collect();
        &JOBS[self.weighted(&table)]
    }
    fn spelled(&mut self, name: &str) -> String {
        match SPELLINGS.iter().find(|(from, _)| *from == name) {
            Some((_, other)) if self.chance(0.3) => (*other).to_owned(),
            _ => name.to_owned(),
        }
    }
}

fn seeker(d: &mut Dice, i: usize, places: &[String]) -> SeekerProfile {
    let job = d.job(true);
    let mut desired = vec![job.keco.to_owned()];
    if d.chance(0.3) {
        desired.push((*d.one(job.related)).to_owned());
    }
    if d.chance(0.05) {
        desired.clear();
    }
    let mut certificates = Vec::new();
    if d.chance(0.7) {
        for slot in job.required {
            let name = *d.one(slot);
            certificates.push(d.spelled(name));
        }
    }
    if !job.preferred.is_empty() && d.chance(0.3) {
        let name = *d.one(job.preferred);
        certificates.push(d.spelled(name));
    }
    let mut skills = Vec::new();
    for _ in 0..1 + d.below(4) {
        let name = *d.one(job.skills);
        let s = d.spelled(name);
        if !skills.contains(&s) {
            skills.push(s);
        }
    }
    let wage = 10_000 * i64::from(job.wage.0 + d.below(job.wage.1 - job.wage.0 + 1));
    SeekerProfile {
        id: format!("S{:06}", i * 7919 % 1_000_003),
        birth_year: Some(1960 + d.below(45) as i32),
        sigungu: d.one(places).clone(),
        desired_occupations: desired,
        certificates,
        skills,
        experience_years: d.below(41) as f32 / 2.0,
        experience_by_occupation: vec![],
        desired_wage_monthly: (!d.chance(0.1)).then_some(wage / 100_000 * 100_000),
        max_commute_km: (!d.chance(0.05)).then(|| {
            d.weighted(&[
                (10, 10),
                (15, 20),
                (20, 25),
                (25, 15),
                (30, 15),
                (40, 8),
                (50, 5),
                (60, 2),
            ])
        }),
        accepts_shift: d.chance(0.5),
        // A quarter would move into 기숙사 (their scan also visits places
        // beyond the limit). From the index, not the dice, so the rest of
        // the caseload is the one earlier figures were measured on.
        willing_to_relocate: i.is_multiple_of(4),
    }
}

fn vacancy(d: &mut Dice, i: usize, places: &[String]) -> VacancyProfile {
    let job = d.job(false);
    let required: Vec<String> = if d.chance(job.require_rate) {
        job.required
            .iter()
            .map(|slot| (*d.one(slot)).to_owned())
            .collect()
    } else {
        Vec::new()
    };
    let mut preferred = Vec::new();
    for _ in 0..d.below(3) {
        if let Some(&p) = job
            .preferred
            .get(d.below(job.preferred.len().max(1) as u32) as usize)
            && !required.iter().any(|r| r == p)
            && !preferred.iter().any(|q: &String| q == p)
        {
            preferred.push(p.to_owned());
        }
    }
    let mut skills = Vec::new();
    for _ in 0..2 + d.below(3) {
        let s = (*d.one(job.skills)).to_owned();
        if !skills.contains(&s) {
            skills.push(s);
        }
    }
    let shift = d.chance(job.shift_rate);
    let manufacturing = job.keco.starts_with('8') || job.keco == "15";
    let wage = job.wage.0 + d.below(job.wage.1 - job.wage.0 + 1) + if shift { 25 } else { 0 };
    VacancyProfile {
        id: format!("V{:06}", i * 7919 % 1_000_003),
        company_id: format!("C{:05}", d.below(4000)),
        occupation: job.keco.to_owned(),
        sigungu: d.one(places).clone(),
        wage_monthly: (!d.chance(0.05)).then_some(i64::from(wage / 10 * 10) * 10_000),
        required_certificates: required,
        preferred_certificates: preferred,
        skills,
        min_experience_years: Some(d.weighted(&[(0, 55), (1, 15), (2, 12), (3, 10), (5, 8)])),
        shift_work: shift,
        headcount: d.weighted(&[(0, 5), (1, 40), (2, 30), (3, 15), (5, 10)]),
        housing: d.chance(if manufacturing { 0.25 } else { 0.05 }),
        commute_bus: d.chance(if manufacturing { 0.35 } else { 0.05 }),
    }
}

/// CPU time this thread has run, from the scheduler (Linux); the machine is
/// shared, so wall time alone says as much about the neighbours as about us.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// CPU time of the whole process, every thread included (Linux, 10 ms
/// ticks).
fn process_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses.
    let fields: Vec<&str> = text.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn peak_rss_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or_else(|| "?".to_owned(), |kb| format!("{:.0} MB", kb / 1024.0))
}

fn json_lines<T: serde::Serialize>(records: &[T]) -> Vec<String> {
    records
        .iter()
        .map(|r| serde_json::to_string(r).unwrap_or_default())
        .collect()
}

fn run(name: &str, places: Vec<String>, n_seekers: usize, n_vacancies: usize) {
    let mut d = Dice(ChaCha8Rng::seed_from_u64(20_260_501));
    let seekers: Vec<SeekerProfile> = (0..n_seekers).map(|i| seeker(&mut d, i, &places)).collect();
    let vacancies: Vec<VacancyProfile> = (0..n_vacancies)
        .map(|i| vacancy(&mut d, i, &places))
        .collect();
    println!(
        "\n## {name}: {n_seekers} seekers × {n_vacancies} vacancies over {} 시군구",
        places.len()
    );
    // DOYAK_BENCH_JSONL=DIR writes this caseload as the CLI's input files
    // (DIR/NAME-seekers.jsonl, DIR/NAME-vacancies.jsonl), so `doyak match`
    // and `doyak assign` can be timed on the same data.
    if let Some(dir) = std::env::var_os("DOYAK_BENCH_JSONL") {
        let slug: String = name
            .split_whitespace()
            .next()
            .unwrap_or("caseload")
            .to_owned();
        let dir = std::path::PathBuf::from(dir);
        let write = |file: String, lines: Vec<String>| {
            let path = dir.join(file);
            if let Err(e) = std::fs::write(&path, lines.join("\n") + "\n") {
                eprintln!("cannot write {}: {e}", path.display());
                std::process::exit(1);
            }
        };
        write(format!("{slug}-seekers.jsonl"), json_lines(&seekers));
        write(format!("{slug}-vacancies.jsonl"), json_lines(&vacancies));
    }

    let t = Instant::now();
    let caseload = match Caseload::new(seekers, vacancies) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("invalid synthetic caseload: {e}");
            std::process::exit(1);
        }
    };
    println!("index build                         {}", ms(t.elapsed()));

    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    for t_count in [1, threads] {
        let mut times = Vec::new();
        let mut found = 0;
        let mut cpu = Vec::new();
        let total_before = process_cpu();
        for _ in 0..7 {
            let (t, c) = (Instant::now(), thread_cpu());
            let all = caseload.top_k_all_seekers(10, t_count);
            times.push(t.elapsed());
            if let (Some(before), Some(after)) = (c, thread_cpu()) {
                cpu.push(after - before);
            }
            found = all.iter().map(Vec::len).sum::<usize>();
        }
        let total_cpu = match (total_before, process_cpu()) {
            (Some(before), Some(after)) => format!("{} per run", ms((after - before) / 7)),
            _ => "?".to_owned(),
        };

        println!(
            "top-10 of every seeker, {t_count} thread(s)    median {} of 7 (min {}, max {}); {found} pairs",
            ms(median(times.clone())),
            ms(*times.iter().min().unwrap_or(&Duration::ZERO)),
            ms(*times.iter().max().unwrap_or(&Duration::ZERO)),
        );
        if t_count == 1 && !cpu.is_empty() {
            // One thread runs inline, so its CPU time is this thread's.
            println!(
                "  … CPU time, this thread            median {}",
                ms(median(cpu))
            );
        }
        println!("  … CPU time, all threads            {total_cpu}");
    }

    let mut times = Vec::new();
    for s in (0..n_seekers).step_by((n_seekers / 2000).max(1)) {
        let t = Instant::now();
        let ranked = caseload.rank_vacancies(s, 10);
        times.push(t.elapsed());
        std::hint::black_box(ranked);
    }
    times.sort();
    println!(
        "one seeker's top 10 with reasons    median {}, p95 {}, max {} ({} seekers)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(times[times.len() - 1]),
        times.len()
    );

    let mut times = Vec::new();
    for v in (0..n_vacancies).step_by((n_vacancies / 500).max(1)) {
        let t = Instant::now();
        let ranked = caseload.rank_seekers(v, 10);
        times.push(t.elapsed());
        std::hint::black_box(ranked);
    }
    times.sort();
    println!(
        "one vacancy's top 10 with reasons   median {}, p95 {} ({} vacancies)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        times.len()
    );

    if let Some(r) = caseload.rank_vacancies(0, 1).first() {
        println!("sample: seeker 0's best, {:.2} points", r.score);
        for reason in &r.reasons {
            println!("  {:+6.2} {}", reason.points, reason.text_ko);
        }
    }
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n_seekers = args.first().copied().unwrap_or(10_000);
    let n_vacancies = args.get(1).copied().unwrap_or(10_000);
    let refdata = doyak_refdata::get();
    let capital: Vec<String> = refdata
        .sigungu
        .iter()
        .filter(|s| ["11", "28", "41"].iter().any(|p| s.code.starts_with(p)))
        .map(|s| s.code.clone())
        .collect();
    let near_ansan: Vec<String> = refdata
        .sigungu
        .iter()
        .filter(|s| {
            refdata
                .distance_km("41273", &s.code)
                .is_some_and(|d| d <= 40.0)
        })
        .map(|s| s.code.clone())
        .collect();
    run("capital region", capital, n_seekers, n_vacancies);
    run(
        "one center (within 40 km of 안산시 단원구)",
        near_ansan,
        n_seekers,
        n_vacancies,
    );
    println!("\npeak RSS (VmHWM)                    {}", peak_rss_mb());
}
