//! Matching igangsættere with groups: the igangsætter's own profile and the towns it names,
//! the groups centres post, and who may be asked to start each.

mod groups;
mod life;
mod posting;
mod profile;
mod requests;
mod survey;

pub use groups::{
    CandidateRow, CentreGroups, GroupRow, GroupView, ListCentreGroups, LoadGroup, PER_PAGE,
    SHOWN_CANDIDATES, list_centre_groups, load_group,
};
pub use life::{
    GroupRequestRow, GroupRequests, MoveGroup, MyGroupItem, MyGroups, WithdrawRequest,
    group_requests, move_group, my_groups, withdraw_request,
};
pub use posting::{CreateGroup, create_group};
pub use profile::{
    LoadMyProfile, MyProfile, PlaceChoice, SaveProfile, SearchPlaces, load_my_profile,
    save_profile, search_places,
};
pub use requests::{
    AnswerRequest, MyRequests, RequestItem, SendRequest, answer_request, my_requests, send_request,
};
pub use survey::{
    AnswerSurvey, LoadSurvey, OpenSurvey, SurveyForm, SurveyState, answer_survey, load_survey,
    open_survey,
};
