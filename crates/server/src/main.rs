//! Runs the reference backend, e.g. `portal-server --addr 127.0.0.1:8080 --static-dir dist`.

use std::process::ExitCode;

use axum::serve::ListenerExt;
use portal_server::{app, open_seeded, AppState, Settings};

#[tokio::main]
async fn main() -> ExitCode {
    let settings = match Settings::from_args(std::env::args().skip(1)) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("portal-server: {message}\n\n{}", Settings::USAGE);
            return ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    let store = match open_seeded(&settings.db_path, settings.seed) {
        Ok(store) => store,
        Err(message) => {
            eprintln!("portal-server: {message}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "portal-server: database {} ready in {:.1?}",
        settings.db_path.display(),
        started.elapsed()
    );
    let listener = match tokio::net::TcpListener::bind(&settings.addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("portal-server: cannot listen on {}: {e}", settings.addr);
            return ExitCode::FAILURE;
        }
    };
    println!(
        "portal-server: serving the portal at http://{}{}/ and its API at {}/api/v1",
        settings.addr, settings.base_path, settings.base_path
    );
    let state = AppState {
        store,
        auth: settings.auth,
    };
    // Without TCP_NODELAY, a response written in pieces waits for the client's delayed
    // acknowledgement: 40 ms for every file larger than one write.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let served = axum::serve(listener, app(&settings, state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("portal-server: {e}");
            ExitCode::FAILURE
        }
    }
}
