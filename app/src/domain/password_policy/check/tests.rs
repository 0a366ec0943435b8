use super::*;
use crate::domain::password_policy::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};

const EMAIL: &str = "mette@frivillig.test";
const NAME: &str = "Mette Kjærgaard";

fn check(password: &str) -> Result<(), PasswordProblem> {
    check_password(password, &[EMAIL, NAME])
}

fn weakness(password: &str) -> Weakness {
    match check(password) {
        Err(PasswordProblem::TooEasy(weakness)) => weakness,
        other => panic!("{password:?} should be refused as too easy, got {other:?}"),
    }
}

#[test]
fn the_breached_list_holds_only_what_the_length_rule_lets_through() {
    let list = breached_passwords();
    assert!(list.len() > 400, "{} entries", list.len());
    for entry in list {
        let chars = entry.chars().count();
        assert!(
            (MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars),
            "{entry:?}"
        );
        assert_eq!(*entry, entry.to_lowercase(), "entries are lower-cased");
    }
}

#[test]
fn length_decides_first() {
    assert_eq!(check("kort"), Err(PasswordProblem::TooShort));
    assert_eq!(check("elleve tegn"), Err(PasswordProblem::TooShort));
    assert_eq!(check(&"ab".repeat(65)), Err(PasswordProblem::TooLong));
}

#[test]
fn known_weak_passwords_of_twelve_characters_or_more_are_refused() {
    for weak in [
        "password1234",
        "Password1234",
        "qwertyuiop12",
        "igangigangigang",
        "1qaz2wsx3edc",
        "123qweasdzxc",
        "aaaaaaaaaaaaaa",
        "abcdefghijklmn",
        "123456789012",
        "xyxyxyxyxyxyxyxy",
        "mette@frivillig.test",
        "Mette@Frivillig.test",
        "mette@frivillig.test1",
        "mettekjærgaard1",
        "igangsætter2026",
        "mettekjaergaard1987",
    ] {
        assert!(
            matches!(check(weak), Err(PasswordProblem::TooEasy(_))),
            "{weak:?} should be refused, got {:?}",
            check(weak)
        );
    }
}

#[test]
fn the_reason_names_what_makes_it_easy() {
    assert_eq!(weakness("password1234"), Weakness::CommonPassword);
    assert_eq!(weakness("justinbieber"), Weakness::CommonPassword);
    assert_eq!(weakness("Password1234"), Weakness::CommonWithChanges);
    assert_eq!(weakness("qwertyuiop12"), Weakness::CommonWithChanges);
    assert_eq!(weakness("qwertyuiop[]"), Weakness::KeyboardPattern);
    assert_eq!(weakness("abcdefghijklmn"), Weakness::Sequence);
    assert_eq!(weakness("igangigangigang"), Weakness::PersonalDetails);
    assert_eq!(weakness("mette@frivillig.test"), Weakness::PersonalDetails);
    assert_eq!(weakness("mette@frivillig.test1"), Weakness::PersonalDetails);
    assert_eq!(weakness("mettekjærgaard1"), Weakness::PersonalDetails);
    assert_eq!(weakness("aaaaaaaaaaaaaa"), Weakness::Repeats);
}

#[test]
fn the_same_password_is_fine_for_someone_else() {
    // Personal details count only for the person they belong to.
    assert!(check_password("mettekjærgaard1", &["ole@eksempel.test", "Ole Berg"]).is_ok());
}

#[test]
fn personal_details_need_a_strong_part_of_their_own() {
    let ann = ["ann.berg@frivillig.dk", "Ann Berg"];
    for weak in ["ann.berg@frivillig.dk1", "annberg19871987", "AnnBerg!!2024"] {
        assert_eq!(
            check_password(weak, &ann),
            Err(PasswordProblem::TooEasy(Weakness::PersonalDetails)),
            "{weak:?}"
        );
    }
    // A name inside a long phrase of its own is fine.
    assert_eq!(
        check_password("ann elsker lange gåture i skoven", &ann),
        Ok(())
    );
}

#[test]
fn long_unpredictable_phrases_pass_without_composition_rules() {
    for strong in [
        "grøn kaffe på bænken",
        "lyserøde tulipaner ved åen",
        "Tirsdagsgruppen mødes i kælderen",
        "hvorfor cykler hunden baglæns",
        "Tb9#qL2v!wR4mZ",
    ] {
        assert_eq!(check(strong), Ok(()), "{strong:?}");
    }
}

#[test]
fn only_a_bounded_part_of_each_personal_detail_is_used() {
    let name = "anna berg ".repeat(200_000);
    let words = guesser_words(&[&name, "anna@eksempel.test"]);
    assert!(words.len() < 40, "{} words", words.len());
    assert!(words.iter().all(|w| w.chars().count() <= 254));
    assert!(check_password("grøn kaffe på bænken", &[&name]).is_ok());
}
