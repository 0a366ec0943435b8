//! Server functions, one folder per feature: each authorizes, validates, and calls store and domain.

pub mod account;
pub mod admin;
pub mod auth;
pub mod authoring;
pub mod catalogue;
pub mod certification;
#[cfg(feature = "ssr")]
pub mod dates;
pub mod learning;
pub mod matching;
pub mod results;
pub mod teaching;
pub mod two_factor;
pub mod workshops;

/// Registers every server function with the router's table.
///
/// Registration otherwise relies on link-time collection, which drops functions whose code
/// the binary never references directly; listing them here makes the set explicit.
#[cfg(feature = "ssr")]
pub fn register_all() {
    use leptos::server_fn::axum::register_explicit;
    register_explicit::<auth::SignUp>();
    register_explicit::<auth::ConfirmEmail>();
    register_explicit::<auth::LogIn>();
    register_explicit::<auth::LogOut>();
    register_explicit::<auth::LogOutEverywhere>();
    register_explicit::<auth::RequestPasswordReset>();
    register_explicit::<auth::ResetPassword>();
    register_explicit::<auth::CurrentViewer>();
    register_explicit::<two_factor::BeginTotpEnrolment>();
    register_explicit::<two_factor::ConfirmTotpEnrolment>();
    register_explicit::<two_factor::VerifySecondFactor>();
    register_explicit::<two_factor::ResetTwoFactor>();
    register_explicit::<account::UpdateProfile>();
    register_explicit::<account::ChangePassword>();
    register_explicit::<account::RequestEmailChange>();
    register_explicit::<account::ConfirmEmailChange>();
    register_explicit::<account::DeleteAccount>();
    register_explicit::<admin::ListUsers>();
    register_explicit::<admin::SetRole>();
    register_explicit::<admin::ListAudit>();
    register_explicit::<admin::ListCentres>();
    register_explicit::<admin::InvitableCentres>();
    register_explicit::<admin::CreateCentre>();
    register_explicit::<admin::Invite>();
    register_explicit::<admin::AcceptInvitation>();
    register_explicit::<admin::InvitationStatus>();
    register_explicit::<admin::ListInvitations>();
    register_explicit::<authoring::ListAuthoredCourses>();
    register_explicit::<authoring::CreateCourse>();
    register_explicit::<authoring::LoadCourseEditor>();
    register_explicit::<authoring::UpdateCourse>();
    register_explicit::<authoring::StartDraft>();
    register_explicit::<authoring::DiscardDraft>();
    register_explicit::<authoring::AddModule>();
    register_explicit::<authoring::UpdateModule>();
    register_explicit::<authoring::AddLesson>();
    register_explicit::<authoring::UpdateLesson>();
    register_explicit::<authoring::LoadLessonEditor>();
    register_explicit::<authoring::SaveQuestion>();
    register_explicit::<authoring::MoveItem>();
    register_explicit::<authoring::DeleteItem>();
    register_explicit::<authoring::PreviewMarkdown>();
    register_explicit::<authoring::LoadPublishPreview>();
    register_explicit::<authoring::Publish>();
    register_explicit::<authoring::SetCourseStatus>();
    register_explicit::<authoring::VersionHistory>();
    register_explicit::<authoring::ListCourseEditors>();
    register_explicit::<authoring::AddCourseEditor>();
    register_explicit::<authoring::RemoveCourseEditor>();
    register_explicit::<authoring::CopyCourse>();
    register_explicit::<catalogue::ListCatalogue>();
    register_explicit::<catalogue::LoadCourseOverview>();
    register_explicit::<catalogue::PreviewCourse>();
    register_explicit::<catalogue::PreviewLesson>();
    register_explicit::<learning::LoadStanding>();
    register_explicit::<learning::Enrol>();
    register_explicit::<learning::LoadPlayer>();
    register_explicit::<learning::MarkLessonDone>();
    register_explicit::<learning::SubmitQuiz>();
    register_explicit::<learning::SaveReflection>();
    register_explicit::<learning::LoadDashboard>();
    register_explicit::<teaching::ListTeaching>();
    register_explicit::<teaching::LoadLearners>();
    register_explicit::<teaching::ReviewQueue>();
    register_explicit::<teaching::ReviewReflection>();
    register_explicit::<teaching::AddCourseTrainer>();
    register_explicit::<teaching::RemoveCourseTrainer>();
    register_explicit::<workshops::ListWorkshops>();
    register_explicit::<workshops::SignUpForWorkshop>();
    register_explicit::<workshops::CancelWorkshopPlace>();
    register_explicit::<workshops::ScheduleWorkshop>();
    register_explicit::<workshops::LoadAttendance>();
    register_explicit::<workshops::MarkAttendance>();
    register_explicit::<workshops::CalendarFeed>();
    register_explicit::<workshops::ResetCalendarFeed>();
    register_explicit::<matching::LoadMyProfile>();
    register_explicit::<matching::SearchPlaces>();
    register_explicit::<matching::SaveProfile>();
    register_explicit::<matching::ListCentreGroups>();
    register_explicit::<matching::LoadGroup>();
    register_explicit::<matching::CreateGroup>();
    register_explicit::<matching::SendRequest>();
    register_explicit::<matching::MyRequests>();
    register_explicit::<matching::AnswerRequest>();
    register_explicit::<certification::LoadMyCertification>();
    register_explicit::<certification::VerifyCertificate>();
    register_explicit::<certification::RevokeCertificate>();
    register_explicit::<certification::SignOffQueue>();
    register_explicit::<certification::SignOff>();
}

#[cfg(feature = "ssr")]
pub mod context {
    use crate::{errors::AppError, state::AppState};
    use http::{HeaderValue, header::SET_COOKIE};
    use leptos::prelude::{expect_context, use_context};
    use std::net::IpAddr;

    /// The client's address, as the server's middleware determined it.
    #[derive(Clone, Copy, Debug)]
    pub struct ClientIp(pub IpAddr);

    /// Shared state for this request.
    pub fn state() -> Result<AppState, AppError> {
        use_context::<AppState>().ok_or_else(|| {
            tracing::error!("server function called without AppState in context");
            AppError::Internal
        })
    }

    /// The client's network, as text, for rate-limit buckets: an IPv4 address as it is,
    /// an IPv6 address by its /64 (one household or host holds a whole /64, so counting
    /// single IPv6 addresses would let it try again from the next one).
    pub fn client_key() -> String {
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .extensions
                    .get::<ClientIp>()
                    .map(|ip| network_of(ip.0))
            })
            .unwrap_or_else(|| "unknown".to_owned())
    }

    /// `ip` as its rate-limit key (see [`client_key`]).
    pub fn network_of(ip: IpAddr) -> String {
        match ip {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.to_string(),
                None => {
                    let [a, b, c, d, ..] = v6.segments();
                    format!("{a:x}:{b:x}:{c:x}:{d:x}::/64")
                }
            },
        }
    }

    /// Adds a `Set-Cookie` header to the response.
    pub fn set_cookie(value: &str) {
        if let Ok(value) = HeaderValue::from_str(value) {
            expect_context::<leptos_axum::ResponseOptions>().append_header(SET_COOKIE, value);
        }
    }

    /// The signed-in person, if they may perform `action`.
    pub fn require(action: crate::domain::authz::Action) -> Result<crate::auth::Auth, AppError> {
        let auth = crate::auth::signed_in().ok_or(AppError::Unauthenticated)?;
        if crate::domain::authz::allows(Some(&auth.subject()), action) {
            Ok(auth)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Refuses unless the password was given in this session within the last half hour
    /// (at sign-in or at `/account/confirm`): for actions that hand out or take away powers.
    pub fn require_recent_password(auth: &crate::auth::Auth) -> Result<(), AppError> {
        let ago = auth
            .reauthenticated_at
            .map(|at| (chrono::Utc::now() - at).num_seconds());
        if crate::domain::authz::confirmed_recently(ago) {
            Ok(())
        } else {
            Err(AppError::ConfirmPasswordFirst)
        }
    }

    /// The account a form names by its email address (field `email`), when it holds the
    /// trainer role: only trainers teach a course or edit one.
    pub async fn trainer_by_email(
        db: &impl sea_orm::ConnectionTrait,
        email: &str,
    ) -> Result<crate::store::people::User, AppError> {
        use crate::{domain::role::Role, errors::Problem, store::people};
        let address = crate::domain::email::EmailAddress::parse(email)
            .map_err(|_| AppError::field("email", Problem::InvalidEmail))?;
        let person = people::find_by_email(db, &address)
            .await?
            .ok_or_else(|| AppError::field("email", Problem::NotAllowed))?;
        let roles = people::roles_of(db, person.id).await?;
        if roles.iter().any(|(role, _)| *role == Role::Trainer) {
            Ok(person)
        } else {
            Err(AppError::field("email", Problem::NotAllowed))
        }
    }

    /// Turns a rate-limit refusal into the error shown to the person.
    pub fn rate_limited(wait: chrono::Duration) -> AppError {
        let minutes = (wait.num_seconds().max(1) + 59) / 60;
        AppError::RateLimited {
            minutes: u32::try_from(minutes).unwrap_or(u32::MAX),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::network_of;

        #[test]
        fn ipv6_clients_are_counted_by_their_network() {
            let a = network_of("2001:db8:1:2:aaaa::1".parse().unwrap());
            let b = network_of("2001:db8:1:2:bbbb::7".parse().unwrap());
            assert_eq!(a, "2001:db8:1:2::/64");
            assert_eq!(a, b);
            assert_ne!(a, network_of("2001:db8:1:3::1".parse().unwrap()));
            assert_eq!(network_of("192.0.2.7".parse().unwrap()), "192.0.2.7");
            assert_eq!(network_of("::ffff:192.0.2.7".parse().unwrap()), "192.0.2.7");
        }
    }
}
