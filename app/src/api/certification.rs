//! Certificates: a volunteer's own, with their progress towards those not earned yet, and
//! the public check anyone can make with a certificate's code.

mod mine;
mod programmes;
mod revoke;
mod sign_offs;
#[cfg(feature = "ssr")]
pub mod ssr;
mod verify;

pub use mine::{
    CertificateCard, LoadMyCertification, MyCertification, ProgrammeProgress, Step,
    load_my_certification,
};
pub use programmes::{
    ListProgrammes, LoadProgrammeText, ProgrammeRow, ProgrammeText, SaveProgramme, list_programmes,
    load_programme_text, save_programme,
};
pub use revoke::{MAX_REASON, RevokeCertificate, revoke_certificate};
#[cfg(feature = "ssr")]
pub(crate) use sign_offs::signed_off_by;
pub use sign_offs::{MAX_NOTE, SignOff, SignOffItem, SignOffQueue, sign_off, sign_off_queue};
pub use verify::{Verification, VerifyCertificate, verify_certificate};
