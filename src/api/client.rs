//! The HTTP client: one request function with timeout, cancellation and error mapping, and
//! one thin method per endpoint of the contract.

use std::cell::Cell;
use std::rc::Rc;

use api_types::*;
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::{ArcTrigger, Notify};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, RequestCredentials};

use super::error::{decode, from_status};
use super::ApiError;

/// A request body as JSON.
fn json(body: &impl Serialize) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|e| ApiError::Network(e.to_string()))
}

thread_local! {
    /// The access token from the vendor's sign-in provider, in memory only (never in storage):
    /// a reload forgets it and the partner signs in again.
    static BEARER: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Uses `token` (an OpenID Connect access token) on every request from now on, or none.
pub fn set_bearer(token: Option<String>) {
    BEARER.with(|bearer| *bearer.borrow_mut() = token);
}

thread_local! {
    static EARLY: std::cell::RefCell<Option<gloo_net::http::Response>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the answer to a GET that `index.html` started while the code downloaded: the next
/// GET of the same address takes it instead of asking again (one round trip less).
pub fn answered_early(response: gloo_net::http::Response) {
    EARLY.with(|early| *early.borrow_mut() = Some(response));
}

/// A successful answer: its body, its `ETag`, and whether it said "not modified" (304).
struct Answer {
    body: String,
    etag: Option<String>,
    not_modified: bool,
}

/// What polling the notification feed found.
pub enum Polled {
    /// Nothing changed since the tag given.
    Unchanged,
    /// The unread count now, with the tag to send next time.
    Changed(u32, Option<String>),
}

/// The one part of the feed a poll reads: the entries are skipped, so the shell never carries
/// the code that reads them (the notifications page does).
#[derive(serde::Deserialize)]
struct Unread {
    unread: u32,
}

/// How long any call may take before the partner is told and offered a retry.
const TIMEOUT_MS: i32 = 15_000;

/// The backend at one base URL (from `config.json`).
#[derive(Clone, Debug)]
pub struct Api {
    base: String,
    /// Notified when an answer says the session has ended (401), so the shell can ask the
    /// partner to sign in again without leaving the page.
    session_ended: Option<ArcTrigger>,
}

/// Aborts the request when dropped: on timeout, and when the component that asked unmounts or
/// asks again before the answer came (so a stale answer can never land).
struct InFlight {
    controller: Option<AbortController>,
    timer: Option<i32>,
    _on_timeout: Option<Closure<dyn FnMut()>>,
    timed_out: Rc<Cell<bool>>,
}

impl InFlight {
    fn start() -> Self {
        let controller = AbortController::new().ok();
        let timed_out = Rc::new(Cell::new(false));
        let (flag, to_abort) = (Rc::clone(&timed_out), controller.clone());
        let on_timeout = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            if let Some(controller) = &to_abort {
                controller.abort();
            }
        });
        let timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                TIMEOUT_MS,
            )
            .ok()
        });
        Self {
            controller,
            timer,
            _on_timeout: Some(on_timeout),
            timed_out,
        }
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let (Some(window), Some(timer)) = (web_sys::window(), self.timer) {
            window.clear_timeout_with_handle(timer);
        }
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}

impl Api {
    /// A client for the API at `base` (e.g. `/api/v1` or `https://partners.example.com/api/v1`).
    pub fn new(base: impl Into<String>) -> Self {
        Self {
            base: base.into().trim_end_matches('/').to_owned(),
            session_ended: None,
        }
    }

    /// The same client, notifying `trigger` when the backend answers that the session ended.
    pub fn on_session_end(self, trigger: ArcTrigger) -> Self {
        Self {
            session_ended: Some(trigger),
            ..self
        }
    }

    /// Sends one request and answers its body (`null` for 204); every failure becomes an
    /// [`ApiError`]. Not generic, so it is compiled once for every endpoint.
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<String, ApiError> {
        self.exchange(method, path, body, headers)
            .await
            .map(|answer| answer.body)
    }

    /// [`Self::send`], answering the `ETag` too, and a 304 as [`Answer::not_modified`].
    async fn exchange(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<Answer, ApiError> {
        let in_flight = InFlight::start();
        let url = format!("{}{path}", self.base);
        let early = matches!(method, Method::GET)
            .then(|| EARLY.with(|e| e.borrow_mut().take_if(|r| r.url().ends_with(&url))))
            .flatten();
        let mut builder = RequestBuilder::new(&url)
            .method(method)
            .header("Accept", "application/json")
            // The CSRF proof the contract asks of every cookie-signed write (harmless on reads).
            .header(CSRF_HEADER, "1")
            .credentials(RequestCredentials::Include)
            .abort_signal(in_flight.controller.as_ref().map(|c| c.signal()).as_ref());
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        // Display text the backend writes (problem details) in the partner's language.
        let language = crate::text::i18n::locale();
        if !language.is_empty() {
            builder = builder.header("Accept-Language", &language);
        }
        if let Some(token) = BEARER.with(|b| b.borrow().clone()) {
            // text: the next line is a header.
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        let request = match body {
            Some(body) => builder
                .header("Content-Type", "application/json")
                .body(body),
            None => builder.build(),
        }
        .map_err(|e| ApiError::Network(e.to_string()))?;
        let failed = |e: gloo_net::Error| {
            if in_flight.timed_out.get() {
                ApiError::Timeout
            } else {
                ApiError::Network(e.to_string())
            }
        };
        let response = match early {
            Some(response) => response,
            None => request.send().await.map_err(failed)?,
        };
        let status = response.status();
        let etag = response.headers().get("etag");
        let retry_after = response.headers().get("retry-after");
        let text = response.text().await.map_err(failed)?;
        let answer = |body: String| Answer {
            not_modified: status == 304,
            etag: etag.clone(),
            body,
        };
        if status == 304 || (status == 204 && text.is_empty()) {
            return Ok(answer("null".into()));
        }
        if (200..300).contains(&status) {
            return Ok(answer(text));
        }
        let error = from_status(status, &text, retry_after.as_deref());
        if error.session_ended() {
            if let Some(trigger) = &self.session_ended {
                trigger.notify();
            }
        }
        Err(error)
    }

    /// One request with an optional JSON body, its answer decoded as `T`.
    async fn request<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&impl Serialize>,
        headers: &[(&str, &str)],
    ) -> Result<T, ApiError> {
        let body = body.map(json).transpose()?;
        decode(&self.send(method, path, body, headers).await?)
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        decode(&self.send(Method::GET, path, None, &[]).await?)
    }

    async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
        headers: &[(&str, &str)],
    ) -> Result<T, ApiError> {
        self.request(Method::POST, path, Some(body), headers).await
    }

    /// `GET /session`: who is signed in, and until when.
    pub async fn session(&self) -> Result<Session, ApiError> {
        self.get("/session").await
    }

    /// `POST /session`: signs in with e-mail and password (the answer sets the cookie).
    pub async fn sign_in(&self, credentials: &SignIn) -> Result<Session, ApiError> {
        self.post("/session", credentials, &[]).await
    }

    /// `DELETE /session`: signs out.
    pub async fn sign_out(&self) -> Result<(), ApiError> {
        self.request(Method::DELETE, "/session", None::<&()>, &[])
            .await
    }

    /// `GET /session/demo-accounts`: the accounts anyone may try (a demo backend only).
    pub async fn demo_accounts(&self) -> Result<Vec<DemoAccount>, ApiError> {
        self.get("/session/demo-accounts").await
    }

    /// `GET /team`: members and open invitations (partner admins only).
    pub async fn team(&self) -> Result<Team, ApiError> {
        self.get("/team").await
    }

    /// `PUT /team/members/{id}/role`: gives a member another role.
    pub async fn set_role(&self, user_id: &str, role: UserRole) -> Result<TeamMember, ApiError> {
        let path = format!("/team/members/{}/role", encode(user_id));
        self.request(Method::PUT, &path, Some(&RoleChange { role }), &[])
            .await
    }

    /// `DELETE /team/members/{id}`: removes a member.
    pub async fn remove_member(&self, user_id: &str) -> Result<(), ApiError> {
        let path = format!("/team/members/{}", encode(user_id));
        self.request(Method::DELETE, &path, None::<&()>, &[]).await
    }

    /// `POST /team/invitations`: invites a teammate; the answer holds the link's secret.
    pub async fn invite(&self, invitation: &NewInvitation) -> Result<InvitationCreated, ApiError> {
        self.post("/team/invitations", invitation, &[]).await
    }

    /// `DELETE /team/invitations/{id}`: withdraws an open invitation.
    pub async fn withdraw_invitation(&self, id: &str) -> Result<(), ApiError> {
        let path = format!("/team/invitations/{}", encode(id));
        self.request(Method::DELETE, &path, None::<&()>, &[]).await
    }

    /// `POST /invitations/lookup`: what an invitation link offers.
    pub async fn invitation(&self, token: &str) -> Result<InvitationDetails, ApiError> {
        let token = InvitationToken {
            token: token.to_owned(),
        };
        self.post("/invitations/lookup", &token, &[]).await
    }

    /// `POST /invitations/accept`: joins with a name and password (the answer sets the cookie).
    pub async fn accept_invitation(&self, accept: &AcceptInvitation) -> Result<Session, ApiError> {
        self.post("/invitations/accept", accept, &[]).await
    }

    /// `GET /me`: the signed-in user, company, tier progress and engagement.
    pub async fn me(&self) -> Result<Me, ApiError> {
        self.get("/me").await
    }

    /// `GET /program`: the program's promises (review time, protection).
    pub async fn program(&self) -> Result<ProgramPolicies, ApiError> {
        self.get("/program").await
    }

    /// `GET /onboarding`: the checklist in phases.
    pub async fn onboarding(&self) -> Result<Onboarding, ApiError> {
        self.get("/onboarding").await
    }

    /// `PUT /onboarding/items/{id}/completion`: tick a self-attested item off or undo it.
    pub async fn set_item_done(
        &self,
        item_id: &str,
        done: bool,
    ) -> Result<OnboardingItem, ApiError> {
        let path = format!("/onboarding/items/{}/completion", encode(item_id));
        self.request(Method::PUT, &path, Some(&ItemCompletion { done }), &[])
            .await
    }

    /// `GET /training`: courses, recommendations, certifications and badges.
    pub async fn training(&self) -> Result<Training, ApiError> {
        self.get("/training").await
    }

    /// `GET /products`: the catalogue deals are registered against.
    pub async fn products(&self) -> Result<Vec<Product>, ApiError> {
        self.get("/products").await
    }

    /// `GET /deals`: one page of deals for the given filters, sort and cursor.
    pub async fn deals(&self, params: &DealListParams) -> Result<Page<DealSummary>, ApiError> {
        self.get(&format!("/deals{}", params.to_query().to_suffix()))
            .await
    }

    /// `GET /deals/repeats`: references of the partner's open registrations a new one would
    /// repeat.
    pub async fn repeats(&self, params: &RepeatParams) -> Result<Vec<String>, ApiError> {
        self.get(&format!("/deals/repeats{}", params.to_query().to_suffix()))
            .await
    }

    /// `GET /deals/pipeline`: count and value per status.
    pub async fn pipeline(&self) -> Result<Vec<PipelineStage>, ApiError> {
        self.get("/deals/pipeline").await
    }

    /// `GET /deals/{reference}`: one deal with its timeline.
    pub async fn deal(&self, reference: &str) -> Result<Deal, ApiError> {
        self.get(&format!("/deals/{}", encode(reference))).await
    }

    /// `POST /deals`: registers a deal; retries must pass the same `idempotency_key`.
    pub async fn register_deal(
        &self,
        deal: &NewDeal,
        idempotency_key: &str,
    ) -> Result<Deal, ApiError> {
        let key = [("Idempotency-Key", idempotency_key)];
        self.post("/deals", deal, &key).await
    }

    /// `POST /deals/{reference}/steps`: answers a question, asks for an extension, withdraws.
    pub async fn take_step(
        &self,
        reference: &str,
        step: &DealStepRequest,
    ) -> Result<Deal, ApiError> {
        let path = format!("/deals/{}/steps", encode(reference));
        self.post(&path, step, &[]).await
    }

    /// `GET /notifications`, conditional on the tag of the last answer: the unread count.
    pub async fn notifications(&self, tag: Option<&str>) -> Result<Polled, ApiError> {
        let condition: Vec<(&str, &str)> = tag.map(|t| ("If-None-Match", t)).into_iter().collect();
        let answer = self
            .exchange(Method::GET, "/notifications", None, &condition)
            .await?;
        if answer.not_modified {
            return Ok(Polled::Unchanged);
        }
        let Unread { unread } = decode(&answer.body)?;
        Ok(Polled::Changed(unread, answer.etag))
    }

    /// `GET /notifications`: the whole feed, unconditionally.
    pub async fn notification_feed(&self) -> Result<NotificationFeed, ApiError> {
        self.get("/notifications").await
    }

    /// `PUT /notifications/{id}/read`.
    pub async fn mark_read(&self, id: &str) -> Result<(), ApiError> {
        let path = format!("/notifications/{}/read", encode(id));
        self.request(Method::PUT, &path, None::<&()>, &[]).await
    }

    /// `POST /notifications/read-all`.
    pub async fn mark_all_read(&self) -> Result<(), ApiError> {
        self.request(Method::POST, "/notifications/read-all", None::<&()>, &[])
            .await
    }

    /// `GET /leaderboards`: the boards on offer.
    pub async fn boards(&self) -> Result<Vec<Board>, ApiError> {
        self.get("/leaderboards").await
    }

    /// `GET /leaderboards/{id}`: one page of a board with the partner's standing.
    pub async fn leaderboard(
        &self,
        board_id: &str,
        params: &BoardParams,
    ) -> Result<LeaderboardPage, ApiError> {
        self.get(&format!(
            "/leaderboards/{}{}",
            encode(board_id),
            params.to_query().to_suffix()
        ))
        .await
    }

    /// `GET /surveys`: surveys open for the user.
    pub async fn surveys(&self) -> Result<Vec<SurveySummary>, ApiError> {
        self.get("/surveys").await
    }

    /// `GET /surveys/{id}`: one survey with its questions.
    pub async fn survey(&self, survey_id: &str) -> Result<Survey, ApiError> {
        self.get(&format!("/surveys/{}", encode(survey_id))).await
    }

    /// `POST /surveys/{id}/responses`: answers a survey.
    pub async fn answer_survey(
        &self,
        survey_id: &str,
        response: &SurveyResponse,
    ) -> Result<SurveyReceipt, ApiError> {
        let path = format!("/surveys/{}/responses", encode(survey_id));
        self.post(&path, response, &[]).await
    }

    /// `GET /feedback`: the user's feedback, newest first.
    pub async fn feedback(&self) -> Result<Vec<FeedbackItem>, ApiError> {
        self.get("/feedback").await
    }

    /// `POST /feedback`: sends new feedback; retries pass the same `idempotency_key`.
    pub async fn send_feedback(
        &self,
        feedback: &NewFeedback,
        idempotency_key: &str,
    ) -> Result<FeedbackItem, ApiError> {
        self.post(
            "/feedback",
            feedback,
            &[("Idempotency-Key", idempotency_key)],
        )
        .await
    }
}
