//! People, roles, centres, invitations and the audit log.

use app::api::admin::{
    AcceptInvitation, CreateCentre, Invite, ListAudit, ListCentres, ListInvitations, ListUsers,
    SetRole, WithdrawInvitation,
};
use leptos::server_fn::ServerFn;

server_fns! {
    /// Accepts an invitation with the token from the mailed link.
    accept_invitation(token, name, password) = AcceptInvitation;
    /// One page of the invitations the caller may see.
    list_invitations(page) = ListInvitations;
    /// One page of the people matching `query`.
    list_users(query, page) = ListUsers;
    /// Grants (`grant` true) or removes a role.
    set_role(user, role, grant) = SetRole;
    /// One page of the audit log, newest first.
    list_audit(page) = ListAudit;
    /// One page of the centres.
    list_centres(page) = ListCentres;
    /// Creates a centre.
    create_centre(name, kind, country, municipality, contact_email) = CreateCentre;
}

impl crate::TestApp {
    /// The page the invitation's link opens, with the token from the mail.
    pub async fn invitation_page(
        &self,
        client: &reqwest::Client,
        token: &str,
    ) -> reqwest::Response {
        self.page(client, &format!("/invitation?token={token}"))
            .await
    }

    /// Invites `email` to `role`, at `centre` (a public id) when given.
    pub async fn invite(
        &self,
        client: &reqwest::Client,
        email: &str,
        role: &str,
        centre: Option<&str>,
    ) -> reqwest::Response {
        let mut form = vec![("email", email), ("role", role)];
        form.extend(centre.map(|centre| ("centre", centre)));
        self.call(client, Invite::PATH, &form).await
    }

    /// Withdraws invitation `id`.
    pub async fn withdraw_invitation(
        &self,
        client: &reqwest::Client,
        id: i32,
    ) -> reqwest::Response {
        let id = id.to_string();
        self.call(client, WithdrawInvitation::PATH, &[("invitation", &id)])
            .await
    }
}
