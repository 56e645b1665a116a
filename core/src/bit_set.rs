//! A set of a small enum's values as one bit per value: the fields a partner has left
//! (`FieldSet`) and the rule groups switched off (`GroupSet`). Small in the WASM module,
//! where a `BTreeSet` would bring its tree code; stored as the list of values (serde), in
//! the enum's `ALL` order.

use crate::field::FieldId;
use crate::options::RuleGroup;
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;

/// An enum whose values a [`BitSet`] holds (at most 32).
pub trait Member: Copy + PartialEq + 'static {
    /// Every value, in the order a set lists them.
    const ALL: &'static [Self];
}

impl Member for FieldId {
    const ALL: &'static [FieldId] = &FieldId::ALL;
}

impl Member for RuleGroup {
    const ALL: &'static [RuleGroup] = &RuleGroup::ALL;
}

#[derive(Serialize, Deserialize)]
#[serde(
    from = "Vec<T>",
    into = "Vec<T>",
    bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>")
)]
pub struct BitSet<T: Member>(u32, PhantomData<T>);

/// The fields a partner has left.
pub type FieldSet = BitSet<FieldId>;
/// Rule groups (switched off).
pub type GroupSet = BitSet<RuleGroup>;

impl<T: Member> BitSet<T> {
    pub fn new() -> Self {
        BitSet(0, PhantomData)
    }

    fn bit(value: T) -> u32 {
        T::ALL
            .iter()
            .position(|v| *v == value)
            .map_or(0, |i| 1 << i)
    }

    /// Adds `value`; true when it was not there.
    pub fn insert(&mut self, value: T) -> bool {
        let new = !self.contains(&value);
        self.0 |= Self::bit(value);
        new
    }

    /// Takes `value` out; true when it was there.
    pub fn remove(&mut self, value: &T) -> bool {
        let was = self.contains(value);
        self.0 &= !Self::bit(*value);
        was
    }

    pub fn contains(&self, value: &T) -> bool {
        self.0 & Self::bit(*value) != 0
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The values in `ALL` order.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        T::ALL.iter().copied().filter(|v| self.contains(v))
    }
}

impl<T: Member> Clone for BitSet<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Member> Copy for BitSet<T> {}

impl<T: Member> Default for BitSet<T> {
    fn default() -> Self {
        BitSet::new()
    }
}

impl<T: Member> PartialEq for BitSet<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<T: Member> Eq for BitSet<T> {}

impl<T: Member> FromIterator<T> for BitSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut set = BitSet::new();
        for v in values {
            set.insert(v);
        }
        set
    }
}

impl<T: Member> From<Vec<T>> for BitSet<T> {
    fn from(values: Vec<T>) -> Self {
        values.into_iter().collect()
    }
}

impl<T: Member> From<BitSet<T>> for Vec<T> {
    fn from(set: BitSet<T>) -> Vec<T> {
        set.iter().collect()
    }
}

impl<T: Member + std::fmt::Debug> std::fmt::Debug for BitSet<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_its_own_bit_and_the_set_reads_back_in_order() {
        assert!(FieldId::ALL.len() <= 32 && RuleGroup::ALL.len() <= 32);
        let mut set = FieldSet::new();
        assert!(set.is_empty());
        for f in FieldId::ALL.into_iter().rev() {
            assert!(set.insert(f));
            assert!(!set.insert(f));
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), FieldId::ALL.to_vec());
        assert!(set.remove(&FieldId::Email) && !set.contains(&FieldId::Email));
        assert!(!set.remove(&FieldId::Email));
        let two: GroupSet = [RuleGroup::Password, RuleGroup::Quota]
            .into_iter()
            .collect();
        assert!(two.contains(&RuleGroup::Quota) && !two.contains(&RuleGroup::Email));
        assert_eq!(Vec::from(two), vec![RuleGroup::Quota, RuleGroup::Password]);
    }

    #[test]
    fn a_set_is_stored_as_the_list_of_its_values() {
        let two: GroupSet = [RuleGroup::Password, RuleGroup::FullName]
            .into_iter()
            .collect();
        let json = serde_json::to_string(&two).expect("serializes");
        assert_eq!(json, r#"["password","full_name"]"#);
        let back: GroupSet = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, two);
    }
}
