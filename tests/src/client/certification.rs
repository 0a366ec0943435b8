//! Workshops and certificates: the list, signing up and cancelling, scheduling, the
//! attendance list, the holder's certificates and the public check.

use crate::answer;
use app::api::{
    certification::{
        ListProgrammes, LoadMyCertification, LoadProgrammeText, SaveProgramme, VerifyCertificate,
    },
    workshops::{
        CalendarFeed, CancelWorkshopPlace, ListWorkshops, LoadAttendance, MarkAttendance,
        ResetCalendarFeed, ScheduleWorkshop, SignUpForWorkshop,
    },
};
use leptos::server_fn::ServerFn;

server_fns! {
    /// One page of the workshops ahead, with the caller's place at each.
    list_workshops(page) = ListWorkshops;
    /// Signs the caller up for a workshop.
    sign_up_for_workshop(workshop) = SignUpForWorkshop;
    /// Gives up the caller's place at a workshop.
    cancel_workshop_place(workshop) = CancelWorkshopPlace;
    /// The attendance list of a workshop.
    load_attendance(workshop) = LoadAttendance;
    /// Marks whether a person (public id) came: `attended` is `yes` or `no`.
    mark_attendance(workshop, person, attended) = MarkAttendance;
    /// The caller's certificates and progress.
    load_my_certification() = LoadMyCertification;
    /// The public check of a certificate by its code.
    verify_certificate(code) = VerifyCertificate;
    /// The address of the caller's calendar feed, if any.
    calendar_feed() = CalendarFeed;
    /// A new address for the caller's calendar feed.
    reset_calendar_feed() = ResetCalendarFeed;
    /// One page of the certification programmes.
    list_programmes(page) = ListProgrammes;
    /// A programme's `programme.yaml` text.
    load_programme_text(slug) = LoadProgrammeText;
    /// Saves a programme's text: the one named `original`, or a new one when it is empty.
    save_programme(original, text) = SaveProgramme;
}

/// The scheduling form of a workshop, as a trainer fills it in (times as a `datetime-local`
/// field sends them).
#[derive(Clone, Debug)]
pub struct WorkshopForm {
    /// Title.
    pub title: String,
    /// Start, local time.
    pub starts: String,
    /// End, local time.
    pub ends: String,
    /// Address.
    pub place: String,
    /// Seats, as typed.
    pub capacity: String,
    /// Language code.
    pub language: String,
    /// About the day.
    pub description: String,
}

impl WorkshopForm {
    /// A Danish workshop in Aarhus with these times and seats.
    pub fn new(starts: String, ends: String, capacity: impl ToString) -> WorkshopForm {
        WorkshopForm {
            title: "Workshop om at starte grupper".into(),
            starts,
            ends,
            place: "Frivilligcentret, Algade 1, Aarhus".into(),
            capacity: capacity.to_string(),
            language: "da".into(),
            description: "Vi øver os på det første møde.".into(),
        }
    }
}

impl crate::TestApp {
    /// Schedules a workshop.
    pub async fn schedule_workshop(
        &self,
        client: &reqwest::Client,
        form: &WorkshopForm,
    ) -> reqwest::Response {
        let fields = [
            ("title", form.title.as_str()),
            ("starts", &form.starts),
            ("ends", &form.ends),
            ("place", &form.place),
            ("capacity", &form.capacity),
            ("language", &form.language),
            ("description", &form.description),
        ];
        self.call(client, ScheduleWorkshop::PATH, &fields).await
    }

    /// The public verification page of a code, as a browser opens it.
    pub async fn verify_page(&self, client: &reqwest::Client, code: &str) -> reqwest::Response {
        answer(client.get(self.url(&format!("/verify/{code}")))).await
    }
}
