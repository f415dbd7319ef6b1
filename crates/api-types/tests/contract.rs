//! The contract (`api/openapi.yaml`) and the Rust types must not drift: every schema's example
//! round-trips through its Rust type unchanged, every enum value in the spec parses, and the
//! catalogues (countries, currencies, products) match the spec's enums.

use std::collections::BTreeSet;

use api_types::earnings::*;
use api_types::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn spec() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../api/openapi.yaml"
    ))
    .expect("api/openapi.yaml is readable");
    serde_yaml::from_str(&text).expect("api/openapi.yaml is valid YAML")
}

fn schema<'a>(spec: &'a Value, name: &str) -> &'a Value {
    spec.pointer(&format!("/components/schemas/{name}"))
        .unwrap_or_else(|| panic!("schema {name} is in the spec"))
}

/// The example decodes into `T` and encodes back to the same JSON.
fn round_trips<T: Serialize + DeserializeOwned>(spec: &Value, name: &str) {
    let example = schema(spec, name)
        .get("example")
        .unwrap_or_else(|| panic!("schema {name} has an example"))
        .clone();
    let typed: T = serde_json::from_value(example.clone())
        .unwrap_or_else(|e| panic!("example of {name} does not fit the Rust type: {e}"));
    let back = serde_json::to_value(&typed).unwrap();
    assert_eq!(back, example, "{name} changed in a round trip");
}

/// Every value of a string enum in the spec parses into `T` and prints back the same.
fn enum_values_parse<T: Serialize + DeserializeOwned>(spec: &Value, name: &str) -> Vec<String> {
    let values: Vec<String> = schema(spec, name)["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{name} is an enum"))
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    for value in &values {
        let typed: T = serde_json::from_value(Value::String(value.clone()))
            .unwrap_or_else(|e| panic!("{name} value {value:?} is unknown to Rust: {e}"));
        assert_eq!(
            serde_json::to_value(typed).unwrap(),
            Value::String(value.clone())
        );
    }
    values
}

fn string_enum(spec: &Value, name: &str) -> BTreeSet<String> {
    schema(spec, name)["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

const OBJECT_SCHEMAS: [&str; 98] = [
    "SignIn",
    "Team",
    "TeamMember",
    "HeldCertification",
    "CourseInProgress",
    "Invitation",
    "NewInvitation",
    "InvitationCreated",
    "RoleChange",
    "InvitationToken",
    "InvitationDetails",
    "AcceptInvitation",
    "Session",
    "DemoAccount",
    "Money",
    "ResourceLink",
    "FieldError",
    "Problem",
    "PartnerUser",
    "Company",
    "Measure",
    "TierRequirement",
    "TierProgress",
    "EngagementFactor",
    "Engagement",
    "Me",
    "OnboardingItem",
    "OnboardingPhase",
    "Onboarding",
    "ItemCompletion",
    "Course",
    "Recommendation",
    "CertificationRequirement",
    "Certification",
    "Badge",
    "Training",
    "Product",
    "DealSummary",
    "Contact",
    "DealEvent",
    "Deal",
    "DealPage",
    "NewDeal",
    "PipelineStage",
    "Segment",
    "Board",
    "LeaderboardEntry",
    "ScorePoint",
    "MyStanding",
    "LeaderboardPage",
    "ChoiceOption",
    "Question",
    "Survey",
    "SurveySummary",
    "SurveyResponse",
    "SurveyReceipt",
    "VendorReply",
    "DealStepRequest",
    "Subject",
    "Notification",
    "NotificationFeed",
    "OperationsDeal",
    "FeedbackDecision",
    "CourseProgressReport",
    "CertificationGrant",
    "OnboardingDecision",
    "SurveyAudience",
    "NewSurvey",
    "NewPartner",
    "NewPartnerUser",
    "ImportRow",
    "ImportReport",
    "ProgramPolicies",
    "ProductUpdate",
    "ProductDefinition",
    "CourseDefinition",
    "TierRequirementDefinition",
    "TierUpdate",
    "TierDefinition",
    "EarningLine",
    "CurrencyTotals",
    "EarningsReport",
    "Payout",
    "EarningDecision",
    "NewPayout",
    "PayoutArrival",
    "FundAmounts",
    "Fund",
    "FundClaim",
    "FundRequest",
    "FundsOverview",
    "FundRequestDraft",
    "ProofFile",
    "NewClaim",
    "NewFund",
    "RequestDecision",
    "ClaimDecision",
    "ExpectedEarning",
];

#[test]
fn every_object_schema_example_round_trips() {
    let spec = spec();
    round_trips::<SignIn>(&spec, "SignIn");
    round_trips::<Session>(&spec, "Session");
    round_trips::<DemoAccount>(&spec, "DemoAccount");
    round_trips::<Team>(&spec, "Team");
    round_trips::<TeamMember>(&spec, "TeamMember");
    round_trips::<HeldCertification>(&spec, "HeldCertification");
    round_trips::<CourseInProgress>(&spec, "CourseInProgress");
    round_trips::<Invitation>(&spec, "Invitation");
    round_trips::<NewInvitation>(&spec, "NewInvitation");
    round_trips::<InvitationCreated>(&spec, "InvitationCreated");
    round_trips::<RoleChange>(&spec, "RoleChange");
    round_trips::<InvitationToken>(&spec, "InvitationToken");
    round_trips::<InvitationDetails>(&spec, "InvitationDetails");
    round_trips::<AcceptInvitation>(&spec, "AcceptInvitation");
    round_trips::<Money>(&spec, "Money");
    round_trips::<ResourceLink>(&spec, "ResourceLink");
    round_trips::<FieldError>(&spec, "FieldError");
    round_trips::<Problem>(&spec, "Problem");
    round_trips::<PartnerUser>(&spec, "PartnerUser");
    round_trips::<Company>(&spec, "Company");
    round_trips::<Measure>(&spec, "Measure");
    round_trips::<TierRequirement>(&spec, "TierRequirement");
    round_trips::<TierProgress>(&spec, "TierProgress");
    round_trips::<EngagementFactor>(&spec, "EngagementFactor");
    round_trips::<Engagement>(&spec, "Engagement");
    round_trips::<Me>(&spec, "Me");
    round_trips::<OnboardingItem>(&spec, "OnboardingItem");
    round_trips::<OnboardingPhase>(&spec, "OnboardingPhase");
    round_trips::<Onboarding>(&spec, "Onboarding");
    round_trips::<ItemCompletion>(&spec, "ItemCompletion");
    round_trips::<Course>(&spec, "Course");
    round_trips::<Recommendation>(&spec, "Recommendation");
    round_trips::<CertificationRequirement>(&spec, "CertificationRequirement");
    round_trips::<Certification>(&spec, "Certification");
    round_trips::<Badge>(&spec, "Badge");
    round_trips::<Training>(&spec, "Training");
    round_trips::<Product>(&spec, "Product");
    round_trips::<DealSummary>(&spec, "DealSummary");
    round_trips::<Contact>(&spec, "Contact");
    round_trips::<DealEvent>(&spec, "DealEvent");
    round_trips::<Deal>(&spec, "Deal");
    round_trips::<Page<DealSummary>>(&spec, "DealPage");
    round_trips::<NewDeal>(&spec, "NewDeal");
    round_trips::<PipelineStage>(&spec, "PipelineStage");
    round_trips::<Segment>(&spec, "Segment");
    round_trips::<Board>(&spec, "Board");
    round_trips::<LeaderboardEntry>(&spec, "LeaderboardEntry");
    round_trips::<ScorePoint>(&spec, "ScorePoint");
    round_trips::<MyStanding>(&spec, "MyStanding");
    round_trips::<LeaderboardPage>(&spec, "LeaderboardPage");
    round_trips::<ChoiceOption>(&spec, "ChoiceOption");
    round_trips::<Question>(&spec, "Question");
    round_trips::<Survey>(&spec, "Survey");
    round_trips::<SurveySummary>(&spec, "SurveySummary");
    round_trips::<SurveyResponse>(&spec, "SurveyResponse");
    round_trips::<SurveyReceipt>(&spec, "SurveyReceipt");
    round_trips::<VendorReply>(&spec, "VendorReply");
    round_trips::<FeedbackItem>(&spec, "FeedbackItem");
    round_trips::<NewFeedback>(&spec, "NewFeedback");
    round_trips::<Answer>(&spec, "Answer");
    round_trips::<DealStepRequest>(&spec, "DealStepRequest");
    round_trips::<Subject>(&spec, "Subject");
    round_trips::<Notification>(&spec, "Notification");
    round_trips::<NotificationFeed>(&spec, "NotificationFeed");
    round_trips::<OperationsDeal>(&spec, "OperationsDeal");
    round_trips::<FeedbackDecision>(&spec, "FeedbackDecision");
    round_trips::<CourseProgressReport>(&spec, "CourseProgressReport");
    round_trips::<CertificationGrant>(&spec, "CertificationGrant");
    round_trips::<OnboardingDecision>(&spec, "OnboardingDecision");
    round_trips::<SurveyAudience>(&spec, "SurveyAudience");
    round_trips::<NewSurvey>(&spec, "NewSurvey");
    round_trips::<NewPartner>(&spec, "NewPartner");
    round_trips::<NewPartnerUser>(&spec, "NewPartnerUser");
    round_trips::<ImportRow>(&spec, "ImportRow");
    round_trips::<ImportReport>(&spec, "ImportReport");
    round_trips::<ProgramPolicies>(&spec, "ProgramPolicies");
    round_trips::<ProductUpdate>(&spec, "ProductUpdate");
    round_trips::<ProductDefinition>(&spec, "ProductDefinition");
    round_trips::<CourseDefinition>(&spec, "CourseDefinition");
    round_trips::<TierRequirementDefinition>(&spec, "TierRequirementDefinition");
    round_trips::<TierUpdate>(&spec, "TierUpdate");
    round_trips::<TierDefinition>(&spec, "TierDefinition");
    round_trips::<EarningLine>(&spec, "EarningLine");
    round_trips::<CurrencyTotals>(&spec, "CurrencyTotals");
    round_trips::<EarningsReport>(&spec, "EarningsReport");
    round_trips::<Payout>(&spec, "Payout");
    round_trips::<EarningDecision>(&spec, "EarningDecision");
    round_trips::<NewPayout>(&spec, "NewPayout");
    round_trips::<PayoutArrival>(&spec, "PayoutArrival");
    round_trips::<funds::FundAmounts>(&spec, "FundAmounts");
    round_trips::<funds::Fund>(&spec, "Fund");
    round_trips::<funds::FundClaim>(&spec, "FundClaim");
    round_trips::<funds::FundRequest>(&spec, "FundRequest");
    round_trips::<funds::FundsOverview>(&spec, "FundsOverview");
    round_trips::<funds::FundRequestDraft>(&spec, "FundRequestDraft");
    round_trips::<funds::ProofFile>(&spec, "ProofFile");
    round_trips::<funds::NewClaim>(&spec, "NewClaim");
    round_trips::<funds::NewFund>(&spec, "NewFund");
    round_trips::<funds::RequestDecision>(&spec, "RequestDecision");
    round_trips::<funds::ClaimDecision>(&spec, "ClaimDecision");
    round_trips::<ExpectedEarning>(&spec, "ExpectedEarning");
}

#[test]
fn every_enum_value_in_the_spec_is_known_to_rust() {
    let spec = spec();
    enum_values_parse::<PartnerType>(&spec, "PartnerType");
    enum_values_parse::<TierLevel>(&spec, "TierLevel");
    enum_values_parse::<UserRole>(&spec, "UserRole");
    enum_values_parse::<OnboardingItemKind>(&spec, "OnboardingItemKind");
    enum_values_parse::<OnboardingStatus>(&spec, "OnboardingStatus");
    enum_values_parse::<CompletedBy>(&spec, "CompletedBy");
    enum_values_parse::<CourseKind>(&spec, "CourseKind");
    enum_values_parse::<Level>(&spec, "Level");
    enum_values_parse::<CourseStatus>(&spec, "CourseStatus");
    enum_values_parse::<CertificationStatus>(&spec, "CertificationStatus");
    enum_values_parse::<Metric>(&spec, "Metric");
    enum_values_parse::<FeedbackCategory>(&spec, "FeedbackCategory");
    enum_values_parse::<FeedbackStatus>(&spec, "FeedbackStatus");
    enum_values_parse::<DealStepKind>(&spec, "DealStepKind");
    enum_values_parse::<StepName>(&spec, "StepName");
    enum_values_parse::<NotificationKind>(&spec, "NotificationKind");
    enum_values_parse::<SubjectKind>(&spec, "SubjectKind");
    enum_values_parse::<OnboardingVerdict>(&spec, "OnboardingVerdict");
    enum_values_parse::<ImportOutcome>(&spec, "ImportOutcome");
    enum_values_parse::<TierMetric>(&spec, "TierMetric");
    enum_values_parse::<EarningKind>(&spec, "EarningKind");
    enum_values_parse::<EarningStatus>(&spec, "EarningStatus");
    enum_values_parse::<PayoutStatus>(&spec, "PayoutStatus");
    enum_values_parse::<funds::FundKind>(&spec, "FundKind");
    enum_values_parse::<funds::FundRequestStatus>(&spec, "FundRequestStatus");
    enum_values_parse::<funds::ClaimStatus>(&spec, "ClaimStatus");
    let periods = enum_values_parse::<Period>(&spec, "Period");
    assert_eq!(periods, Period::ALL.map(|p| p.as_str().to_owned()));
    let codes: Vec<&str> = spec
        .pointer("/components/schemas/Problem/properties/code/enum")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(codes, problem_code::ALL);
    let statuses = enum_values_parse::<DealStatus>(&spec, "DealStatus");
    assert_eq!(statuses, DealStatus::ALL.map(|s| s.as_str().to_owned()));
}

#[test]
fn catalogues_match_the_spec() {
    let spec = spec();
    assert_eq!(
        string_enum(&spec, "CountryCode"),
        COUNTRIES.iter().map(|c| c.to_string()).collect()
    );
    assert_eq!(
        string_enum(&spec, "CurrencyCode"),
        CURRENCIES.iter().map(|(c, _)| c.to_string()).collect()
    );
    // Products are the backend's (`/ops/products`): a pattern, not a list, in the contract.
    let pattern = spec["components"]["schemas"]["ProductCode"]["pattern"]
        .as_str()
        .unwrap();
    assert_eq!(pattern, "^[A-Z0-9][A-Z0-9-]{1,31}$");
    assert!(spec["components"]["schemas"]["ProductCode"]
        .get("enum")
        .is_none());
}

#[test]
fn every_schema_in_the_spec_is_checked_here() {
    let spec = spec();
    let in_spec: BTreeSet<&str> = spec["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let enums = [
        "PartnerType",
        "TierLevel",
        "UserRole",
        "OnboardingItemKind",
        "OnboardingStatus",
        "CompletedBy",
        "CourseKind",
        "Level",
        "CourseStatus",
        "CertificationStatus",
        "Metric",
        "Period",
        "FeedbackCategory",
        "FeedbackStatus",
        "DealStatus",
        "DealStepKind",
        "StepName",
        "NotificationKind",
        "SubjectKind",
        "OnboardingVerdict",
        "ImportOutcome",
        "TierMetric",
        "EarningKind",
        "EarningStatus",
        "PayoutStatus",
        "FundKind",
        "FundRequestStatus",
        "ClaimStatus",
        "CountryCode",
        "CurrencyCode",
        "ProductCode",
    ];
    let formats = ["Date", "DateTime"];
    let checked: BTreeSet<&str> = OBJECT_SCHEMAS
        .iter()
        .chain(["FeedbackItem", "NewFeedback", "Answer"].iter())
        .chain(enums.iter())
        .chain(formats.iter())
        .copied()
        .collect();
    let unchecked: Vec<_> = in_spec.difference(&checked).collect();
    assert!(
        unchecked.is_empty(),
        "schemas without a round-trip check: {unchecked:?}"
    );
}

#[test]
fn problem_defaults_its_type_and_omits_empty_parts() {
    let problem: Problem = serde_json::from_str(r#"{"title":"Not found","status":404}"#).unwrap();
    assert_eq!(problem.kind, "about:blank");
    assert_eq!(
        serde_json::to_string(&problem).unwrap(),
        r#"{"type":"about:blank","title":"Not found","status":404}"#
    );
}
