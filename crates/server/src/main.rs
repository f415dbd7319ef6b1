//! Runs the reference backend, e.g. `portal-server --addr 127.0.0.1:8080 --static-dir dist`.

use std::future::IntoFuture;
use std::process::ExitCode;

use axum::serve::ListenerExt;
use std::net::SocketAddr;

use portal_server::{
    app, give_demo_passwords, open_seeded, run_task, AppState, AuthMode, Settings,
};

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
    if let Some(task) = &settings.task {
        return match run_task(&store, task) {
            Ok(done) => {
                println!("portal-server: {done}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("portal-server: {message}");
                ExitCode::FAILURE
            }
        };
    }
    if settings.auth == AuthMode::Demo {
        if let Err(message) = give_demo_passwords(&store) {
            eprintln!("portal-server: {message}");
            return ExitCode::FAILURE;
        }
    }
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
    match settings.auth {
        AuthMode::Demo => println!(
            "portal-server: DEMO MODE: the demo accounts sign in with the password \"{}\", and the \
             operations API takes the key {} (loopback only)",
            portal_server::DEMO_PASSWORD,
            portal_server::DEMO_OPS_KEY
        ),
        AuthMode::Production => {
            println!("portal-server: production mode: every API request needs a signed-in session")
        }
    }
    if let Some(oidc) = &settings.oidc {
        println!(
            "portal-server: access tokens of {} for {} are accepted",
            oidc.issuer, oidc.audience
        );
    }
    let state = AppState::new(store, &settings);
    // Without TCP_NODELAY, a response written in pieces waits for the client's delayed
    // acknowledgement: 40 ms for every file larger than one write.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    // The peer address counts failed sign-ins per address.
    let service = app(&settings, state).into_make_service_with_connect_info::<SocketAddr>();
    // On SIGTERM or Ctrl-C: stop accepting, let requests in flight finish, and give up on
    // them after DRAIN_DEADLINE.
    let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = axum::serve(listener, service)
        .with_graceful_shutdown(async move {
            stop_signal().await;
            println!("portal-server: stopping; finishing the requests in flight");
            let _ = stopping.send(());
        })
        .into_future();
    let deadline = async {
        if stopped.await.is_ok() {
            tokio::time::sleep(DRAIN_DEADLINE).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    let served = tokio::select! {
        served = serving => served,
        () = deadline => {
            eprintln!("portal-server: requests still running after {DRAIN_DEADLINE:?}; stopping anyway");
            Ok(())
        }
    };
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("portal-server: {e}");
            ExitCode::FAILURE
        }
    }
}

/// How long requests in flight may take to finish once the server is told to stop.
const DRAIN_DEADLINE: std::time::Duration = std::time::Duration::from_secs(20);

/// Waits for SIGTERM (how service managers stop a server) or Ctrl-C.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
