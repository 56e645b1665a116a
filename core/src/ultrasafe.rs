//! "Is Ultrasafe ?": what the partner must know before ticking it or leaving it unticked,
//! in the seed's terms. The key is held only by the user, a lost password cannot be reset
//! and the data cannot be recovered, the secret question goes away, HIPAA needs it, and
//! the choice cannot be changed once the account exists.

use crate::codes;
use crate::field::FieldId;
use crate::finding::Finding;

/// The findings on the Is Ultrasafe checkbox itself. `checked` is `None` when the
/// checkbox is not on the page.
pub fn check_ultrasafe(checked: Option<bool>, create_attempted: bool, ack: bool) -> Vec<Finding> {
    let field = FieldId::Ultrasafe;
    match checked {
        None => Vec::new(),
        Some(false) => vec![Finding::info(
            field,
            codes::ULTRASAFE_HIPAA,
            "If this customer needs HIPAA compliance, tick Is Ultrasafe now: HIPAA needs UltraSafe, and it cannot be switched on once the account is created.",
        )],
        Some(true) => {
            let mut out = vec![
                Finding::warning(
                    field,
                    codes::ULTRASAFE_IRREVERSIBLE,
                    "UltraSafe cannot be switched off once the account is created, just as it cannot be switched on later. Tick Is Ultrasafe only if this customer needs it, for example for HIPAA compliance.",
                ),
                Finding::warning(
                    field,
                    codes::ULTRASAFE_NO_RECOVERY,
                    "With UltraSafe, the encryption key is held only by the user and no part of it is stored by Infrascale. If the password is lost or forgotten, no one can reset it and the backed-up data cannot be recovered.",
                ),
            ];
            if create_attempted && !ack {
                out.push(Finding::error(
                    field,
                    codes::ULTRASAFE_ACK_REQUIRED,
                    "Confirm that you understand UltraSafe is permanent and that a lost password means the data cannot be recovered, or untick Is Ultrasafe.",
                ));
            }
            out
        }
    }
}

/// The note on a secret field when UltraSafe is on: the account will have no secret
/// question, so the field is not needed.
pub fn secret_unused(field: FieldId) -> Finding {
    Finding::info(
        field,
        codes::ULTRASAFE_SECRET_UNUSED,
        format!(
            "UltraSafe accounts have no secret question, so {} is not needed.",
            field.label()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(checked: Option<bool>, attempted: bool, ack: bool) -> Vec<String> {
        check_ultrasafe(checked, attempted, ack)
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn on_off_and_absent() {
        assert!(codes_of(None, true, false).is_empty());
        assert_eq!(codes_of(Some(false), true, false), ["ultrasafe.hipaa"]);
        assert_eq!(
            codes_of(Some(true), false, false),
            ["ultrasafe.irreversible", "ultrasafe.no_recovery"]
        );
        assert_eq!(
            codes_of(Some(true), true, false),
            [
                "ultrasafe.irreversible",
                "ultrasafe.no_recovery",
                "ultrasafe.ack_required"
            ]
        );
        assert_eq!(codes_of(Some(true), true, true).len(), 2);
    }
}
