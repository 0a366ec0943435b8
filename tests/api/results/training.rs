//! The training dashboard with a fixed data set: four learners at four stages of a
//! three-lesson course (one holding a certificate without having completed it), one wrong
//! quiz answer, a workshop with one seat taken and a
//! sign-off waiting; each figure is what the data says, the CSV agrees, and another trainer
//! and a volunteer see none of it.

use super::download_status;
use crate::matching::profile::certify;
use app::{
    api::{
        authoring::CourseEditor,
        results::{LoadTrainingDashboard, TrainingDashboard},
    },
    domain::{ids::LessonId, role::Role},
    errors::AppError,
    store::{
        certification, courses,
        entities::{enrolment, lesson_completion, programme_course, sign_off},
        learning,
    },
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestApp, TestOptions, backends,
    client::{LessonForm, WorkshopForm},
    courses::{answers, finish_lesson, submission_key},
    fixtures::{
        account, app_error, json, ok, publish_draft, sign_in, sign_in_with_authenticator,
        small_course, staff,
    },
    spawn_app,
};
use leptos::server_fn::ServerFn;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

async fn dashboard(app: &TestApp, client: &reqwest::Client) -> reqwest::Response {
    app.call(client, LoadTrainingDashboard::PATH, &[("page", "1")])
        .await
}

/// A course of three lessons, the first with a one-question quiz; its id, slug and lessons.
async fn three_lessons(
    app: &TestApp,
    trainer: &reqwest::Client,
) -> (String, String, Vec<LessonId>) {
    let (id, quiz) = small_course(app, trainer, "Kursus i tal").await;
    let editor: CourseEditor = json(app.load_course_editor(trainer, &id).await).await;
    let mut lessons = vec![quiz];
    for title in ["Roller", "Afslutning"] {
        let lesson: LessonId =
            json(app.add_lesson(trainer, editor.modules[0].id, title).await).await;
        ok(app
            .update_lesson(trainer, lesson, LessonForm::new(title, "5", "Tekst."))
            .await)
        .await;
        lessons.push(lesson);
    }
    publish_draft(app, trainer, &id).await;
    let slug = courses::find(&app.db, &id).await.unwrap().slug;
    (id, slug, lessons)
}

#[tokio::test]
async fn every_training_figure_is_what_the_data_says_and_the_csv_agrees() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let tove_id = account(&app, "tove@x.test", Role::Trainer).await;
        let tove = sign_in_with_authenticator(&app, "tove@x.test").await;
        let (course_id, slug, lessons) = three_lessons(&app, &tove).await;
        let course = courses::find(&app.db, &course_id).await.unwrap();
        learning::add_trainer(&app.db, course.id, tove_id, Utc::now())
            .await
            .unwrap();

        // Anne enrols only; Bo misses the question once, then passes the quiz; Cia also
        // does the second lesson (halfway); Dan does all three and is certified.
        let mut learners = Vec::new();
        for name in ["anne", "bo", "cia", "dan"] {
            let email = format!("{name}@x.test");
            let id = account(&app, &email, Role::Volunteer).await;
            let client = sign_in(&app, &email).await;
            ok(app.enrol(&client, &slug, "").await).await;
            learners.push((id, client));
        }
        let wrong = answers(&app, lessons[0], false).await;
        ok(app
            .submit_quiz(&learners[1].1, lessons[0], &submission_key(), &wrong)
            .await)
        .await;
        finish_lesson(&app, &learners[1].1, lessons[0]).await;
        for lesson in &lessons[..2] {
            finish_lesson(&app, &learners[2].1, *lesson).await;
        }
        for lesson in &lessons {
            finish_lesson(&app, &learners[3].1, *lesson).await;
        }
        // Marking a lesson done again changes nothing: each learner's count of lessons done
        // is the number of lessons they completed.
        finish_lesson(&app, &learners[2].1, lessons[1]).await;
        for ((id, _), done) in learners.iter().zip([0, 1, 2, 3]) {
            let enrolled = enrolment::Entity::find()
                .filter(enrolment::Column::UserId.eq(*id))
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            let completions = lesson_completion::Entity::find()
                .filter(lesson_completion::Column::EnrolmentId.eq(enrolled.id))
                .count(&app.db)
                .await
                .unwrap();
            assert_eq!(
                (enrolled.lessons_done, completions),
                (done, u64::try_from(done).unwrap()),
                "{}",
                backend.name()
            );
        }
        // The shipped programme counts this course too; Dan holds its certificate.
        let programme = certification::all(&app.db).await.unwrap().remove(0);
        programme_course::ActiveModel {
            programme_id: Set(programme.id),
            requirement: Set(Some(9)),
            course_id: Set(course.id),
            min_version: Set(None),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        certify(&app, learners[3].0).await;
        // Anne holds one too, earned without this course: she is not counted as certified here.
        certify(&app, learners[0].0).await;
        // Tove's workshop, one of four seats taken; another trainer's workshop.
        let starts = Utc::now() + Duration::days(10);
        let at = app::api::dates::local_input;
        let form = WorkshopForm::new(at(starts), at(starts + Duration::hours(2)), 4);
        let workshop: i32 = json(app.schedule_workshop(&tove, &form).await).await;
        ok(app.sign_up_for_workshop(&learners[0].1, workshop).await).await;
        let otto = staff(&app, "otto@x.test", Role::Trainer, None).await;
        let _: i32 = json(app.schedule_workshop(&otto, &form).await).await;
        // Anne waits for a sign-off of the programme.
        sign_off::ActiveModel {
            programme_id: Set(programme.id),
            user_id: Set(learners[0].0),
            requested_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();

        let d: TrainingDashboard = json(dashboard(&app, &tove).await).await;
        assert_eq!(d.courses.total, 1, "{}", backend.name());
        let funnel = d.courses.items[0].funnel;
        assert_eq!(
            (
                funnel.enrolled,
                funnel.halfway,
                funnel.completed,
                funnel.certified
            ),
            (4, 2, 1, 1),
            "{}",
            backend.name()
        );
        assert_eq!(d.attempts_read, 4);
        assert_eq!(d.missed.len(), 1);
        let missed = &d.missed[0];
        assert_eq!((missed.asked, missed.missed, missed.percent), (4, 1, 25));
        assert_eq!(missed.prompt, "Hvem giver i en gruppe?");
        assert_eq!(missed.lesson, "Gensidighed");
        assert_eq!(
            (d.workshops.len(), d.workshops_coming),
            (1, 1),
            "only her own workshop"
        );
        let w = &d.workshops[0];
        assert_eq!((w.seated, w.capacity, w.percent, w.waiting), (1, 4, 25, 0));
        assert_eq!(
            d.sign_offs_waiting, 0,
            "the programme's practical part is not hers"
        );

        // An administrator sees every course and the sign-off waiting.
        let admin = staff(&app, "ada@x.test", Role::Admin, None).await;
        let all: TrainingDashboard = json(dashboard(&app, &admin).await).await;
        assert!(all.courses.total >= 2, "the shipped course and this one");
        assert_eq!(all.sign_offs_waiting, 1);
        assert_eq!(all.workshops.len(), 2);

        // The CSV holds the page's numbers.
        let csv = tove
            .get(app.url("/teach/results.csv"))
            .send()
            .await
            .unwrap();
        assert!(csv.status().is_success());
        let text = csv.text().await.unwrap();
        for row in [
            "course,Kursus i tal,enrolled,4",
            "course,Kursus i tal,halfway,2",
            "course,Kursus i tal,completed,1",
            "course,Kursus i tal,certified,1",
            "sign_offs,,waiting,0",
        ] {
            assert!(text.lines().any(|l| l == row), "{row} in {text}");
        }
        assert!(text.contains("Hvem giver i en gruppe?,wrong,1"), "{text}");
        assert!(
            text.lines().any(|l| l.ends_with(",fill_percent,25")),
            "{text}"
        );

        // Another trainer sees none of it; a volunteer and a visitor are refused.
        let theirs: TrainingDashboard = json(dashboard(&app, &otto).await).await;
        assert_eq!(theirs.courses.total, 0);
        assert!(theirs.missed.is_empty());
        assert_eq!(theirs.workshops.len(), 1, "their own workshop only");
        assert_eq!(
            app_error(dashboard(&app, &learners[0].1).await).await,
            AppError::Forbidden
        );
        assert_eq!(
            download_status(&app, &learners[0].1, "/teach/results.csv").await,
            reqwest::StatusCode::FORBIDDEN
        );
        assert_eq!(
            download_status(&app, &app.client(), "/teach/results.csv").await,
            reqwest::StatusCode::UNAUTHORIZED
        );
        app.stop().await;
    }
}
