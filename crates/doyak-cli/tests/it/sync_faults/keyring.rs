//! The real keyring crate on a machine without a Secret Service.

use super::*;

/// A machine with a session bus but no Secret Service behind it (as CI,
/// and many a minimal desktop): the real keyring is tried, fails, and the
/// token stays in the encrypted caseload — enrollment and sync work and say
/// nothing about it.
#[test]
fn without_a_secret_service_the_token_stays_in_the_caseload_silently() {
    let env = Env::new();
    let data = env.db("server.sqlite3");
    let db = env.init("keyring.doyak");
    let center = center_id(&env, &db).to_string();
    admin(
        &data,
        &["center", "--id", &center, "--name", "토큰보관센터"],
    );
    let code = admin(&data, &["code", "--center", &center])
        .trim()
        .to_owned();
    let mut server = Server::start(&data);
    let bus = format!("unix:path={}", env.dir.path().join("no-bus").display());
    let run = |args: &[&str]| {
        env.command(&db, PASS, args)
            .env_remove("DOYAK_KEYRING")
            .env("DBUS_SESSION_BUS_ADDRESS", &bus)
            .output()
            .unwrap()
    };
    let enrolled = run(&["enroll", "--server", &server.url(), "--code", &code]);
    assert!(enrolled.status.success(), "{}", stderr(&enrolled));
    let synced = run(&["sync"]);
    assert!(synced.status.success(), "{}", stderr(&synced));
    server.kill();
    for out in [&enrolled, &synced] {
        let err = stderr(out).to_lowercase();
        for word in ["키링", "keyring", "dbus", "secret"] {
            assert!(!err.contains(word), "the fallback is silent: {err}");
        }
    }
    let store = open_desk(&db);
    assert!(
        store.sync_credentials().unwrap().is_some(),
        "the token is in the caseload"
    );
    assert!(store.sync_state().unwrap().enrolled);
}
