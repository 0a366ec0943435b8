//! The matching rows of the endpoint table.

use super::{Access, Endpoint, e};
use app::api::matching::{
    AnswerRequest, AnswerSurvey, CreateGroup, GroupRequests, ListCentreGroups, LoadGroup,
    LoadMyProfile, LoadSurvey, MoveGroup, MyGroups, MyRequests, OpenSurvey, SaveProfile,
    SearchPlaces, SendRequest, WithdrawRequest,
};
use app::api::results::{LoadCentreDashboard, LoadNationalDashboard, LoadTrainingDashboard};
use leptos::server_fn::ServerFn;

/// Profiles, the town search and groups (`centre_a`: the public id of the tests' centre A).
pub(super) fn endpoints(centre_a: &str) -> Vec<Endpoint> {
    use Access::*;
    vec![
        e(LoadMyProfile::PATH, &[], SignedIn),
        e(
            SaveProfile::PATH,
            &[
                ("place", "2624652"),
                ("travel_km", "20"),
                ("capacity", "1"),
                ("choices[lang-da]", "on"),
            ],
            SignedIn,
        ),
        e(SearchPlaces::PATH, &[("q", "Aarhus")], Public),
        e(
            ListCentreGroups::PATH,
            &[("centre", centre_a), ("page", "1")],
            CoordinatorOfA,
        ),
        // A group that does not exist is not found for anyone signed in; a real group's
        // centre is checked in tests/api/matching/groups.rs.
        e(LoadGroup::PATH, &[("group", "0")], SignedIn),
        e(
            CreateGroup::PATH,
            &[
                ("centre", centre_a),
                ("title", ""),
                ("topic", "grief"),
                ("kind", "self_help"),
                ("language", "da"),
                ("place", "2624652"),
                ("weekday", "tue"),
                ("time", "19:00"),
                ("cadence", "weekly"),
                ("starts_on", "2099-01-01"),
                ("meetings", "6"),
            ],
            CoordinatorOfA,
        ),
        // For a group or request that does not exist: not found for anyone signed in; who
        // may ask and answer is checked in tests/api/matching/requests.rs.
        e(
            SendRequest::PATH,
            &[("group", "0"), ("person", "x"), ("message", "Hej")],
            SignedIn,
        ),
        e(MyRequests::PATH, &[("page", "1")], SignedIn),
        e(
            AnswerRequest::PATH,
            &[("request", "0"), ("answer", "accept")],
            SignedIn,
        ),
        // Likewise for a group's life; who may take which step is checked in
        // tests/api/matching/life.rs.
        e(MyGroups::PATH, &[("page", "1")], SignedIn),
        e(
            GroupRequests::PATH,
            &[("group", "0"), ("page", "1")],
            SignedIn,
        ),
        e(WithdrawRequest::PATH, &[("request", "0")], SignedIn),
        e(
            MoveGroup::PATH,
            &[("group", "0"), ("to", "ended"), ("confirm", "yes")],
            SignedIn,
        ),
        // The survey: opened by the group's centre (tests/api/matching/survey.rs), answered by
        // anyone holding a link; a link that does not exist is not found.
        e(OpenSurvey::PATH, &[("group", "0")], SignedIn),
        e(LoadSurvey::PATH, &[("token", "no-such-link")], Public),
        e(
            AnswerSurvey::PATH,
            &[("token", "no-such-link"), ("seen", "3")],
            Public,
        ),
        e(
            LoadCentreDashboard::PATH,
            &[("centre", centre_a)],
            CoordinatorOfA,
        ),
        e(LoadTrainingDashboard::PATH, &[("page", "1")], Author),
        e(
            LoadNationalDashboard::PATH,
            &[("level", "region"), ("area", ""), ("page", "1")],
            Admin,
        ),
    ]
}
