//! 도약 데스크: the Tauri 2 shell. It owns the window and the open caseload;
//! every command converts arguments, runs the use case off the UI thread and
//! converts the result back. Logic lives in doyak-app.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod auto_backup;
mod autolock;
mod bindings;
mod casework;
mod commands;
mod company;
mod figures;
mod log;
#[cfg(target_os = "linux")]
mod os_lock;
mod privacy;
mod restore;
mod resume;
mod sync;
mod unlock_clock;

use commands::DeskState;
use std::path::PathBuf;

fn data_dir() -> PathBuf {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("doyak")
}

/// Draws the page without WebKitGTK's accelerated compositing unless
/// `DOYAK_GPU=1`. Measured under Xvfb (no GPU, as on many office VMs and
/// remote desktops): a page of the seeker list painted in 140–640 ms with
/// compositing and 35–46 ms without. Tables and forms gain nothing from the GPU.
fn software_rendering(app: &tauri::App) {
    #[cfg(target_os = "linux")]
    {
        use tauri::Manager;
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        if std::env::var_os("DOYAK_GPU").is_some_and(|v| v == "1") {
            return;
        }
        for window in app.webview_windows().values() {
            let _ = window.with_webview(|webview| {
                if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                    settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                }
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

fn main() {
    log::init(&log::dir(&data_dir()));
    log::quiet_panics();
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "desk started");
    let args: Vec<String> = std::env::args().collect();
    let demo = args.iter().any(|a| a == "--demo") || std::env::var_os("DOYAK_DEMO").is_some();
    let path = match args
        .iter()
        .position(|a| a == "--db")
        .and_then(|i| args.get(i + 1))
    {
        Some(p) => PathBuf::from(p),
        None if demo => data_dir().join("demo.doyak"),
        None => data_dir().join("caseload.doyak"),
    };
    if demo
        && !path.exists()
        && let Err(e) = commands::create_demo_caseload(&path)
    {
        eprintln!("데모 사례관리 파일을 만들 수 없습니다: {e}");
        std::process::exit(1);
    }
    let state = DeskState::new(path, demo);
    sync::start_background(&state);
    let result = tauri::Builder::default()
        .manage(state)
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            software_rendering(app);
            autolock::start(app.handle().clone());
            auto_backup::start(app.handle().clone());
            #[cfg(target_os = "linux")]
            os_lock::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::desk_info,
            commands::unlock,
            commands::summary,
            commands::list_seekers,
            commands::seeker_filter_choices,
            commands::today,
            commands::follow_up_page,
            commands::seeker_detail,
            commands::seeker_form_choices,
            commands::new_seeker_form,
            commands::check_seeker_form,
            commands::seeker_duplicates,
            commands::quick_search,
            commands::save_seeker_form,
            commands::contact_modes,
            commands::new_session_form,
            commands::session_correction_form,
            commands::add_session,
            commands::search_codes,
            commands::code_labels,
            commands::company_filter_choices,
            commands::company_list,
            commands::vacancy_list,
            commands::company_form_choices,
            commands::company_detail,
            commands::new_company_form,
            commands::check_company_form,
            commands::save_company_form,
            commands::new_vacancy_form,
            commands::vacancy_form,
            commands::check_vacancy_form,
            commands::save_vacancy_form,
            commands::complex_view,
            commands::record_visit,
            commands::create_caseload,
            commands::import_file,
            commands::export_file,
            commands::data_choices,
            commands::generate_demo,
            commands::diagnose_seeker,
            commands::save_seeker_report,
            commands::recommended_vacancies,
            commands::recommended_seekers,
            commands::assignment_suggestions,
            commands::seeker_applications,
            commands::vacancy_detail,
            commands::add_application,
            casework::step_application,
            privacy::privacy_view,
            privacy::withdraw_consent,
            privacy::retention_due,
            privacy::center_settings,
            privacy::set_retention_rule,
            privacy::save_consent_form,
            privacy::access_log,
            privacy::verify_access_log,
            privacy::backup_caseload,
            restore::restore_backup,
            resume::attach_resume,
            resume::resume_files,
            resume::resume_view,
            resume::resume_edit_view,
            resume::save_edited_resume,
            resume::confirm_resume_facts,
            resume::save_resume_report,
            resume::save_resume_consulting,
            resume::posting_check,
            resume::posting_draft,
            resume::save_posting_text,
            company::company_diagnosis_view,
            company::preview_company_diagnosis,
            company::save_company_diagnosis,
            company::compare_company_diagnoses,
            company::company_plan,
            company::save_plan_action,
            company::company_programs,
            company::save_company_facts,
            company::save_company_report,
            figures::kpi_dashboard,
            figures::kpi_members,
            figures::save_kpi_workbook,
            figures::save_kpi_pdf,
            casework::outcome_choices,
            casework::new_placement_form,
            casework::add_placement,
            casework::new_retention_form,
            casework::add_retention,
            casework::session_draft,
            casework::case_file_choices,
            casework::add_referral,
            casework::edit_iap_activity,
            casework::add_iap_activity,
            casework::complete_iap_activity,
            casework::check_iap_activity,
            casework::iap,
            casework::set_iap_goal,
            casework::draft_iap,
            casework::save_iap_plan,
            casework::questionnaire,
            casework::save_questionnaire_draft,
            casework::submit_questionnaire,
            casework::record_referral_result,
            casework::save_session_draft,
            casework::drop_session_draft,
            casework::desk_counselor,
            casework::choose_counselor,
            casework::add_counselor,
            casework::add_partner,
            commands::change_passphrase,
            autolock::desk_activity,
            auto_backup::auto_backup,
            auto_backup::set_auto_backup,
            autolock::lock_desk,
            autolock::lock_state,
            autolock::auto_lock_setting,
            autolock::set_auto_lock_minutes,
            sync::sync_panel,
            sync::sync_now,
            sync::enroll_device,
            sync::join_center,
            sync::conflict_queue,
            sync::resolve_conflict,
            sync::settle_same_id,
            sync::sync_rejections,
            sync::dismiss_rejection,
            sync::retry_rejection,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("도약 데스크를 시작할 수 없습니다: {e}");
        std::process::exit(1);
    }
}
