//! Workshops: the list volunteers sign up from and cancel on, and the trainers' side:
//! scheduling a workshop and marking who came.

mod attendance;
mod calendar;
mod listing;
mod schedule;
#[cfg(feature = "ssr")]
pub(crate) mod ssr;

pub use attendance::{
    AttendanceList, AttendanceRow, LoadAttendance, MarkAttendance, load_attendance, mark_attendance,
};
pub use calendar::{CalendarFeed, ResetCalendarFeed, calendar_feed, feed_url, reset_calendar_feed};
pub use listing::{
    CancelWorkshopPlace, ListWorkshops, SignUpForWorkshop, WorkshopItem, cancel_workshop_place,
    list_workshops, sign_up_for_workshop,
};
pub use schedule::{ScheduleWorkshop, schedule_workshop};

/// Workshops per page.
pub const PER_PAGE: u64 = 20;
