//! Options an MSP sets for every technician by policy (`storage.managed`: Chromium's
//! managed schema, Firefox's policies.json "3rdparty" settings). A value set there wins
//! over the technician's own, and the options page shows it as set by the organization.

use crate::bit_set::GroupSet;
use crate::options::Options;
use serde::{Deserialize, Serialize};

/// The managed settings, as the policy gives them; a missing key is not managed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Managed {
    /// The distributor has enabled 150, 250, ... GB for this MSP.
    pub pax8_half_steps: Option<bool>,
    /// Rule groups switched off for everyone (their code prefixes: "password", ...).
    pub disabled_groups: Option<GroupSet>,
    /// Extra dashboard addresses (`https://dashboard.example.net`) Allot runs on.
    pub dashboard_hosts: Option<Vec<String>>,
}

impl Managed {
    /// The options in effect: the technician's, with every managed value put over them.
    pub fn apply(&self, own: &Options) -> Options {
        Options {
            pax8_half_steps: self.pax8_half_steps.unwrap_or(own.pax8_half_steps),
            disabled_groups: self.disabled_groups.unwrap_or(own.disabled_groups),
        }
    }

    /// True when the policy sets anything at all.
    pub fn is_empty(&self) -> bool {
        self == &Managed::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::RuleGroup;

    #[test]
    fn managed_values_win_and_missing_ones_leave_the_technicians() {
        let own = Options {
            pax8_half_steps: false,
            disabled_groups: [RuleGroup::Password].into_iter().collect(),
        };
        let none = Managed::default();
        assert_eq!(none.apply(&own), own);
        assert!(none.is_empty());
        let steps = Managed {
            pax8_half_steps: Some(true),
            ..Managed::default()
        };
        let got = steps.apply(&own);
        assert!(got.pax8_half_steps);
        assert_eq!(got.disabled_groups, own.disabled_groups);
        let groups = Managed {
            disabled_groups: Some(GroupSet::new()),
            ..Managed::default()
        };
        assert!(groups.apply(&own).disabled_groups.is_empty());
    }

    #[test]
    fn a_policy_reads_from_json_with_unknown_keys_ignored() {
        let m: Managed = serde_json::from_str(
            r#"{"pax8_half_steps": true, "disabled_groups": ["password"], "dashboard_hosts": ["https://dashboard.example.net"], "other": 1}"#,
        )
        .expect("reads");
        assert_eq!(m.pax8_half_steps, Some(true));
        assert_eq!(
            m.disabled_groups,
            Some([RuleGroup::Password].into_iter().collect())
        );
        assert_eq!(
            m.dashboard_hosts.as_deref(),
            Some(&["https://dashboard.example.net".to_string()][..])
        );
    }
}
