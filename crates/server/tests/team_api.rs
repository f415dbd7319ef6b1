//! The team over real HTTP: what a partner admin sees, roles, removal, invitations accepted
//! once, and the 403 every member gets.

mod support;

use portal_server::{AuthMode, DEMO_PASSWORD};
use serde_json::{json, Value};
use support::{session_cookie, sign_in, start, Server};

const AMELIE: &str = "amelie.dubois@lumiere-cloud.fr";
const THEO: &str = "theo.laurent@lumiere-cloud.fr";

fn member<'a>(team: &'a Value, name: &str) -> Option<&'a Value> {
    team["members"]
        .as_array()?
        .iter()
        .find(|m| m["user"]["name"] == name)
}

fn invite(admin: &Server, email: &str, role: &str) -> Value {
    let reply = admin.post(
        "/team/invitations",
        &json!({"email": email, "role": role}),
        &[],
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.body
}

fn accept(server: &Server, token: &str, name: &str, password: &str) -> support::Reply {
    server.anonymous().post(
        "/invitations/accept",
        &json!({"token": token, "name": name, "password": password}),
        &[("X-Portal-Request", "1")],
    )
}

#[test]
fn an_admin_sees_each_members_certifications_and_courses() {
    let admin = start(AuthMode::Demo).signed_in(AMELIE, DEMO_PASSWORD);
    let team = admin.get("/team");
    assert_eq!(team.status, 200, "{}", team.body);
    let names: Vec<&str> = team.body["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Amélie Dubois", "Théo Laurent"], "admins first");
    let theo = member(&team.body, "Théo Laurent").unwrap();
    assert_eq!(theo["user"]["role"], "member");
    assert_eq!(
        theo["certifications"][0]["name"],
        "Certified Cloud Associate"
    );
    assert_eq!(theo["certifications"][0]["status"], "earned");
    let started: Vec<&str> = theo["courses_in_progress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["course_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        started,
        ["crs-secure-access", "crs-edge"],
        "in catalogue order"
    );
    let amelie = member(&team.body, "Amélie Dubois").unwrap();
    let statuses: Vec<&str> = amelie["certifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["expired", "expiring"],
        "soonest expiry first, only earned ones"
    );
    assert_eq!(theo["certifications"].as_array().map(Vec::len), Some(2));
    assert_eq!(team.body["invitations"], json!([]));
}

#[test]
fn a_member_is_refused_every_team_endpoint() {
    let server = start(AuthMode::Demo);
    let theo = server.signed_in(THEO, DEMO_PASSWORD);
    let refusals = [
        theo.get("/team"),
        theo.post(
            "/team/invitations",
            &json!({"email": "x@example.com", "role": "admin"}),
            &[],
        ),
        theo.call(
            "PUT",
            "/team/members/u-theo/role",
            &[("Content-Type", "application/json")],
            Some(br#"{"role":"admin"}"#),
        ),
        theo.call("DELETE", "/team/members/u-amelie", &[], None),
        theo.call("DELETE", "/team/invitations/inv-x", &[], None),
    ];
    for reply in refusals {
        assert_eq!(reply.status, 403, "{}", reply.body);
        assert_eq!(reply.body["code"], "forbidden");
    }
    assert_eq!(theo.get("/me").body["user"]["role"], "member", "unchanged");
}

#[test]
fn an_invitation_is_accepted_once_and_signs_the_teammate_in() {
    let server = start(AuthMode::Demo);
    let admin = server.signed_in(AMELIE, DEMO_PASSWORD);
    let created = invite(&admin, " noor.haddad@lumiere-cloud.fr ", "member");
    let token = created["token"].as_str().unwrap().to_owned();
    assert_eq!(
        created["invitation"]["email"],
        "noor.haddad@lumiere-cloud.fr"
    );
    assert_eq!(created["invitation"]["invited_by"], "Amélie Dubois");
    let listed = admin.get("/team").body["invitations"].clone();
    assert_eq!(listed[0]["id"], created["invitation"]["id"]);
    assert!(
        !listed.to_string().contains(&token),
        "the secret is shown only once"
    );

    let details = server
        .anonymous()
        .post("/invitations/lookup", &json!({"token": token}), &[]);
    assert_eq!(details.status, 200, "{}", details.body);
    assert_eq!(details.body["company_name"], "Lumière Cloud Services SARL");
    assert_eq!(details.body["role"], "member");

    let short = accept(&server, &token, "N", "short");
    assert_eq!(short.status, 422);
    let fields: Vec<&str> = short.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "password"]);
    let unproven = server.anonymous().post(
        "/invitations/accept",
        &json!({"token": token, "name": "Noor Haddad", "password": "a long passphrase"}),
        &[],
    );
    assert_eq!(unproven.status, 403, "accepting needs the CSRF proof");

    let joined = accept(&server, &token, "Noor Haddad", "a long passphrase");
    assert_eq!(joined.status, 201, "{}", joined.body);
    assert_eq!(joined.body["user"]["role"], "member");
    let cookie = session_cookie(&joined);
    let me = server
        .anonymous()
        .call("GET", "/me", &[("Cookie", cookie.as_str())], None);
    assert_eq!(me.body["user"]["name"], "Noor Haddad");
    assert_eq!(me.body["company"]["id"], "c-lumiere");

    assert_eq!(
        accept(&server, &token, "Someone Else", "another passphrase").status,
        404
    );
    let again = server
        .anonymous()
        .post("/invitations/lookup", &json!({"token": token}), &[]);
    assert_eq!(again.status, 404);
    let team = admin.get("/team").body;
    assert!(member(&team, "Noor Haddad").is_some());
    assert_eq!(team["invitations"], json!([]));
    let password = sign_in(
        &server,
        "noor.haddad@lumiere-cloud.fr",
        "a long passphrase",
        None,
    );
    assert_eq!(password.status, 200, "her own password works");
    let demo = server.anonymous().get("/session/demo-accounts").body;
    assert!(
        !demo.to_string().contains("Noor"),
        "she chose her own password: not a demo account"
    );
}

#[test]
fn invitations_are_refused_for_existing_accounts_and_can_be_withdrawn() {
    let server = start(AuthMode::Demo);
    let admin = server.signed_in(AMELIE, DEMO_PASSWORD);
    for (email, status) in [
        ("Theo.Laurent@lumiere-cloud.fr", 409),
        ("aiko.tanaka@sakura-systems.jp", 409),
        ("no-at-sign", 422),
    ] {
        let reply = admin.post(
            "/team/invitations",
            &json!({"email": email, "role": "member"}),
            &[],
        );
        assert_eq!(reply.status, status, "{email}: {}", reply.body);
    }
    let first = invite(&admin, "lea@lumiere-cloud.fr", "member");
    let second = invite(&admin, "LEA@lumiere-cloud.fr", "admin");
    let open = admin.get("/team").body["invitations"].clone();
    assert_eq!(
        open.as_array().unwrap().len(),
        1,
        "a new invitation replaces the old"
    );
    assert_eq!(open[0]["role"], "admin");
    let old = first["token"].as_str().unwrap();
    assert_eq!(
        accept(&server, old, "Léa Martin", "a long passphrase").status,
        404
    );
    let id = second["invitation"]["id"].as_str().unwrap();
    let withdrawn = admin.call("DELETE", &format!("/team/invitations/{id}"), &[], None);
    assert_eq!(withdrawn.status, 204);
    let new = second["token"].as_str().unwrap();
    assert_eq!(
        accept(&server, new, "Léa Martin", "a long passphrase").status,
        404
    );
    let twice = admin.call("DELETE", &format!("/team/invitations/{id}"), &[], None);
    assert_eq!(twice.status, 404);
}

#[test]
fn roles_change_and_a_removed_member_is_signed_out_for_good() {
    let server = start(AuthMode::Demo);
    let admin = server.signed_in(AMELIE, DEMO_PASSWORD);
    let theo = server.signed_in(THEO, DEMO_PASSWORD);
    let role = |who: &Server, user: &str, role: &str| {
        who.call(
            "PUT",
            &format!("/team/members/{user}/role"),
            &[("Content-Type", "application/json")],
            Some(json!({"role": role}).to_string().as_bytes()),
        )
    };
    let promoted = role(&admin, "u-theo", "admin");
    assert_eq!(promoted.status, 200, "{}", promoted.body);
    assert_eq!(promoted.body["user"]["role"], "admin");
    assert_eq!(
        theo.get("/team").status,
        200,
        "his session has the new role at once"
    );
    assert_eq!(
        role(&admin, "u-theo", "member").body["user"]["role"],
        "member"
    );
    assert_eq!(theo.get("/team").status, 403);
    assert_eq!(
        role(&admin, "u-amelie", "member").status,
        409,
        "not on yourself"
    );
    assert_eq!(
        role(&admin, "u-aiko", "member").status,
        404,
        "another company's user"
    );
    assert_eq!(role(&admin, "u-nobody", "member").status, 404);

    let yourself = admin.call("DELETE", "/team/members/u-amelie", &[], None);
    assert_eq!(yourself.status, 409);
    assert_eq!(
        admin
            .call("DELETE", "/team/members/u-jonas", &[], None)
            .status,
        404
    );
    assert_eq!(
        admin
            .call("DELETE", "/team/members/u-theo", &[], None)
            .status,
        204
    );
    assert_eq!(theo.get("/me").status, 401, "his session ended");
    assert_eq!(sign_in(&server, THEO, DEMO_PASSWORD, None).status, 401);
    let team = admin.get("/team").body;
    assert!(member(&team, "Théo Laurent").is_none());
    let demo = server.anonymous().get("/session/demo-accounts").body;
    assert!(!demo.to_string().contains("Théo"));
    assert_eq!(
        admin
            .call("DELETE", "/team/members/u-theo", &[], None)
            .status,
        404
    );
}
