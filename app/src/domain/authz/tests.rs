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
        Action::EditCourse { editor: false },
        Action::EditCourse { editor: true },
        Action::ScheduleWorkshops,
        Action::RunWorkshop { organiser: false },
        Action::RunWorkshop { organiser: true },
        Action::RevokeCertificates,
        Action::EditProgrammes,
        Action::ViewNationalResults,
    ];
    // Rows: visitor, volunteer, trainer, coordinator of centre 1, of centre 2, admin.
    let expected: [[bool; 18]; 6] = [
        [
            false, false, false, false, false, false, false, false, false, false, false, false,
            false, false, false, false, false, false,
        ],
        [
            true, false, false, false, false, false, false, true, false, false, false, false,
            false, false, false, false, false, false,
        ],
        [
            true, false, false, false, false, false, true, true, false, true, false, true, true,
            false, true, false, false, false,
        ],
        [
            true, false, false, false, true, true, false, true, false, false, false, false, false,
            false, false, false, false, false,
        ],
        [
            true, false, false, false, false, false, false, true, false, false, false, false,
            false, false, false, false, false, false,
        ],
        [
            true, true, true, true, true, true, true, true, true, true, true, true, true, true,
            true, true, true, true,
        ],
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

#[test]
fn who_sees_which_learners() {
    let volunteer = subject(&[(Volunteer, None)]);
    let trainer = subject(&[(Volunteer, None), (Trainer, None)]);
    let coordinator = subject(&[
        (Volunteer, None),
        (Coordinator, Some(1)),
        (Coordinator, Some(2)),
    ]);
    let admin = subject(&[(Volunteer, None), (Admin, None)]);
    let mut halfway = coordinator.clone();
    halfway.second_factor = SecondFactor::NotEnrolled;
    let cases = [
        (&volunteer, false, None, false),
        (&volunteer, true, None, false),
        (&trainer, false, None, true),
        (&trainer, true, Some(Scope::All), true),
        (&coordinator, false, Some(Scope::Centres(vec![1, 2])), true),
        (&coordinator, true, Some(Scope::Centres(vec![1, 2])), true),
        (&admin, false, Some(Scope::All), true),
        (&halfway, false, None, false),
    ];
    for (who, teaches, scope, follows) in cases {
        assert_eq!(
            learner_scope(who, teaches),
            scope,
            "{who:?} teaches: {teaches}"
        );
        assert_eq!(follows_learners(who), follows, "{who:?}");
    }
    assert_eq!(followed_centres(&coordinator), [1, 2]);
    assert!(
        followed_centres(&halfway).is_empty(),
        "no second factor, no centre"
    );
}

#[test]
fn a_course_is_changed_by_its_editors_and_administrators_only() {
    let trainer = subject(&[(Volunteer, None), (Trainer, None)]);
    let coordinator = subject(&[(Volunteer, None), (Coordinator, Some(1))]);
    let admin = subject(&[(Volunteer, None), (Admin, None)]);
    let mut halfway = trainer.clone();
    halfway.second_factor = SecondFactor::NotEnrolled;
    // (who, editor of the course, may change it, may preview and copy it)
    let cases = [
        (&trainer, true, true, true),
        (&trainer, false, false, true),
        (&admin, false, true, true),
        (&coordinator, true, false, false),
        (&halfway, true, false, false),
    ];
    for (who, editor, edit, author) in cases {
        assert_eq!(
            allows(Some(who), Action::EditCourse { editor }),
            edit,
            "{who:?}"
        );
        assert_eq!(allows(Some(who), Action::AuthorCourses), author, "{who:?}");
    }
}

#[test]
fn powers_are_handed_out_only_within_half_an_hour_of_the_password() {
    assert!(confirmed_recently(Some(0)));
    assert!(confirmed_recently(Some(-5)), "a clock a little ahead");
    assert!(confirmed_recently(Some(RECENT_CONFIRMATION_SECS)));
    assert!(!confirmed_recently(Some(RECENT_CONFIRMATION_SECS + 1)));
    assert!(!confirmed_recently(None));
}
