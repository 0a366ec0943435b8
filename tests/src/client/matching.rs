//! Groups and requests: one group's page, asking a candidate, the igangsætter's requests and
//! their answers.

// A survey answer posts a point for each of its five statements.
#![allow(clippy::too_many_arguments)]

use app::api::matching::{
    AnswerRequest, AnswerSurvey, GroupRequests, LoadGroup, LoadSurvey, MoveGroup, MyGroups,
    MyRequests, OpenSurvey, SendRequest, WithdrawRequest,
};

server_fns! {
    /// One group with its candidates.
    load_group(group) = LoadGroup;
    /// Asks the candidate with public id `person` to start `group`.
    send_request(group, person, message) = SendRequest;
    /// A page of the caller's requests.
    my_requests(page) = MyRequests;
    /// Answers a request: `accept` or `decline`, with an optional reason.
    answer_request(request, answer, reason) = AnswerRequest;
    /// A page of the groups the caller accepted.
    my_groups(page) = MyGroups;
    /// A page of the requests sent for a group.
    group_requests(group, page) = GroupRequests;
    /// Takes back a waiting request.
    withdraw_request(request) = WithdrawRequest;
    /// Takes a group to another status, with a reason and a confirmation.
    move_group(group, to, reason; confirm) = MoveGroup;
    /// Opens a group's outcome survey.
    open_survey(group) = OpenSurvey;
    /// The survey behind a link.
    load_survey(token) = LoadSurvey;
    /// One participant's answer, a point per statement.
    answer_survey(token, seen, less_alone, insight, talking, mastery) = AnswerSurvey;
}
