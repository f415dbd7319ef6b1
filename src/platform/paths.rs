//! Links inside the portal, prefixed with the sub-path it is hosted under.
//!
//! leptos_router 0.8 leaves absolute `href`s untouched even when `<Router base>` is set, so
//! every in-app link goes through [`href`] to keep working under e.g. `/portal/`.

/// Where the portal is hosted: `""` at the site root, `"/portal"` under a sub-path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortalBase(pub String);

/// Joins the hosting base and an app path such as `/deals?status=approved`.
pub fn join(base: &str, path: &str) -> String {
    let base = base.trim_end_matches('/');
    if path.starts_with('/') {
        format!("{base}{path}")
    } else {
        format!("{base}/{path}")
    }
}

/// The address of an app path for links, using the base provided by the shell.
pub fn href(path: &str) -> String {
    // Read directly (not through `crate::context`) so platform never imports the layer above.
    join(&leptos::prelude::expect_context::<PortalBase>().0, path)
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn at_the_root_paths_are_unchanged() {
        assert_eq!(join("", "/"), "/");
        assert_eq!(join("", "/deals?status=approved"), "/deals?status=approved");
    }

    #[test]
    fn under_a_sub_path_paths_are_prefixed_once() {
        assert_eq!(join("/portal", "/"), "/portal/");
        assert_eq!(join("/portal/", "/deals/DR-7"), "/portal/deals/DR-7");
        assert_eq!(join("/portal", "training"), "/portal/training");
    }
}
