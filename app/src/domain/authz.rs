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
    /// Write and edit courses.
    AuthorCourses,
    /// Take courses: enrol, read, answer quizzes, write reflections.
    Learn,
    /// Follow a course's learners, review their reflections and name its trainers.
    TeachCourse {
        /// Whether the person is one of the course's trainers.
        teaches: bool,
    },
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
        Action::Learn => true,
        Action::TeachCourse { teaches } => {
            admin || (teaches && staff_ok && subject.has(Role::Trainer))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    fn subject(grants: &[(Role, Option<i32>)]) -> Subject {
        Subject {
            user_id: 1,
            grants: grants.to_vec(),
            second_factor: SecondFactor::Done,
        }
    }

    #[test]
    fn the_permission_table() {
        let volunteer = subject(&[(Volunteer, None)]);
        let trainer = subject(&[(Volunteer, None), (Trainer, None)]);
        let coordinator_a = subject(&[(Volunteer, None), (Coordinator, Some(1))]);
        let coordinator_b = subject(&[(Volunteer, None), (Coordinator, Some(2))]);
        let admin = subject(&[(Volunteer, None), (Admin, None)]);
        let actions = [
            Action::ManageOwnAccount,
            Action::ViewAuditLog,
            Action::ManageUsers,
            Action::ManageCentres,
            Action::InviteCoordinator { centre_id: 1 },
            Action::ViewCentre { centre_id: 1 },
            Action::AuthorCourses,
            Action::Learn,
            Action::TeachCourse { teaches: false },
            Action::TeachCourse { teaches: true },
        ];
        // Rows: visitor, volunteer, trainer, coordinator of centre 1, of centre 2, admin.
        let expected: [[bool; 10]; 6] = [
            [
                false, false, false, false, false, false, false, false, false, false,
            ],
            [
                true, false, false, false, false, false, false, true, false, false,
            ],
            [
                true, false, false, false, false, false, true, true, false, true,
            ],
            [
                true, false, false, false, true, true, false, true, false, false,
            ],
            [
                true, false, false, false, false, false, false, true, false, false,
            ],
            [true, true, true, true, true, true, true, true, true, true],
        ];
        let subjects = [
            None,
            Some(&volunteer),
            Some(&trainer),
            Some(&coordinator_a),
            Some(&coordinator_b),
            Some(&admin),
        ];
        for (row, who) in subjects.iter().enumerate() {
            for (col, action) in actions.iter().enumerate() {
                assert_eq!(
                    allows(*who, *action),
                    expected[row][col],
                    "row {row}, {action:?}"
                );
            }
        }
    }

    #[test]
    fn staff_powers_wait_for_the_second_factor() {
        let mut admin = subject(&[(Admin, None)]);
        admin.second_factor = SecondFactor::NotEnrolled;
        assert!(!allows(Some(&admin), Action::ManageUsers));
        assert!(
            allows(Some(&admin), Action::ManageOwnAccount),
            "enrolment is reachable"
        );
        admin.second_factor = SecondFactor::Pending;
        assert!(
            !allows(Some(&admin), Action::ManageOwnAccount),
            "halfway is not signed in"
        );
        let mut volunteer = subject(&[(Volunteer, None)]);
        volunteer.second_factor = SecondFactor::NotEnrolled;
        assert!(
            allows(Some(&volunteer), Action::ManageOwnAccount),
            "optional for volunteers"
        );
        assert!(admin.is_staff());
        assert!(!subject(&[(Volunteer, None)]).is_staff());
    }
}
