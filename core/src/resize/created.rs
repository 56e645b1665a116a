//! Whether a Create made a company: the record the create form hands the fix when it
//! lets a Create through, and the reading of the dashboard's answer. Only a Create the
//! dashboard visibly accepted is offered a fix; a refusal (in a dialog, a re-rendered
//! form or a whole new page) or no clear answer never is.

use super::text::{normalize, same_name};
use serde::{Deserialize, Serialize};

/// A Create Allot let through: what the partner asked for (never a password or a
/// secret answer) and what the page showed before it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SentCreate {
    pub company: String,
    pub admin_username: String,
    pub quota_gb: u32,
    pub at_ms: u64,
    /// The page listed this company or this admin username before Create: it existed.
    pub existed_before: bool,
    /// Page loads since the Create that showed no answer.
    pub silent_loads: u32,
    /// The dashboard was seen accepting it (kept so a page load right after still knows).
    pub accepted: bool,
}

/// What the dashboard answered to a Create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CreateAnswer {
    /// It says it created this company ("Company HighTech was created.").
    Accepted,
    /// It refused: the form came back, or it shows this error.
    Refused(String),
    /// Nothing on the page says either way (yet).
    Unknown,
}

/// Endings of a sentence saying a company was made, after its name.
const MADE_AFTER: [&str; 8] = [
    " was created successfully",
    " was successfully created",
    " has been created successfully",
    " has been successfully created",
    " has been created",
    " was created",
    " has been added",
    " was added",
];
/// Beginnings of a sentence saying a company was made, before its name.
const MADE_BEFORE: [&str; 3] = [
    "successfully created company ",
    "created company ",
    "company created: ",
];
/// Words of a refusal.
const REFUSAL_WORDS: [&str; 13] = [
    "already",
    "taken",
    "error",
    "could not",
    "cannot",
    "can't",
    "not valid",
    "invalid",
    "is required",
    "failed",
    "must be",
    "not allowed",
    "exists",
];

/// Reads the dashboard's answer to a Create of `company` from the short visible texts
/// of the page (each one element's text) and whether a create form is shown again.
/// Accepted only for a sentence naming this company whole: "Company Acme Dental was
/// created." never accepts "Acme".
pub fn create_answer(company: &str, texts: &[String], form_shown: bool) -> CreateAnswer {
    if form_shown {
        return CreateAnswer::Refused("the create form came back".into());
    }
    if texts
        .iter()
        .any(|t| made_name(t).is_some_and(|n| same_name(&n, company)))
    {
        return CreateAnswer::Accepted;
    }
    match texts.iter().find(|t| {
        let n = normalize(t);
        n.len() <= 300 && REFUSAL_WORDS.iter().any(|w| n.contains(w))
    }) {
        Some(error) => CreateAnswer::Refused(error.trim().to_string()),
        None => CreateAnswer::Unknown,
    }
}

/// The company name a "was created" sentence names, normalised.
fn made_name(text: &str) -> Option<String> {
    let t = normalize(text);
    let t = t.trim_end_matches(['.', '!']).trim();
    let name = MADE_AFTER
        .iter()
        .find_map(|end| t.strip_suffix(end))
        .map(|n| {
            n.strip_prefix("the company ")
                .or_else(|| n.strip_prefix("company "))
                .unwrap_or(n)
        })
        .or_else(|| MADE_BEFORE.iter().find_map(|start| t.strip_prefix(start)))?;
    let name = name
        .trim_matches(|c: char| c == '"' || c == '\'' || c == '“' || c == '”' || c.is_whitespace());
    (!name.is_empty()).then(|| name.to_string())
}
