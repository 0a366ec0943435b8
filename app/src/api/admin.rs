//! Administration: people and roles, centres, invitations, the audit log.

mod audit_log;
mod centres;
mod invitation_list;
mod invitations;
mod users;

pub use audit_log::*;
pub use centres::*;
pub use invitation_list::*;
pub use invitations::*;
pub use users::*;

use serde::{Deserialize, Serialize};

/// Rows per page in every admin list.
pub const PER_PAGE: u64 = 25;

/// One page of a longer list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The rows on this page.
    pub items: Vec<T>,
    /// Page number, from 1.
    pub page: u64,
    /// Number of pages (at least 1).
    pub pages: u64,
    /// Rows in all.
    pub total: u64,
}

impl<T> Page<T> {
    /// Page `page` of a list of `total` rows shown `per_page` at a time, holding `items`.
    pub fn new(items: Vec<T>, page: u64, per_page: u64, total: u64) -> Page<T> {
        Page {
            items,
            page,
            pages: total.div_ceil(per_page).max(1),
            total,
        }
    }
}
