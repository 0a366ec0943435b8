//! The signed-in person's own account.

use app::api::account::{
    ChangePassword, ConfirmEmailChange, ConfirmPasswordAgain, DeleteAccount, RequestEmailChange,
    UpdateProfile,
};

server_fns! {
    /// Changes the name and the language.
    update_profile(name, language) = UpdateProfile;
    /// Changes the password, given the current one.
    change_password(current_password, password) = ChangePassword;
    /// Mails a confirmation link to a new address.
    request_email_change(new_email, current_password) = RequestEmailChange;
    /// Moves the account to the new address with the token from the mailed link.
    confirm_email_change(token) = ConfirmEmailChange;
    /// Deletes the account, given the password and the ticked box.
    delete_account(current_password; confirm) = DeleteAccount;
    /// Gives the password again, then goes on to `next`.
    confirm_password_again(current_password, next) = ConfirmPasswordAgain;
}
