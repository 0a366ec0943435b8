//! The workshop and certification rows of the endpoint table.

use super::{Access, Endpoint, e};
use app::api::{
    certification::{
        ListProgrammes, LoadMyCertification, LoadProgrammeText, RevokeCertificate, SaveProgramme,
        SignOff, SignOffQueue, VerifyCertificate,
    },
    workshops::{
        CalendarFeed, CancelWorkshopPlace, ListWorkshops, LoadAttendance, MarkAttendance,
        ResetCalendarFeed, ScheduleWorkshop, SignUpForWorkshop,
    },
};
use leptos::server_fn::ServerFn;

/// Workshops, certificates and programmes.
pub(super) fn endpoints() -> Vec<Endpoint> {
    use Access::*;
    vec![
        e(ListWorkshops::PATH, &[("page", "1")], SignedIn),
        e(SignUpForWorkshop::PATH, &[("workshop", "0")], SignedIn),
        e(CancelWorkshopPlace::PATH, &[("workshop", "0")], SignedIn),
        e(
            ScheduleWorkshop::PATH,
            &[
                ("title", ""),
                ("starts", "2099-01-01T10:00"),
                ("ends", "2099-01-01T16:00"),
                ("place", "Algade 1"),
                ("capacity", "10"),
                ("language", "da"),
            ],
            Author,
        ),
        e(LoadAttendance::PATH, &[("workshop", "0")], Author),
        e(
            MarkAttendance::PATH,
            &[("workshop", "0"), ("person", "x"), ("attended", "yes")],
            Author,
        ),
        e(LoadMyCertification::PATH, &[], SignedIn),
        e(CalendarFeed::PATH, &[], SignedIn),
        e(SignOffQueue::PATH, &[("page", "1")], Author),
        e(
            SignOff::PATH,
            &[("programme", "0"), ("person", "x"), ("note", "")],
            Author,
        ),
        e(ResetCalendarFeed::PATH, &[], SignedIn),
        e(ListProgrammes::PATH, &[("page", "1")], Admin),
        e(
            LoadProgrammeText::PATH,
            &[("slug", "certificeret-igangsaetter")],
            Admin,
        ),
        e(
            SaveProgramme::PATH,
            &[
                ("original", "certificeret-igangsaetter"),
                ("text", "slug: x"),
            ],
            Admin,
        ),
        e(
            RevokeCertificate::PATH,
            &[
                ("code", "0000-0000-0000-0000"),
                ("reason", "Udstedt ved en fejl"),
                ("confirm", "yes"),
            ],
            Admin,
        ),
        e(
            VerifyCertificate::PATH,
            &[("code", "0000-0000-0000-0000")],
            Public,
        ),
    ]
}
