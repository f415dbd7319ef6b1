//! The API under `/api/v1`: one module per resource, thin handlers that parse the request,
//! apply the contract's rules, call the store and answer JSON.

mod conversation;
mod deals;
mod earnings;
mod feedback;
mod funds;
mod invitations;
mod leaderboards;
mod me;
mod notifications;
mod onboarding;
mod operations;
mod register;
mod session;
mod surveys;
mod team;
mod training;

use api_types::Problem;
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};

use crate::error::{problem_response, AppError, AppResult};
use crate::AppState;

/// Every endpoint of the contract; unknown paths and methods answer problem details too.
pub fn api() -> Router<AppState> {
    Router::new()
        .route(
            "/session",
            get(session::get_session)
                .post(session::sign_in)
                .delete(session::sign_out),
        )
        .route("/session/demo-accounts", get(session::demo_accounts))
        .route("/invitations/lookup", post(invitations::lookup))
        .route("/invitations/accept", post(invitations::accept))
        .route("/team", get(team::get_team))
        .route("/team/members/{user_id}", delete(team::remove_member))
        .route("/team/members/{user_id}/role", put(team::set_role))
        .route("/team/invitations", post(team::invite))
        .route(
            "/team/invitations/{invitation_id}",
            delete(team::withdraw_invitation),
        )
        .route("/me", get(me::get_me))
        .route("/program", get(me::get_program))
        .route("/ops/program", put(operations::put_program))
        .route("/ops/products/{code}", put(operations::put_product))
        .route("/ops/courses/{course_id}", put(operations::put_course))
        .route("/ops/tiers", get(operations::list_tiers))
        .route("/ops/tiers/{level}", put(operations::put_tier))
        .route("/onboarding", get(onboarding::get_onboarding))
        .route(
            "/onboarding/items/{item_id}/completion",
            put(onboarding::set_completion),
        )
        .route("/training", get(training::get_training))
        .route("/products", get(deals::list_products))
        .route(
            "/deals",
            get(deals::list_deals).post(register::register_deal),
        )
        .route("/deals/pipeline", get(deals::pipeline))
        .route("/deals/repeats", get(deals::repeats))
        .route("/deals/{reference}", get(deals::get_deal))
        .route("/deals/{reference}/steps", post(conversation::partner_step))
        .route("/earnings", get(earnings::list_earnings))
        .route(
            "/ops/partners/{partner_id}/earnings",
            get(operations::partner_earnings),
        )
        .route(
            "/ops/earnings/{earning_id}",
            put(operations::decide_earning),
        )
        .route("/ops/payouts", post(operations::send_payout))
        .route(
            "/ops/payouts/{payout_id}/arrival",
            post(operations::payout_arrived),
        )
        .route("/funds", get(funds::overview))
        .route("/funds/requests", post(funds::create_request))
        .route(
            "/funds/requests/{request_id}",
            put(funds::update_request).delete(funds::discard_request),
        )
        .route(
            "/funds/requests/{request_id}/claim",
            // A proof file of 1 MiB is about 1.4 MB as base64.
            post(funds::claim).layer(axum::extract::DefaultBodyLimit::max(2 * 1024 * 1024)),
        )
        .route("/funds/requests/{request_id}/proof", get(funds::proof))
        .route(
            "/ops/partners/{partner_id}/funds",
            get(operations::partner_funds),
        )
        .route("/ops/funds", post(operations::allocate_fund))
        .route(
            "/ops/fund-requests/{request_id}",
            put(operations::decide_fund_request),
        )
        .route(
            "/ops/fund-requests/{request_id}/claim",
            put(operations::decide_fund_claim),
        )
        .route(
            "/ops/fund-requests/{request_id}/proof",
            get(operations::fund_proof),
        )
        .route("/notifications", get(notifications::feed))
        .route(
            "/notifications/{notification_id}/read",
            put(notifications::mark_read),
        )
        .route(
            "/notifications/read-all",
            post(notifications::mark_all_read),
        )
        .route("/ops/deals/{reference}", get(operations::get_deal))
        .route("/ops/deals/{reference}/steps", post(operations::deal_step))
        .route(
            "/ops/feedback/{feedback_id}",
            put(operations::decide_feedback),
        )
        .route(
            "/ops/partners/{partner_id}/onboarding/{item_id}",
            put(operations::decide_onboarding_item),
        )
        .route("/ops/partners/import", post(operations::import))
        .route("/ops/partners/{partner_id}", put(operations::put_partner))
        .route(
            "/ops/partners/{partner_id}/users/{user_id}",
            put(operations::put_person),
        )
        .route("/ops/surveys/{survey_id}", put(operations::publish_survey))
        .route(
            "/ops/surveys/{survey_id}/close",
            post(operations::close_survey),
        )
        .route(
            "/ops/users/{user_id}/courses/{course_id}",
            put(operations::course_progress),
        )
        .route(
            "/ops/users/{user_id}/certifications/{certification_id}",
            put(operations::grant_certification).delete(operations::revoke_certification),
        )
        .route("/leaderboards", get(leaderboards::list_boards))
        .route("/leaderboards/{board_id}", get(leaderboards::get_board))
        .route("/surveys", get(surveys::list_surveys))
        .route("/surveys/{survey_id}", get(surveys::get_survey))
        .route(
            "/surveys/{survey_id}/responses",
            post(surveys::submit_response),
        )
        .route(
            "/feedback",
            get(feedback::list_feedback).post(feedback::send_feedback),
        )
        .fallback(|| async {
            problem_response(
                Problem::new(
                    404,
                    "Not found",
                    "There is no API endpoint at this address.",
                ),
                false,
            )
        })
        .method_not_allowed_fallback(|| async {
            problem_response(
                Problem::new(
                    405,
                    "Method not allowed",
                    "This endpoint does not support that method.",
                ),
                false,
            )
        })
}

/// The value as JSON, or a 404 whose detail says what the caller has no such thing of.
fn found<T>(value: Option<T>, missing: impl FnOnce() -> String) -> AppResult<Json<T>> {
    value.map(Json).ok_or_else(|| AppError::NotFound(missing()))
}
