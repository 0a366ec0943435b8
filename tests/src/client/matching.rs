//! Groups and requests: one group's page, asking a candidate, the igangsætter's requests and
//! their answers.

use app::api::matching::{AnswerRequest, LoadGroup, MyRequests, SendRequest};

server_fns! {
    /// One group with its candidates.
    load_group(group) = LoadGroup;
    /// Asks the candidate with public id `person` to start `group`.
    send_request(group, person, message) = SendRequest;
    /// A page of the caller's requests.
    my_requests(page) = MyRequests;
    /// Answers a request: `accept` or `decline`, with an optional reason.
    answer_request(request, answer, reason) = AnswerRequest;
}
