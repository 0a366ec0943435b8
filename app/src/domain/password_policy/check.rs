//! The check itself (server side: the estimator's dictionaries stay out of the browser build).

use super::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordProblem, Weakness};
use std::{collections::HashSet, sync::OnceLock};
use zxcvbn::{Score, feedback::Warning, matching::patterns::MatchPattern, zxcvbn as estimate};

/// Words tied to this product that a guesser would try first.
const PRODUCT_WORDS: &[&str] = &[
    "igang",
    "igangsætter",
    "igangsaetter",
    "igangsetter",
    "selvhjælp",
    "selvhjelp",
    "selvhjælpsgruppe",
];

fn breached_passwords() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../breached_passwords.txt")
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    })
}

/// The words a guesser who knows the person would try: each given detail whole and split
/// into its parts (so `mette@frivillig.test` also gives `mette` and `frivillig`).
fn guesser_words(personal: &[&str]) -> Vec<String> {
    let mut words: Vec<String> = PRODUCT_WORDS.iter().map(|w| (*w).to_owned()).collect();
    for detail in personal {
        let detail = detail.trim().to_lowercase();
        if detail.is_empty() {
            continue;
        }
        words.extend(
            detail
                .split(|c: char| !c.is_alphanumeric())
                .filter(|part| part.chars().count() >= 3)
                .map(str::to_owned),
        );
        words.push(detail);
    }
    words.sort();
    words.dedup();
    words
}

/// Checks a new password for a person whose name, address and similar details are `personal`.
pub fn check_password(password: &str, personal: &[&str]) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lowered = password.to_lowercase();
    if breached_passwords().contains(lowered.as_str()) {
        return Err(PasswordProblem::TooEasy(Weakness::CommonPassword));
    }
    let words = guesser_words(personal);
    if words.iter().any(|word| *word == lowered.trim()) {
        return Err(PasswordProblem::TooEasy(Weakness::PersonalDetails));
    }
    let inputs: Vec<&str> = words.iter().map(String::as_str).collect();
    let entropy = estimate(password, &inputs);
    if entropy.score() >= Score::Three {
        return Ok(());
    }
    // The estimator's dictionaries are English; a match on one of the guesser's words is
    // the person's own details (or the product's name), whichever list also holds it.
    let personal_match = entropy.sequence().iter().any(|m| {
        matches!(&m.pattern, MatchPattern::Dictionary(d)
            if d.matched_word.chars().count() >= 3 && words.contains(&d.matched_word))
    });
    let weakness = if personal_match {
        Weakness::PersonalDetails
    } else {
        entropy
            .feedback()
            .and_then(|feedback| feedback.warning())
            .map_or(Weakness::Other, weakness_of)
    };
    Err(PasswordProblem::TooEasy(weakness))
}

fn weakness_of(warning: Warning) -> Weakness {
    match warning {
        Warning::ThisIsATop10Password
        | Warning::ThisIsATop100Password
        | Warning::ThisIsACommonPassword => Weakness::CommonPassword,
        Warning::ThisIsSimilarToACommonlyUsedPassword => Weakness::CommonWithChanges,
        Warning::StraightRowsOfKeysAreEasyToGuess
        | Warning::ShortKeyboardPatternsAreEasyToGuess => Weakness::KeyboardPattern,
        Warning::RepeatsLikeAaaAreEasyToGuess
        | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => Weakness::Repeats,
        Warning::SequencesLikeAbcAreEasyToGuess => Weakness::Sequence,
        Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess => Weakness::Dates,
        Warning::AWordByItselfIsEasyToGuess => Weakness::SingleWord,
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess
        | Warning::CommonNamesAndSurnamesAreEasyToGuess => Weakness::Names,
    }
}

#[cfg(test)]
mod tests;
