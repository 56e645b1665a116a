//! What a check says: a finding with a stable code, a severity, the field it belongs
//! to, its parameters, its plain-English message and the values the partner can apply.

use crate::field::FieldId;
use serde::{Deserialize, Serialize};

/// How much a finding matters. Only errors hold back a Create.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The name used in `data-allot-severity`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One thing Allot has to say about one field. Never carries a password or a secret
/// answer: messages, params and suggestions are built from public values only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub field: FieldId,
    /// A stable code from [`crate::codes::ALL`], such as `quota.not_a_tier`.
    pub code: String,
    pub severity: Severity,
    /// Plain English in the label's own words: what is wrong and how to put it right.
    pub message: String,
    /// The values the message was built from (sizes, lengths), for other front ends:
    /// (name, value), each name once.
    pub params: Vec<(String, String)>,
    /// Values the partner can apply with one click, best first.
    pub suggestions: Vec<String>,
}

impl Finding {
    pub fn new(field: FieldId, code: &str, severity: Severity, message: impl Into<String>) -> Self {
        Finding {
            field,
            code: code.to_string(),
            severity,
            message: message.into(),
            params: Vec::new(),
            suggestions: Vec::new(),
        }
    }

    pub fn error(field: FieldId, code: &str, message: impl Into<String>) -> Self {
        Finding::new(field, code, Severity::Error, message)
    }

    pub fn warning(field: FieldId, code: &str, message: impl Into<String>) -> Self {
        Finding::new(field, code, Severity::Warning, message)
    }

    pub fn info(field: FieldId, code: &str, message: impl Into<String>) -> Self {
        Finding::new(field, code, Severity::Info, message)
    }

    pub fn with_param(mut self, key: &str, value: impl ToString) -> Self {
        self.params.retain(|(k, _)| k != key);
        self.params.push((key.to_string(), value.to_string()));
        self
    }

    pub fn with_suggestions(mut self, suggestions: impl IntoIterator<Item = String>) -> Self {
        self.suggestions.extend(suggestions);
        self
    }
}

/// True when any finding is an error: the form would fail or do harm if created.
pub fn blocks_create(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
