//! One [`TestApp`](crate::TestApp) method per server function and HTTP endpoint, so each
//! request is built in one place. Every method answers the raw response: read it with
//! [`json`](crate::fixtures::json) or [`app_error`](crate::fixtures::app_error), or check
//! its status and headers.

/// Declares methods that call a server function as the page's script does, with one
/// argument per form field, each sent as its text.
///
/// `name(field, …) = ServerFnType;` makes `app.name(&client, field, …)`;
/// `name(field, …; confirm) = …` adds a last `confirm: bool` argument: when true the form
/// has its confirmation box ticked (`confirm=yes`), when false it has no such field.
macro_rules! server_fns {
    ($(
        $(#[$doc:meta])*
        $name:ident($($field:ident),* $(; $confirm:ident)?) = $server_fn:ty;
    )*) => {
        impl crate::TestApp {
            $(
                $(#[$doc])*
                pub async fn $name(
                    &self,
                    client: &reqwest::Client,
                    $($field: impl std::fmt::Display,)*
                    $($confirm: bool,)?
                ) -> reqwest::Response {
                    #[allow(unused_mut)]
                    let mut fields: Vec<(&str, String)> =
                        vec![$((stringify!($field), $field.to_string())),*];
                    $(
                        if $confirm {
                            fields.push((stringify!($confirm), "yes".to_owned()));
                        }
                    )?
                    self.call_fields(
                        client,
                        <$server_fn as leptos::server_fn::ServerFn>::PATH,
                        &fields,
                    )
                    .await
                }
            )*
        }
    };
}

mod account;
mod admin;
mod auth;
mod authoring;
mod catalogue;
mod certification;
mod learning;
mod matching;
mod teaching;
mod two_factor;

pub use authoring::LessonForm;
pub use certification::WorkshopForm;

impl crate::TestApp {
    /// [`call`](crate::TestApp::call) with owned field values.
    pub async fn call_fields(
        &self,
        client: &reqwest::Client,
        path: &str,
        fields: &[(&str, String)],
    ) -> reqwest::Response {
        let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.call(client, path, &form).await
    }

    /// Posts the language switch's form, as the switch in the page header does.
    pub async fn switch_language(
        &self,
        client: &reqwest::Client,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let request = self
            .same_origin_post(client, "/language")
            .header("sec-fetch-site", "same-origin");
        crate::answer(request.form(form)).await
    }
}
