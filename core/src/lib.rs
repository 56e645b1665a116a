//! allot-core: every rule Allot checks on the partner dashboard's forms, and the
//! allocation fix as a state machine. Pure Rust: no WASM, no browser, no panics.

pub mod address;
pub mod bit_set;
pub mod codes;
pub mod contact;
pub mod context;
pub mod field;
pub mod finding;
pub mod form;
pub mod labels;
pub mod managed;
pub mod options;
pub mod password;
pub mod resize;
pub mod secret;
pub mod size;
pub mod ultrasafe;
pub mod unicode;
pub mod username;
pub mod voice;

pub use bit_set::{FieldSet, GroupSet};
pub use field::FieldId;
pub use finding::{Finding, Severity};
pub use form::{check_form, FormSnapshot};
pub use managed::Managed;
pub use options::{Options, RuleGroup};
