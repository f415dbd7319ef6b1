//! Runs the reference backend: `portal-server --addr 127.0.0.1:8080 --static-dir dist`.

use std::process::ExitCode;

use portal_server::{app, Settings};

#[tokio::main]
async fn main() -> ExitCode {
    let settings = match Settings::from_args(std::env::args().skip(1)) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("portal-server: {message}\n\n{}", Settings::USAGE);
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(&settings.addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("portal-server: cannot listen on {}: {e}", settings.addr);
            return ExitCode::FAILURE;
        }
    };
    println!(
        "portal-server: serving the portal at http://{}{}/",
        settings.addr, settings.base_path
    );
    let served = axum::serve(listener, app(&settings))
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
