//! Workshops as iCalendar (RFC 5545): one workshop as a `.ics` file, and a person's feed of
//! the workshops they hold a place at, for calendar apps to subscribe to.

use crate::{domain::workshops::Placement, store::entities::workshop};
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

/// The host part of the base URL, for event ids that stay the same across downloads.
fn host(base_url: &str) -> &str {
    base_url
        .split("://")
        .nth(1)
        .unwrap_or(base_url)
        .split(['/', ':'])
        .next()
        .unwrap_or("igang")
}

/// A calendar named `name` with each workshop as an event: confirmed for a seat, tentative
/// while on the waiting list.
pub fn workshops(
    name: &str,
    entries: &[(workshop::Model, Placement)],
    base_url: &str,
    now: DateTime<Utc>,
) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for (workshop, placement) in entries {
        let status = match placement {
            Placement::Seat => EventStatus::Confirmed,
            Placement::WaitingList => EventStatus::Tentative,
        };
        calendar.push(
            Event::new()
                .uid(&format!("workshop-{}@{}", workshop.id, host(base_url)))
                .summary(&workshop.title)
                .description(&workshop.description)
                .location(&workshop.place)
                .starts(workshop.starts_at)
                .ends(workshop.ends_at)
                .timestamp(now)
                .url(&format!("{base_url}/workshops"))
                .status(status)
                .done(),
        );
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ProgrammeId, WorkshopId};
    use chrono::TimeZone;

    fn workshop(id: i32, title: &str) -> workshop::Model {
        let starts_at = Utc.with_ymd_and_hms(2026, 12, 10, 16, 0, 0).unwrap();
        workshop::Model {
            id: WorkshopId::new(id),
            programme_id: ProgrammeId::new(1),
            title: title.into(),
            starts_at,
            ends_at: starts_at + chrono::Duration::hours(3),
            place: "Frivilligcentret, Algade 1; 8000 Aarhus C".into(),
            capacity: 12,
            language: "da".into(),
            description: "Vi øver det første møde, og hvordan man træder ud.".into(),
            created_by: None,
            created_at: starts_at,
            reminded_at: None,
        }
    }

    #[test]
    fn each_workshop_becomes_an_event_that_reads_back() {
        let entries = [
            (workshop(7, "Workshop i Aarhus"), Placement::Seat),
            (workshop(8, "Venteliste, Odense"), Placement::WaitingList),
        ];
        let text = workshops("Igang", &entries, "https://igang.example:8443", Utc::now());
        let unfolded = icalendar::parser::unfold(&text);
        let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
        let events: Vec<_> = parsed
            .components
            .iter()
            .flat_map(|c| std::iter::once(c).chain(c.components.iter()))
            .filter(|c| c.name.as_str() == "VEVENT")
            .collect();
        assert_eq!(events.len(), 2);
        let first = events[0];
        let value = |c: &icalendar::parser::Component<'_>, key: &str| {
            c.find_prop(key).map(|p| p.val.as_str().to_owned())
        };
        assert_eq!(
            value(first, "UID").as_deref(),
            Some("workshop-7@igang.example")
        );
        assert_eq!(value(first, "DTSTART").as_deref(), Some("20261210T160000Z"));
        assert_eq!(value(first, "DTEND").as_deref(), Some("20261210T190000Z"));
        assert_eq!(value(first, "STATUS").as_deref(), Some("CONFIRMED"));
        assert_eq!(value(events[1], "STATUS").as_deref(), Some("TENTATIVE"));
        assert!(text.contains("Frivilligcentret"));
    }
}
