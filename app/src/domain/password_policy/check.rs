//! The check itself (server side: the estimator's dictionaries stay out of the browser build).

use super::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordProblem, Weakness};
use std::{collections::HashSet, sync::OnceLock};
use zxcvbn::{Score, feedback::Warning, matching::patterns::MatchPattern, zxcvbn as estimate};

/// Most characters of one personal detail the check looks at (an email address's limit).
const MAX_DETAIL_CHARS: usize = 254;

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
        // Details come from the same form and may be refused as too long there; only a
        // bounded part of each is used, so the check's work stays small whatever is sent.
        let detail: String = detail.trim().chars().take(MAX_DETAIL_CHARS).collect();
        let detail = detail.to_lowercase();
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
    // Danish and Norwegian letters are often typed the long way: æ as ae, ø as oe, å as aa.
    let spelled_out: Vec<String> = words
        .iter()
        .map(|w| w.replace('æ', "ae").replace('ø', "oe").replace('å', "aa"))
        .collect();
    words.extend(spelled_out);
    words.sort();
    words.dedup();
    words
}

/// What is left of a password once the guesser's words are taken out of it, letters and
/// digits only: `mettekjærgaard1` leaves `1` for Mette Kjærgaard.
fn without_words(lowered: &str, words: &[String]) -> String {
    let mut longest_first: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 3).collect();
    longest_first.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let mut rest = lowered.to_owned();
    for word in longest_first {
        rest = rest.replace(word.as_str(), "");
    }
    rest.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Fewest characters of its own a password built on personal details must add.
const OWN_PART_CHARS: usize = 6;

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
    let words = guesser_words(personal);
    let inputs: Vec<&str> = words.iter().map(String::as_str).collect();
    // Built on the person's details: what the password adds of its own must hold up alone.
    let rest = without_words(&lowered, &words);
    let alphanumeric = lowered.chars().filter(|c| c.is_alphanumeric()).count();
    if rest.chars().count() < alphanumeric
        && (rest.chars().count() < OWN_PART_CHARS
            || estimate(&rest, &inputs).score() < Score::Three)
    {
        return Err(PasswordProblem::TooEasy(Weakness::PersonalDetails));
    }
    let entropy = estimate(password, &inputs);
    let reason = || {
        entropy
            .feedback()
            .and_then(|feedback| feedback.warning())
            .map_or(Weakness::Other, weakness_of)
    };
    if breached_passwords().contains(lowered.as_str()) {
        // Leaked as it is; say more where the estimate sees why it is easy.
        return Err(PasswordProblem::TooEasy(match reason() {
            Weakness::Other | Weakness::SingleWord | Weakness::Names => Weakness::CommonPassword,
            specific => specific,
        }));
    }
    if entropy.score() >= Score::Three {
        return Ok(());
    }
    // The estimator's dictionaries are English; a match on one of the guesser's words is
    // the person's own details (or the product's name), whichever list also holds it.
    let personal_match = entropy.sequence().iter().any(|m| {
        matches!(&m.pattern, MatchPattern::Dictionary(d)
            if d.matched_word.chars().count() >= 3 && words.contains(&d.matched_word))
    });
    Err(PasswordProblem::TooEasy(if personal_match {
        Weakness::PersonalDetails
    } else {
        reason()
    }))
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
