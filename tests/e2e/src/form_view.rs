//! What the create form shows as a whole: the typical mistakes a partner makes, every
//! message the fields show (read as a screen reader does, through aria-describedby), and
//! the form's height. Shared by the voice tests and `./build.sh shots`.

use crate::page::Page;
use anyhow::Result;
use serde::Deserialize;
use serde_json::json;

/// The form as partners get it wrong: a quota the dashboard refuses, an email address as
/// username, a weak password, a confirmation that differs, UltraSafe ticked.
pub const TYPICAL_MISTAKES: &[(&str, &str)] = &[
    ("company_name", "HighTech"),
    ("quota_gb", "7"),
    ("full_name", "Kim Blanc"),
    ("email", "kblanc@hightech.example.com"),
    ("username", "kblanc@hightech.example.com"),
    ("password", "pass"),
    ("confirm_password", "pas"),
];

/// One message a field shows.
#[derive(Clone, Debug, Deserialize)]
pub struct Shown {
    pub field: String,
    pub code: String,
    pub severity: String,
}

/// Fills the typical mistakes, ticks UltraSafe and leaves the last field, as a partner
/// does; then waits until every field has spoken.
pub async fn fill_typical_mistakes(p: &Page) -> Result<()> {
    p.fill(TYPICAL_MISTAKES).await?;
    p.tab().await?;
    p.tick("ultrasafe").await?;
    p.wait_code("confirm_password", "password.mismatch").await?;
    p.wait_code("ultrasafe", "ultrasafe.irreversible").await?;
    Ok(())
}

/// Every message on the create form's fields, field by field.
pub async fn shown(p: &Page) -> Result<Vec<Shown>> {
    let v = p
        .js(
            r#"const out = [];
            for (const f of document.querySelectorAll('[data-allot-field], [data-allot-ultrasafe-ack]')) {
              const field = f.dataset.allotField || 'ultrasafe_ack';
              for (const id of (f.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)) {
                const m = document.getElementById(id);
                if (m && m.dataset.allotCode) out.push({ field, code: m.dataset.allotCode, severity: m.dataset.allotSeverity });
              }
            }
            return out;"#,
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(v)?)
}

/// The height in CSS pixels of the dialog holding the create form (or of the form).
pub async fn form_height(p: &Page) -> Result<f64> {
    let v = p
        .js(
            r#"const f = document.querySelector('[data-allot-form="create-company"]');
            if (!f) return 0;
            const d = f.closest('[role=dialog], dialog, .dlg, .modal') || f;
            return d.getBoundingClientRect().height;"#,
            vec![json!(null)],
        )
        .await?;
    Ok(v.as_f64().unwrap_or_default())
}
