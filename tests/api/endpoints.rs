//! Every server function with a harmless form and the rule for who may call it. The
//! cross-site test and the authorization matrix both walk this table, and a server function
//! missing from it fails `every_server_function_is_listed`.

use app::api::{
    account::{
        ChangePassword, ConfirmEmailChange, ConfirmPasswordAgain, DeleteAccount,
        RequestEmailChange, UpdateProfile,
    },
    admin::{
        AcceptInvitation, CreateCentre, InvitableCentres, InvitationStatus, Invite, ListAudit,
        ListCentres, ListInvitations, ListUsers, SetRole, WithdrawInvitation,
    },
    auth::{
        ConfirmEmail, CurrentViewer, LogIn, LogOut, LogOutEverywhere, RequestPasswordReset,
        ResetPassword, SignUp,
    },
    authoring::{
        AddCourseEditor, AddLesson, AddModule, CopyCourse, CreateCourse, DeleteItem, DiscardDraft,
        ListAuthoredCourses, ListCourseEditors, LoadCourseEditor, LoadLessonEditor,
        LoadPublishPreview, MoveItem, PreviewMarkdown, Publish, RemoveCourseEditor, SaveQuestion,
        SetCourseStatus, StartDraft, UpdateCourse, UpdateLesson, UpdateModule, VersionHistory,
    },
    catalogue::{ListCatalogue, LoadCourseOverview, PreviewCourse, PreviewLesson},
    learning::{
        Enrol, LoadDashboard, LoadPlayer, LoadStanding, MarkLessonDone, SaveReflection, SubmitQuiz,
    },
    teaching::{
        AddCourseTrainer, ListTeaching, LoadLearners, RemoveCourseTrainer, ReviewQueue,
        ReviewReflection,
    },
    two_factor::{BeginTotpEnrolment, ConfirmTotpEnrolment, ResetTwoFactor, VerifySecondFactor},
};
use leptos::server_fn::ServerFn;

mod certification;
mod matching;

/// Who may call an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (the function itself may still refuse bad input).
    Public,
    /// Any signed-in person.
    SignedIn,
    /// Signed in without an authenticator yet (enrolment).
    NotEnrolled,
    /// Only a session halfway through sign-in.
    HalfwaySignedIn,
    /// Administrators.
    Admin,
    /// Administrators and coordinators of the given centre (centre A in the tests).
    CoordinatorOfA,
    /// Administrators and any coordinator (each sees their own centres' data).
    AdminOrCoordinator,
    /// Course authors: trainers and administrators.
    Author,
    /// Those who follow learners: trainers, coordinators and administrators.
    Teaching,
}

/// One endpoint of the table.
pub struct Endpoint {
    /// URL path.
    pub path: &'static str,
    /// Form fields that are valid in shape but change nothing important.
    pub form: Vec<(&'static str, String)>,
    /// Who may call it.
    pub access: Access,
}

fn e(path: &'static str, form: &[(&'static str, &str)], access: Access) -> Endpoint {
    Endpoint {
        path,
        form: form.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
        access,
    }
}

/// The table; `centre_a` is the public id of the centre coordinated by "coordinator A".
/// Sign-out endpoints come last, since they end the caller's session.
pub fn all(centre_a: &str) -> Vec<Endpoint> {
    use Access::*;
    let pw = "en rolig tirsdag i haven";
    let mut table = vec![
        e("/language", &[("lang", "da"), ("next", "/")], Public),
        e(
            SignUp::PATH,
            &[
                ("name", "Ann"),
                ("email", "ann@x.test"),
                ("password", pw),
                ("language", "da"),
            ],
            Public,
        ),
        e(ConfirmEmail::PATH, &[("token", "no-such-token")], Public),
        e(
            LogIn::PATH,
            &[("email", "nobody@x.test"), ("password", pw)],
            Public,
        ),
        e(
            RequestPasswordReset::PATH,
            &[("email", "nobody@x.test")],
            Public,
        ),
        e(
            ResetPassword::PATH,
            &[("token", "no-such-token"), ("password", pw)],
            Public,
        ),
        e(CurrentViewer::PATH, &[], Public),
        e(
            ConfirmEmailChange::PATH,
            &[("token", "no-such-token")],
            Public,
        ),
        e(
            AcceptInvitation::PATH,
            &[("token", "no-such-token")],
            Public,
        ),
        e(
            InvitationStatus::PATH,
            &[("token", "no-such-token")],
            Public,
        ),
        e(
            UpdateProfile::PATH,
            &[("name", ""), ("language", "da")],
            SignedIn,
        ),
        e(
            ChangePassword::PATH,
            &[("current_password", "wrong wrong wrong"), ("password", pw)],
            SignedIn,
        ),
        e(
            ConfirmPasswordAgain::PATH,
            &[
                ("current_password", "wrong wrong wrong"),
                ("next", "/admin"),
            ],
            SignedIn,
        ),
        e(
            RequestEmailChange::PATH,
            &[
                ("new_email", "new@x.test"),
                ("current_password", "wrong wrong wrong"),
            ],
            SignedIn,
        ),
        e(
            DeleteAccount::PATH,
            &[
                ("current_password", "wrong wrong wrong"),
                ("confirm", "yes"),
            ],
            SignedIn,
        ),
        e(InvitableCentres::PATH, &[], SignedIn),
        e(
            ResetTwoFactor::PATH,
            &[("current_password", "wrong wrong wrong")],
            SignedIn,
        ),
        e(ListInvitations::PATH, &[("page", "1")], AdminOrCoordinator),
        e(
            WithdrawInvitation::PATH,
            &[("invitation", "0")],
            AdminOrCoordinator,
        ),
        e(BeginTotpEnrolment::PATH, &[], NotEnrolled),
        e(
            ConfirmTotpEnrolment::PATH,
            &[("code", "000000")],
            NotEnrolled,
        ),
        e(
            VerifySecondFactor::PATH,
            &[("code", "000000")],
            HalfwaySignedIn,
        ),
        e(ListUsers::PATH, &[("query", ""), ("page", "1")], Admin),
        e(
            SetRole::PATH,
            &[
                ("user", "no-such-user"),
                ("role", "trainer"),
                ("grant", "true"),
            ],
            Admin,
        ),
        e(ListAudit::PATH, &[("page", "1")], Admin),
        e(ListCentres::PATH, &[("page", "1")], Admin),
        e(
            CreateCentre::PATH,
            &[
                ("name", ""),
                ("kind", "volunteer_centre"),
                ("country", "DK"),
                ("municipality", "Aarhus"),
                ("contact_email", "c@x.test"),
            ],
            Admin,
        ),
        Endpoint {
            path: Invite::PATH,
            form: vec![
                ("email", "new.coordinator@x.test".into()),
                ("role", "coordinator".into()),
                ("centre", centre_a.into()),
            ],
            access: CoordinatorOfA,
        },
        e(
            ListCatalogue::PATH,
            &[("language", "all"), ("page", "1")],
            Public,
        ),
        e(
            LoadCourseOverview::PATH,
            &[("slug", "no-such-course")],
            Public,
        ),
        e(
            ListAuthoredCourses::PATH,
            &[("page", "1"), ("archived", "false")],
            Author,
        ),
        e(
            CreateCourse::PATH,
            &[("title", ""), ("language", "da")],
            Author,
        ),
        e(
            LoadCourseEditor::PATH,
            &[("course", "no-such-course")],
            Author,
        ),
        e(
            UpdateCourse::PATH,
            &[
                ("course", "no-such-course"),
                ("title", "T"),
                ("summary", ""),
                ("body", ""),
            ],
            Author,
        ),
        e(StartDraft::PATH, &[("course", "no-such-course")], Author),
        e(
            ListCourseEditors::PATH,
            &[("course", "no-such-course")],
            Author,
        ),
        e(
            AddCourseEditor::PATH,
            &[("course", "no-such-course"), ("email", "a@x.test")],
            Author,
        ),
        e(
            RemoveCourseEditor::PATH,
            &[("course", "no-such-course"), ("editor", "x")],
            Author,
        ),
        e(CopyCourse::PATH, &[("course", "no-such-course")], Author),
        e(DiscardDraft::PATH, &[("course", "no-such-course")], Author),
        e(
            AddModule::PATH,
            &[
                ("course", "no-such-course"),
                ("title", "M"),
                ("topic", "values"),
            ],
            Author,
        ),
        e(
            UpdateModule::PATH,
            &[("module", "0"), ("title", "M"), ("topic", "values")],
            Author,
        ),
        e(AddLesson::PATH, &[("module", "0"), ("title", "L")], Author),
        e(
            UpdateLesson::PATH,
            &[
                ("lesson", "0"),
                ("title", "L"),
                ("minutes", "5"),
                ("body", ""),
            ],
            Author,
        ),
        e(LoadLessonEditor::PATH, &[("lesson", "0")], Author),
        e(
            SaveQuestion::PATH,
            &[
                ("lesson", "0"),
                ("kind", "reflection"),
                ("prompt", "Why?"),
                ("review", "trainer"),
            ],
            Author,
        ),
        e(
            MoveItem::PATH,
            &[("item", "lesson"), ("id", "0"), ("direction", "up")],
            Author,
        ),
        e(
            DeleteItem::PATH,
            &[("item", "lesson"), ("id", "0"), ("confirm", "yes")],
            Author,
        ),
        e(PreviewMarkdown::PATH, &[("text", "*hi*")], Author),
        e(
            LoadPublishPreview::PATH,
            &[("course", "no-such-course")],
            Author,
        ),
        e(
            Publish::PATH,
            &[("course", "no-such-course"), ("confirm", "yes")],
            Author,
        ),
        e(
            SetCourseStatus::PATH,
            &[
                ("course", "no-such-course"),
                ("change", "archive"),
                ("confirm", "yes"),
            ],
            Author,
        ),
        e(
            VersionHistory::PATH,
            &[("course", "no-such-course")],
            Author,
        ),
        e(PreviewCourse::PATH, &[("course", "no-such-course")], Author),
        e(PreviewLesson::PATH, &[("lesson", "0")], Author),
        e(LoadStanding::PATH, &[("slug", "no-such-course")], Public),
        e(Enrol::PATH, &[("slug", "no-such-course")], SignedIn),
        e(LoadPlayer::PATH, &[("lesson", "0")], SignedIn),
        e(MarkLessonDone::PATH, &[("lesson", "0")], SignedIn),
        e(
            SubmitQuiz::PATH,
            &[
                ("lesson", "0"),
                ("submission", "6f1c1a52-3d7e-4c55-9a43-2b7f3c1e9d10"),
                ("answers[q1]", "2"),
            ],
            SignedIn,
        ),
        e(
            SaveReflection::PATH,
            &[("lesson", "0"), ("question", "0"), ("answer", "x")],
            SignedIn,
        ),
        e(LoadDashboard::PATH, &[("page", "1")], SignedIn),
        e(ListTeaching::PATH, &[("page", "1")], Teaching),
        e(
            LoadLearners::PATH,
            &[("course", "no-such-course"), ("page", "1")],
            Teaching,
        ),
        e(ReviewQueue::PATH, &[("page", "1")], Author),
        e(
            ReviewReflection::PATH,
            &[("reflection", "0"), ("decision", "accept")],
            Author,
        ),
        e(
            AddCourseTrainer::PATH,
            &[("course", "no-such-course"), ("email", "t@x.test")],
            Teaching,
        ),
        e(
            RemoveCourseTrainer::PATH,
            &[("course", "no-such-course"), ("trainer", "x")],
            Teaching,
        ),
    ];
    table.extend(certification::endpoints());
    table.extend(matching::endpoints(centre_a));
    table.extend([
        e(LogOutEverywhere::PATH, &[], SignedIn),
        e(LogOut::PATH, &[], Public),
    ]);
    table
}

#[test]
fn every_server_function_is_listed() {
    let table = all("x");
    for (path, _method) in leptos::server_fn::axum::server_fn_paths() {
        assert!(
            table.iter().any(|e| e.path == path),
            "server function {path} is missing from tests/api/endpoints.rs"
        );
    }
}
