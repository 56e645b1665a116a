//! The partner's options that change what the rules say: 50 GB steps enabled by their
//! distributor, and rule groups switched off.

use crate::bit_set::GroupSet;
use serde::{Deserialize, Serialize};

/// A group of rules the partner can switch off; its name is the prefix of its codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleGroup {
    Quota,
    Username,
    Password,
    Ultrasafe,
    Secret,
    Company,
    FullName,
    Email,
    Licenses,
}

impl RuleGroup {
    pub const ALL: [RuleGroup; 9] = [
        RuleGroup::Quota,
        RuleGroup::Username,
        RuleGroup::Password,
        RuleGroup::Ultrasafe,
        RuleGroup::Secret,
        RuleGroup::Company,
        RuleGroup::FullName,
        RuleGroup::Email,
        RuleGroup::Licenses,
    ];

    /// The code prefix (`quota` for `quota.not_a_tier`).
    pub fn as_str(self) -> &'static str {
        match self {
            RuleGroup::Quota => "quota",
            RuleGroup::Username => "username",
            RuleGroup::Password => "password",
            RuleGroup::Ultrasafe => "ultrasafe",
            RuleGroup::Secret => "secret",
            RuleGroup::Company => "company",
            RuleGroup::FullName => "full_name",
            RuleGroup::Email => "email",
            RuleGroup::Licenses => "licenses",
        }
    }

    /// The group a code belongs to.
    pub fn of_code(code: &str) -> Option<RuleGroup> {
        let prefix = code.split('.').next().unwrap_or("");
        RuleGroup::ALL.into_iter().find(|g| g.as_str() == prefix)
    }
}

/// What the partner set in Allot's options page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// The distributor (Pax8) has enabled 150, 250, ... GB for this partner.
    pub pax8_half_steps: bool,
    /// Rule groups the partner switched off.
    pub disabled_groups: GroupSet,
}

impl Options {
    pub fn enabled(&self, group: RuleGroup) -> bool {
        !self.disabled_groups.contains(&group)
    }
}
