//! Matching igangsættere with groups: the igangsætter's own profile and the towns it names.

mod profile;

pub use profile::{
    LoadMyProfile, MyProfile, PlaceChoice, SaveProfile, SearchPlaces, load_my_profile,
    save_profile, search_places,
};
