//! The HTTP routes: health probes, the language switch, course files, static files under
//! `/pkg` and the Leptos pages and server functions, wrapped in the session, security and
//! compression layers.

use crate::http::{
    calendar, courses, credentials, errors, forms, health, islands, language, security, session,
    teaching,
};
use app::{App, shell, state::AppState};
use axum::{
    Router,
    extract::DefaultBodyLimit,
    middleware,
    routing::{get, post},
};
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use std::{path::Path, sync::OnceLock};
use tower_http::{
    CompressionLevel, compression::CompressionLayer, services::ServeDir,
    set_header::SetResponseHeaderLayer, trace::TraceLayer,
};

/// How long browsers keep files from `/pkg`: a year when their names change with their
/// content, five minutes otherwise.
fn pkg_cache_control(hashed: bool) -> axum::http::HeaderValue {
    axum::http::HeaderValue::from_static(if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    })
}

/// Compression for what is made per request (server functions, exports; pages are gzipped
/// whole before they get here, see `http::page_gzip`): gzip at its fastest level. Files under
/// `/pkg` are compressed once, at build time, with brotli at its best and served as they are;
/// this layer leaves already encoded bodies alone.
///
/// Measured on a 20 KB lesson page: brotli at tower-http's default quality took about three
/// times the processor time of fastest gzip (and an encoder of over a megabyte while it
/// runs) to save about a fifth of 5 KB.
fn dynamic_compression() -> CompressionLayer {
    CompressionLayer::new()
        .no_br()
        .quality(CompressionLevel::Fastest)
}

/// The app's page routes, found once per process.
///
/// Finding them renders the app with resource loading switched off for the whole process
/// (a flag Leptos keeps globally): a page whose data started loading in that window would
/// wait forever. Finding them once, before any router serves, leaves no such window when
/// several routers run in one process.
fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The HTTP routes: probes, the language switch, static files and the Leptos app.
pub fn router(state: AppState) -> Router {
    app::api::register_all();
    let routes = page_routes();
    let pkg_dir =
        Path::new(&*state.leptos_options.site_root).join(&*state.leptos_options.site_pkg_dir);
    let site = state.site.clone();
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let pkg = Router::new()
        .fallback_service(
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(SetResponseHeaderLayer::overriding(
            axum::http::header::CACHE_CONTROL,
            {
                let cache = pkg_cache_control(state.leptos_options.hash_files);
                move |response: &axum::response::Response| {
                    response.status().is_success().then(|| cache.clone())
                }
            },
        ))
        // The same address answers brotli, gzip or plain bytes: caches must tell them apart.
        .layer(SetResponseHeaderLayer::appending(
            axum::http::header::VARY,
            axum::http::HeaderValue::from_static("accept-encoding"),
        ));
    // The pages and server functions; kept apart so a refused form's page can be rendered
    // again from inside the stack.
    let pages: Router = Router::new()
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(middleware::from_fn(islands::only_with_islands))
        .with_state(state.clone());
    let forms = forms::Forms {
        pages: pages.clone(),
        site: site.clone(),
    };
    Router::new()
        .route("/healthz", get(health::live))
        .route("/readyz", get(health::ready))
        .route("/language", post(language::switch))
        .route(
            "/authoring/import",
            post(courses::import).layer(DefaultBodyLimit::max(courses::MAX_UPLOAD)),
        )
        .route(
            "/authoring/media",
            post(courses::upload_image).layer(DefaultBodyLimit::max(courses::MAX_UPLOAD)),
        )
        .route("/authoring/courses/{id}/export", get(courses::export))
        .route("/account/my-data.json", get(crate::http::my_data::download))
        .route("/media/{name}", get(courses::serve_media))
        .route(
            "/verify/{code}/certificate.pdf",
            get(crate::http::certificates::pdf),
        )
        .route(
            "/verify/{code}/credential.jwt",
            get(credentials::credential),
        )
        .route("/issuer", get(credentials::issuer))
        .route("/issuer/jwks.json", get(credentials::key_set))
        .route("/issuer/keys/{key_id}", get(credentials::key))
        .route("/issuer/achievements/{slug}", get(credentials::achievement))
        .route("/status/{list}", get(credentials::status_list))
        .route(
            "/centres/{centre}/dashboard.csv",
            get(crate::http::results::dashboard_csv),
        )
        .route(
            "/teach/results.csv",
            get(crate::http::results::training_csv),
        )
        .route(
            "/admin/results.csv",
            get(crate::http::results::national_csv),
        )
        .route(
            "/teach/courses/{id}/learners.csv",
            get(teaching::learners_csv),
        )
        .route("/workshops/{id}/calendar.ics", get(calendar::workshop))
        .route("/calendar/{secret}/workshops.ics", get(calendar::feed))
        .nest("/pkg", pkg)
        .fallback_service(pages)
        .layer(middleware::from_fn_with_state(forms, forms::keep_refused))
        .layer(middleware::from_fn(errors::server_fn_status))
        .layer(middleware::from_fn_with_state(
            state.db.clone(),
            errors::outage_for_failures,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session::attach,
        ))
        .layer(middleware::from_fn_with_state(
            site.clone(),
            security::reject_cross_site,
        ))
        .layer(middleware::from_fn_with_state(site, security::headers))
        .layer(dynamic_compression())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
