//! "Is Ultrasafe ?": what the partner must know before ticking it or leaving it unticked,
//! in the seed's terms. The key is held only by the user, a lost password cannot be reset
//! and the data cannot be recovered, the secret question goes away, HIPAA needs it, and
//! the choice cannot be changed once the account exists.

use crate::codes;
use crate::field::FieldId;
use crate::finding::Finding;

/// Allot's acknowledgment beside a ticked Is Ultrasafe: the box the partner ticks to say
/// they chose UltraSafe on purpose.
pub const ACK_TEXT: &str =
    "I understand that UltraSafe is permanent and that a lost password means the data is lost";

/// The one message on a ticked Is Ultrasafe: both choices are permanent, and a lost
/// password cannot be reset (the seed's two facts, said once).
pub const IRREVERSIBLE: &str = "UltraSafe cannot be switched off once the account is created. The encryption key stays with the user only: if the password is lost, no one can reset it and the backed-up data cannot be recovered.";

/// The error while Create is tried with UltraSafe ticked and the acknowledgment not.
pub const ACK_REQUIRED: &str = "Tick \u{201c}I understand\u{201d} under Is Ultrasafe to confirm UltraSafe, or untick Is Ultrasafe.";

/// The note on an unticked Is Ultrasafe: what the partner's guidance says about HIPAA.
pub const HIPAA: &str = "Infrascale's guidance is to use UltraSafe for customers who need HIPAA compliance. If this customer does, tick Is Ultrasafe now: it cannot be switched on after the account is created.";

/// The findings on the Is Ultrasafe checkbox itself. `checked` is `None` when the
/// checkbox is not on the page.
pub fn check_ultrasafe(checked: Option<bool>, create_attempted: bool, ack: bool) -> Vec<Finding> {
    let field = FieldId::Ultrasafe;
    match checked {
        None => Vec::new(),
        Some(false) => vec![Finding::info(field, codes::ULTRASAFE_HIPAA, HIPAA)],
        Some(true) => {
            let mut out = vec![Finding::warning(
                field,
                codes::ULTRASAFE_IRREVERSIBLE,
                IRREVERSIBLE,
            )];
            if create_attempted && !ack {
                out.push(Finding::error(
                    field,
                    codes::ULTRASAFE_ACK_REQUIRED,
                    ACK_REQUIRED,
                ));
            }
            out
        }
    }
}

/// The note on the first secret field on the page when UltraSafe is on: the account
/// will have no secret question, so neither secret field is needed.
pub fn secret_unused(field: FieldId) -> Finding {
    Finding::info(field, codes::ULTRASAFE_SECRET_UNUSED, SECRET_UNUSED)
}

/// What [`secret_unused`] says.
pub const SECRET_UNUSED: &str =
    "UltraSafe accounts have no secret question, so Secret Question and Secret Answer are not needed.";

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
            ["ultrasafe.irreversible"]
        );
        assert_eq!(
            codes_of(Some(true), true, false),
            ["ultrasafe.irreversible", "ultrasafe.ack_required"]
        );
        assert_eq!(codes_of(Some(true), true, true).len(), 1);
    }
}
