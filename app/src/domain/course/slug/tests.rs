//! Tests of short names and the custom topics built from them.

use super::{is_slug, slugify};
use crate::domain::course::Topic;

#[test]
fn slugs() {
    assert_eq!(slugify("Det første møde"), "det-foerste-moede");
    assert_eq!(slugify("  Åben -- grå  "), "aaben-graa");
    assert_eq!(slugify("!!!"), "untitled");
    assert!(is_slug("core-elements"));
    for bad in ["", "-a", "a-", "a--b", "Æ", "a b", "A"] {
        assert!(!is_slug(bad), "{bad}");
    }
    assert_eq!("custom:basics".parse(), Ok(Topic::Custom("basics".into())));
    assert!("custom:".parse::<Topic>().is_err());
    assert!("custom:Not OK".parse::<Topic>().is_err());
    for t in Topic::BUILT_IN {
        assert_eq!(t.parse::<Topic>().unwrap().as_string(), t);
    }
}
