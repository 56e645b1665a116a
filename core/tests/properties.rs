//! Properties of the rules over arbitrary input: nothing panics, every suggestion fed
//! back is accepted, and no finding holds the password or the secret answer.

use allot_core::codes;
use allot_core::size::{check_size, is_valid_size, nearest_sizes, parse_size};
use allot_core::username::{check_username, suggest_from_company};
use allot_core::{check_form, FieldId, Finding, FormSnapshot, Options, RuleGroup, Severity};
use proptest::prelude::*;
use proptest::sample::subsequence;

/// Cases per property; `PROPTEST_CASES` overrides it for a longer run.
const CASES: u32 = 384;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Any text at all, or text shaped like what partners type.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,30}",
        "[ 0-9a-zA-Z@._,+\\-]{0,12}",
        size_text(),
        "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,4}",
    ]
}

/// Text for a size field: numbers of every range, with units, signs, points and commas.
fn size_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..200).prop_map(|n| n.to_string()),
        (0u32..20_000).prop_map(|n| n.to_string()),
        any::<u32>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        (0u32..2_000, "( ?[gG][bB]?| GiB)").prop_map(|(n, u)| format!("{n}{u}")),
        (0u32..2_000, 0u32..100).prop_map(|(n, f)| format!("{n}.{f}")),
        (0u32..2_000).prop_map(|n| format!("-{n}")),
        (0u32..2_000).prop_map(|n| format!("+{n}")),
        (1u32..1_000, 0u32..1_000).prop_map(|(a, b)| format!("{a},{b:03}")),
        "[0-9., +\\-eExXgGbB]{0,10}",
        "\\PC{0,8}",
    ]
}

fn options() -> impl Strategy<Value = Options> {
    (
        any::<bool>(),
        subsequence(RuleGroup::ALL.to_vec(), 0..=RuleGroup::ALL.len()),
    )
        .prop_map(|(pax8_half_steps, groups)| Options {
            pax8_half_steps,
            disabled_groups: groups.into_iter().collect(),
        })
}

fn company_quota() -> impl Strategy<Value = Option<u32>> {
    prop_oneof![
        Just(None),
        (0u32..2_000).prop_map(Some),
        any::<u32>().prop_map(Some),
    ]
}

fn size_field() -> impl Strategy<Value = FieldId> {
    prop_oneof![Just(FieldId::QuotaGb), Just(FieldId::AccountSizeGb)]
}

/// A whole form: each field missing or holding any text, any checkbox state, any
/// fields left, Create attempted or not.
fn snapshot() -> impl Strategy<Value = FormSnapshot> {
    let texts = prop::collection::vec(prop::option::of(text()), 11);
    let boxes = (
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
    );
    let state = (
        subsequence(FieldId::ALL.to_vec(), 0..=FieldId::ALL.len()),
        any::<bool>(),
        any::<bool>(),
    );
    (texts, boxes, state).prop_map(|(t, (endguard, ultrasafe), (touched, attempted, ack))| {
        let mut it = t.into_iter();
        let mut next = || it.next().flatten();
        FormSnapshot {
            company_name: next(),
            quota_gb: next(),
            egr_licenses: next(),
            sp_licenses: next(),
            endguard,
            full_name: next(),
            email: next(),
            username: next(),
            password: next(),
            confirm_password: next(),
            ultrasafe,
            secret_question: next(),
            secret_answer: next(),
            touched: touched.into_iter().collect(),
            create_attempted: attempted,
            ultrasafe_ack: ack,
            ..FormSnapshot::default()
        }
    })
}

fn is_on_page(s: &FormSnapshot, field: FieldId) -> bool {
    match field {
        FieldId::Endguard => s.endguard.is_some(),
        FieldId::Ultrasafe => s.ultrasafe.is_some(),
        FieldId::IsManaged => s.is_managed.is_some(),
        f => s.text(f).is_some(),
    }
}

fn errors_on(findings: &[Finding], field: FieldId) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.field == field && f.severity == Severity::Error)
        .collect()
}

proptest! {
    #![proptest_config(config())]

    /// Any form and any options: no panic, only known codes with their own severity and
    /// field, in form order, nothing on a field missing from the page, nothing from a
    /// group switched off.
    #[test]
    fn any_form_is_checked_without_panic(s in snapshot(), o in options()) {
        let findings = check_form(&s, &o);
        let mut previous = None;
        for f in &findings {
            let info = codes::info_of(&f.code);
            prop_assert!(info.is_some(), "unknown code {}", f.code);
            if let Some(info) = info {
                prop_assert_eq!(info.severity, f.severity);
                prop_assert!(info.fields.contains(&f.field), "{} on {:?}", f.code, f.field);
            }
            prop_assert!(is_on_page(&s, f.field), "{} on a missing {:?}", f.code, f.field);
            let group = RuleGroup::of_code(&f.code);
            prop_assert!(group.is_some_and(|g| o.enabled(g)), "{} is switched off", f.code);
            prop_assert!(previous <= Some(f.field), "out of form order");
            previous = Some(f.field);
            prop_assert!(!f.message.is_empty());
        }
    }

    /// Any text in a size field: no panic; parse and check agree.
    #[test]
    fn any_size_is_checked_without_panic(
        field in size_field(),
        t in text(),
        quota in company_quota(),
        o in options(),
    ) {
        let findings = check_size(field, &t, quota, &o);
        if !o.enabled(RuleGroup::Quota) {
            prop_assert!(findings.is_empty());
        }
        if let Ok(gb) = parse_size(&t) {
            let has_error = findings.iter().any(|f| f.severity == Severity::Error);
            let within = quota.is_none_or(|q| gb <= q);
            // Ticket-only sizes (150, 250, ...) are a warning, never an error.
            if o.enabled(RuleGroup::Quota) {
                prop_assert_eq!(has_error, !(is_valid_size(gb, true) && within));
            }
        } else if !t.trim().is_empty() && o.enabled(RuleGroup::Quota) {
            prop_assert_eq!(findings.len(), 1);
            prop_assert_eq!(&findings[0].code, codes::QUOTA_NOT_A_NUMBER);
        }
    }

    /// The nearest sizes are valid, on the right side, and nothing valid lies between.
    #[test]
    fn nearest_sizes_are_the_nearest(
        gb in prop_oneof![0u64..2_000, 0u64..50_000, any::<u64>()],
        half in any::<bool>(),
    ) {
        let (below, above) = nearest_sizes(gb, half);
        if let Some(b) = below {
            prop_assert!(is_valid_size(b, half));
            prop_assert!(u64::from(b) < gb);
        } else {
            prop_assert!(gb <= 5);
        }
        if let Some(a) = above {
            prop_assert!(is_valid_size(a, half));
            prop_assert!(u64::from(a) > gb);
        } else {
            prop_assert!(gb >= u64::from(u32::MAX) - 100);
        }
        if let (Some(b), Some(a)) = (below, above) {
            prop_assert!(a - b <= 200);
            for v in (b + 1)..a {
                prop_assert!(!is_valid_size(v, half) || u64::from(v) == gb, "{v} lies between");
            }
        }
    }

    /// Every suggested size, fed back into the same field, gives no error there.
    #[test]
    fn suggested_sizes_are_accepted(
        field in size_field(),
        t in size_text(),
        quota in company_quota(),
        o in options(),
    ) {
        for f in check_size(field, &t, quota, &o) {
            for s in &f.suggestions {
                let gb = s.parse::<u32>();
                prop_assert!(gb.is_ok(), "{:?} is not plain digits", s);
                let gb = gb.unwrap_or_default();
                prop_assert!(is_valid_size(gb, o.pax8_half_steps), "{} is not offered", gb);
                prop_assert!(quota.is_none_or(|q| gb <= q), "{} is over the quota", gb);
                let again = check_size(field, s, quota, &o);
                prop_assert!(
                    errors_on(&again, field).is_empty(),
                    "{:?} suggested {:?} for {:?}: {:?}", f.code, s, t, again
                );
            }
        }
    }

    /// The same through the whole form, for Quota In GB and the licence counts.
    #[test]
    fn suggested_form_values_are_accepted(t in size_text(), o in options()) {
        let s = FormSnapshot {
            quota_gb: Some(t.clone()),
            egr_licenses: Some(t.clone()),
            create_attempted: true,
            ..FormSnapshot::default()
        };
        for f in check_form(&s, &o) {
            for v in &f.suggestions {
                let mut again = s.clone();
                again.set_text(f.field, v.clone());
                let after = check_form(&again, &o);
                prop_assert!(errors_on(&after, f.field).is_empty(), "{:?} -> {:?}", t, v);
            }
        }
    }

    /// The username made from any company name, fed back, gives no username error; so
    /// does every suggestion a username finding makes.
    #[test]
    fn suggested_usernames_are_accepted(company in text(), username in text()) {
        if let Some(u) = suggest_from_company(&company) {
            let findings = check_username(&u, Some(&company), true);
            prop_assert!(errors_on(&findings, FieldId::Username).is_empty(), "{:?}", findings);
            let s = FormSnapshot {
                company_name: Some(company.clone()),
                username: Some(u.clone()),
                create_attempted: true,
                ..FormSnapshot::default()
            };
            let findings = check_form(&s, &Options::default());
            prop_assert!(errors_on(&findings, FieldId::Username).is_empty());
        }
        for f in check_username(&username, Some(&company), true) {
            for v in &f.suggestions {
                let again = check_username(v, Some(&company), true);
                prop_assert!(errors_on(&again, FieldId::Username).is_empty(), "{:?} -> {:?}", username, v);
            }
        }
    }

    /// No finding's message, parameters, suggestions or Debug output contains the
    /// password, its confirmation or the secret answer (4 characters or more, in any
    /// case), even when public fields such as the company name contain them. Secrets
    /// that are themselves part of Allot's fixed text (say "Password") are skipped: a
    /// label is not a leak.
    #[test]
    fn no_finding_holds_a_secret(
        s in snapshot(),
        o in options(),
        password in secret(),
        answer in secret(),
        embed in 0usize..4,
    ) {
        let fixed = fixed_text();
        let lower_pw = password.to_lowercase();
        let lower_answer = answer.to_lowercase();
        prop_assume!(!fixed.contains(&lower_pw) && !fixed.contains(&lower_answer));
        let mut s = s;
        s.password = Some(password.clone());
        s.confirm_password = Some(if embed == 3 { format!("{password}x") } else { password.clone() });
        s.secret_answer = Some(answer.clone());
        // Put the secrets where public values come from.
        match embed {
            0 => s.company_name = Some(format!("Co {password} Ltd")),
            1 => s.username = Some(format!("{password}@example.com")),
            2 => s.secret_answer = Some(format!("my {password} {answer}")),
            _ => s.quota_gb = Some(password.clone()),
        }
        let mut secrets = vec![lower_pw, lower_answer];
        if let Some(a) = &s.secret_answer {
            secrets.push(a.to_lowercase());
        }
        if let Some(c) = &s.confirm_password {
            secrets.push(c.to_lowercase());
        }
        for f in check_form(&s, &o) {
            let mut texts = vec![f.message.clone()];
            texts.extend(f.suggestions.iter().cloned());
            texts.extend(f.params.iter().flat_map(|(k, v)| [k.clone(), v.clone()]));
            let debug = format!("{f:?}");
            for secret in &secrets {
                for t in &texts {
                    prop_assert!(!t.to_lowercase().contains(secret.as_str()), "{} holds a secret", f.code);
                }
                if !secret.contains('"') && !secret.contains('\\') {
                    prop_assert!(!debug.to_lowercase().contains(secret.as_str()), "{} Debug holds a secret", f.code);
                }
            }
        }
    }

    /// The form's Debug output does not depend on the secrets at all.
    #[test]
    fn snapshot_debug_hides_secrets(s in snapshot(), other in secret()) {
        let mut changed = s.clone();
        for slot in [&mut changed.password, &mut changed.confirm_password, &mut changed.secret_answer] {
            if slot.is_some() {
                *slot = Some(other.clone());
            }
        }
        prop_assert_eq!(format!("{s:?}"), format!("{changed:?}"));
    }
}

/// Secrets of 4 characters or more: password-like ASCII, or any printable text.
fn secret() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9!@#$%^&*()\\\\]{4,20}",
        "[A-Za-z0-9 ]{4,20}",
        "\\PC{4,16}",
    ]
}

/// Allot's fixed text in lower case: every plain message, code, field name and label,
/// and the Debug skeleton of every kind of finding.
fn fixed_text() -> String {
    let mut out = Vec::new();
    for info in codes::INFO {
        out.push(info.code.to_string());
        for field in info.fields {
            out.push(codes::plain_message(info.code, *field));
            out.push(format!(
                "{:?}",
                Finding::new(*field, info.code, info.severity, "")
            ));
        }
    }
    for field in FieldId::ALL {
        out.push(field.as_str().to_string());
        out.push(field.label().to_string());
    }
    out.join("\n").to_lowercase()
}
