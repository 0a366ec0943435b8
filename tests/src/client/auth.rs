//! Signing up, in and out, and resetting a password.

use app::api::auth::{
    ConfirmEmail, LogIn, LogOut, LogOutEverywhere, RequestPasswordReset, ResetPassword, SignUp,
};

server_fns! {
    /// Creates an account and mails a confirmation link.
    sign_up(name, email, password, language) = SignUp;
    /// Confirms an address with the token from the mailed link.
    confirm_email(token) = ConfirmEmail;
    /// Signs in with a password (the first step for staff).
    log_in(email, password) = LogIn;
    /// Ends this session.
    log_out() = LogOut;
    /// Ends every session of the signed-in person.
    log_out_everywhere() = LogOutEverywhere;
    /// Mails a link for choosing a new password.
    request_password_reset(email) = RequestPasswordReset;
    /// Sets a new password with the token from the mailed link.
    reset_password(token, password) = ResetPassword;
}
