//! Entry point: installs the panic hook and mounts the portal.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(partner_portal::app::App);
}
