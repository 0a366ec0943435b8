use igang_tests::{TestOptions, backends, spawn_app};

#[tokio::test]
async fn liveness_and_readiness_answer() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let client = app.client();
        let live = client.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(live.status(), 200, "{}", backend.name());
        assert_eq!(live.text().await.unwrap(), "ok");
        let ready = client.get(app.url("/readyz")).send().await.unwrap();
        assert_eq!(ready.status(), 200, "{}", backend.name());
        app.stop().await;
    }
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        app.db.clone().close().await.unwrap();
        let ready = app.client().get(app.url("/readyz")).send().await.unwrap();
        assert_eq!(ready.status(), 503, "{}", backend.name());
        assert_eq!(ready.text().await.unwrap(), "database unavailable");
        // Liveness is about the process, not its dependencies.
        let live = app.client().get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(live.status(), 200);
        app.stop().await;
    }
}
