//! Tauri's build step: embeds the configuration and the window's assets.
fn main() {
    tauri_build::build();
}
