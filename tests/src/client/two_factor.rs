//! Authenticator enrolment and the second sign-in step.

use app::api::two_factor::{
    BeginTotpEnrolment, ConfirmTotpEnrolment, ResetTwoFactor, VerifySecondFactor,
};
use leptos::server_fn::ServerFn;

server_fns! {
    /// Starts setting up an authenticator: a new secret and its QR code.
    begin_totp_enrolment() = BeginTotpEnrolment;
    /// Turns the authenticator on with a code from it; answers the recovery codes.
    confirm_totp_enrolment(code) = ConfirmTotpEnrolment;
    /// Turns the authenticator off, given the password.
    reset_two_factor(current_password) = ResetTwoFactor;
}

impl crate::TestApp {
    /// The second sign-in step: an authenticator or recovery code, and where to go next.
    pub async fn verify_second_factor(
        &self,
        client: &reqwest::Client,
        code: &str,
        next: Option<&str>,
    ) -> reqwest::Response {
        let mut form = vec![("code", code)];
        form.extend(next.map(|next| ("next", next)));
        self.call(client, VerifySecondFactor::PATH, &form).await
    }
}
