//! Who may do what: the one place the product's permissions are written down.
//! Server functions ask [`allows`] before acting; pages only hide what a person cannot use.

use super::role::Role;

/// The signed-in person asking, with the roles they hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    /// Their account id.
    pub user_id: i32,
    /// Roles held, each with the centre it is scoped to (coordinators) or none.
    pub grants: Vec<(Role, Option<i32>)>,
    /// Where this session stands with the second factor.
    pub second_factor: SecondFactor,
}

/// A session's second-factor state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SecondFactor {
    /// The account has no authenticator yet.
    NotEnrolled,
    /// The account has one and this session has not given a code yet: signed in halfway.
    Pending,
    /// A code was given in this session.
    Done,
}

/// Something a person may want to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// See and change their own account.
    ManageOwnAccount,
    /// Read the audit log.
    ViewAuditLog,
    /// Search people and change their roles.
    ManageUsers,
    /// Create and edit centres.
    ManageCentres,
    /// Invite coordinators to one centre.
    InviteCoordinator {
        /// The centre.
        centre_id: i32,
    },
    /// See one centre's own pages and data.
    ViewCentre {
        /// The centre.
        centre_id: i32,
    },
    /// Write courses: create new ones, preview and copy published ones.
    AuthorCourses,
    /// Change one course: its texts and drafts, publishing, archiving and its editors.
    EditCourse {
        /// Whether the person is one of the course's editors.
        editor: bool,
    },
    /// Take courses: enrol, read, answer quizzes, write reflections.
    Learn,
    /// Follow a course's learners, review their reflections and name its trainers.
    TeachCourse {
        /// Whether the person is one of the course's trainers.
        teaches: bool,
    },
    /// Schedule workshops of a programme.
    ScheduleWorkshops,
    /// Run one workshop: see who comes and mark attendance.
    RunWorkshop {
        /// Whether the person scheduled it.
        organiser: bool,
    },
    /// Revoke certificates.
    RevokeCertificates,
    /// Write certification programmes and their requirements.
    EditProgrammes,
    /// See the figures of every centre and course, per area and month.
    ViewNationalResults,
}

impl Subject {
    /// Whether the person holds `role` (at any centre).
    pub fn has(&self, role: Role) -> bool {
        self.grants.iter().any(|(r, _)| *r == role)
    }

    /// Whether the person coordinates `centre_id`.
    pub fn coordinates(&self, centre_id: i32) -> bool {
        self.grants
            .iter()
            .any(|(r, c)| *r == Role::Coordinator && *c == Some(centre_id))
    }

    /// Whether the person holds a staff role, which requires a second factor.
    pub fn is_staff(&self) -> bool {
        is_staff(self.grants.iter().map(|(role, _)| *role))
    }
}

/// Whether any of `roles` is a staff role (trainer, coordinator, admin).
pub fn is_staff(mut roles: impl Iterator<Item = Role>) -> bool {
    roles.any(|r| matches!(r, Role::Trainer | Role::Coordinator | Role::Admin))
}

/// Whether `subject` (or a visitor, for `None`) may perform `action`.
pub fn allows(subject: Option<&Subject>, action: Action) -> bool {
    let Some(subject) = subject else {
        return false;
    };
    // Halfway signed in is not signed in.
    if subject.second_factor == SecondFactor::Pending {
        return false;
    }
    // Staff powers count only once the second factor is through.
    let staff_ok = subject.second_factor == SecondFactor::Done;
    let admin = staff_ok && subject.has(Role::Admin);
    match action {
        Action::ManageOwnAccount => true,
        Action::ViewAuditLog | Action::ManageUsers | Action::ManageCentres => admin,
        Action::InviteCoordinator { centre_id } | Action::ViewCentre { centre_id } => {
            admin || (staff_ok && subject.coordinates(centre_id))
        }
        Action::AuthorCourses => staff_ok && (subject.has(Role::Trainer) || admin),
        // Trainers share one platform across organisations: a course is changed by its own
        // editors (and administrators), never by every trainer.
        Action::EditCourse { editor } => {
            admin || (editor && staff_ok && subject.has(Role::Trainer))
        }
        Action::Learn => true,
        Action::TeachCourse { teaches } => {
            admin || (teaches && staff_ok && subject.has(Role::Trainer))
        }
        Action::ScheduleWorkshops => admin || (staff_ok && subject.has(Role::Trainer)),
        // As with courses, a workshop's list belongs to whoever runs it.
        Action::RunWorkshop { organiser } => {
            admin || (organiser && staff_ok && subject.has(Role::Trainer))
        }
        Action::RevokeCertificates | Action::EditProgrammes | Action::ViewNationalResults => admin,
    }
}

/// Which learners of a course someone may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// All of them (the course's trainers and administrators).
    All,
    /// Those who take the course with one of these centres (their coordinators).
    Centres(Vec<i32>),
}

/// The centres whose learners `subject` follows as their coordinator.
pub fn followed_centres(subject: &Subject) -> Vec<i32> {
    subject
        .grants
        .iter()
        .filter(|(role, _)| *role == Role::Coordinator)
        .filter_map(|(_, centre)| *centre)
        .filter(|c| allows(Some(subject), Action::ViewCentre { centre_id: *c }))
        .collect()
}

/// Which learners of a course `subject` may see (`teaches`: whether they are one of its
/// trainers); `None` when none at all.
pub fn learner_scope(subject: &Subject, teaches: bool) -> Option<Scope> {
    if allows(Some(subject), Action::TeachCourse { teaches }) {
        return Some(Scope::All);
    }
    let centres = followed_centres(subject);
    (!centres.is_empty()).then_some(Scope::Centres(centres))
}

/// Whether `subject` follows the learners of some course: administrators, trainers and
/// coordinators. Which learners is decided per course by [`learner_scope`].
pub fn follows_learners(subject: &Subject) -> bool {
    !followed_centres(subject).is_empty()
        || allows(Some(subject), Action::TeachCourse { teaches: true })
}

/// How long a confirmed password counts for the actions that hand out or take away powers
/// (roles, invitations, revoking a certificate): half an hour.
pub const RECENT_CONFIRMATION_SECS: i64 = 30 * 60;

/// Whether a session whose password was last given `seconds_ago` (at sign-in or when asked
/// again; `None`: never) may take such an action without giving it again. A time in the
/// future (clocks of two servers apart) counts as now.
pub fn confirmed_recently(seconds_ago: Option<i64>) -> bool {
    seconds_ago.is_some_and(|s| s <= RECENT_CONFIRMATION_SECS)
}

#[cfg(test)]
mod tests;
