//! How the create form speaks, as a partner and a screen reader meet it: one message per
//! field for the typical mistakes, nothing new said mid-word, labels kept beside their
//! fields, a visible focus ring, notes folded for good, and every control of Allot's
//! usable from the keyboard alone.

use allot_e2e::form_view::{fill_typical_mistakes, shown};
use allot_e2e::{without_secrets, Harness, Page, ENTER, VALID_FORM};
use std::collections::BTreeMap;
use std::time::Instant;

const SPACE: &str = "\u{E00D}";

#[tokio::test]
async fn the_typical_mistakes_say_one_thing_per_field() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    fill_typical_mistakes(p).await?;
    let shown = shown(p).await?;
    let mut per_field: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &shown {
        *per_field.entry(s.field.as_str()).or_default() += 1;
    }
    for (field, n) in &per_field {
        assert!(*n <= 1, "{field} shows {n} messages: {shown:#?}");
    }
    let loud = shown.iter().filter(|s| s.severity != "info").count();
    // Quota, username, password (its checklist), confirmation, UltraSafe: one each.
    assert_eq!(loud, 5, "{shown:#?}");
    let codes: Vec<&str> = shown.iter().map(|s| s.code.as_str()).collect();
    for code in [
        "quota.not_a_tier",
        "username.email_style",
        "password.length",
        "password.mismatch",
        "ultrasafe.irreversible",
    ] {
        assert!(codes.contains(&code), "{code} missing: {codes:?}");
    }
    // The acknowledgment is there, and its text is not said a second time beside it.
    assert_eq!(p.count("[data-allot-ultrasafe-ack]").await?, 1);
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn nothing_new_is_said_mid_word_and_a_cleared_message_goes_at_once() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    p.fill(&VALID_FORM[..1]).await?;
    let typed = Instant::now();
    p.type_in("username", "a b").await?;
    let quiet = p.codes("username").await?;
    // Only meaningful while still inside the typing pause (1 s).
    if typed.elapsed().as_millis() < 700 {
        assert!(
            !quiet.contains(&"username.characters".to_string()),
            "an error while typing: {quiet:?}"
        );
    }
    // After the pause it speaks, without leaving the field.
    p.wait_code("username", "username.characters").await?;
    // Fixed: gone at once, while still typing.
    p.retype("username", "HighTech").await?;
    p.wait_no_code("username", "username.characters").await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn labels_stay_beside_their_fields() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    fill_typical_mistakes(p).await?;
    // The label cell's middle and the field's middle stay level (the replica's table,
    // cells centred vertically, as the dashboard's are).
    let offsets = p
        .js(
            r#"const out = {};
            for (const f of document.querySelectorAll('[data-allot-field]')) {
              const cell = f.closest('td');
              const label = cell && cell.previousElementSibling;
              if (!label || !label.textContent.trim()) continue;
              const a = label.getBoundingClientRect(), b = f.getBoundingClientRect();
              out[f.dataset.allotField] = Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2);
            }
            return out;"#,
            vec![],
        )
        .await?;
    let offsets: BTreeMap<String, f64> = serde_json::from_value(offsets)?;
    assert!(offsets.len() >= 8, "{offsets:?}");
    for (field, dy) in &offsets {
        assert!(
            *dy < 6.0,
            "{field}'s label is {dy} px off its field: {offsets:?}"
        );
    }
    h.stop().await;
    Ok(())
}

/// The focused element's outline: width and colour.
async fn focus_ring(p: &Page) -> anyhow::Result<(String, String)> {
    let v = p
        .js(
            r#"const s = getComputedStyle(document.activeElement);
            return [s.outlineWidth, s.outlineColor];"#,
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(v)?)
}

#[tokio::test]
async fn keyboard_alone_reaches_every_control_of_allots() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    let others: Vec<_> = VALID_FORM
        .iter()
        .copied()
        .filter(|(f, _)| *f != "quota_gb")
        .collect();
    p.fill(&others).await?;
    // A suggestion: Tab from the field reaches "Use 50", Enter applies it.
    p.type_in("quota_gb", "75").await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;
    p.tab().await?;
    let on = p
        .js(
            "return document.activeElement.dataset.allotSuggest || null;",
            vec![],
        )
        .await?;
    assert_eq!(on, "50", "Tab goes from the field to its first suggestion");
    // The focus ring is dark (3:1 or more on white), 3 px.
    let (width, colour) = focus_ring(p).await?;
    assert_eq!(width, "3px");
    assert_eq!(colour, "rgb(11, 12, 12)");
    p.press(ENTER).await?;
    p.wait_for("50 applied", || async {
        Ok(p.value("quota_gb").await? == "50")
    })
    .await?;
    assert_eq!(p.focused_field().await?.as_deref(), Some("quota_gb"));

    // The summary: Create by keyboard, the summary takes focus, Tab to its link, Enter.
    p.retype("quota_gb", "75").await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;
    p.create_button().await?.send_keys(ENTER).await?;
    p.wait_for("the summary focused", || async {
        Ok(p.summary().await?.is_some_and(|s| s["focused"] == true))
    })
    .await?;
    p.tab().await?;
    p.press(ENTER).await?;
    assert_eq!(p.focused_field().await?.as_deref(), Some("quota_gb"));

    // "Create with 1 problem" by keyboard: Create gets focus, Enter sends one Create.
    p.create_button().await?.send_keys(ENTER).await?;
    p.wait_for("the summary focused", || async {
        Ok(p.summary().await?.is_some_and(|s| s["focused"] == true))
    })
    .await?;
    let mut guard = 0;
    while p
        .js(
            "return document.activeElement.hasAttribute('data-allot-override');",
            vec![],
        )
        .await?
        != true
    {
        p.tab().await?;
        guard += 1;
        anyhow::ensure!(guard < 10, "Tab never reached Create with 1 problem");
    }
    p.press(ENTER).await?;
    // Focus is on Create now.
    p.press(ENTER).await?;
    p.wait_for("one Create at the server", || async {
        Ok(h.replica.snapshot().create_posts == 1)
    })
    .await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn the_acknowledgment_by_keyboard() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    let form = without_secrets(VALID_FORM);
    p.fill(&form).await?;
    p.field("ultrasafe").await?.send_keys(SPACE).await?;
    p.wait_for("the acknowledgment", || async {
        Ok(p.count("[data-allot-ultrasafe-ack]").await? == 1)
    })
    .await?;
    // Tab from Is Ultrasafe reaches the acknowledgment; Space ticks it.
    p.tab().await?;
    let on_ack = p
        .js(
            "return document.activeElement.hasAttribute('data-allot-ultrasafe-ack');",
            vec![],
        )
        .await?;
    assert_eq!(
        on_ack, true,
        "Tab from Is Ultrasafe reaches the acknowledgment"
    );
    p.press(SPACE).await?;
    p.create_button().await?.send_keys(ENTER).await?;
    p.wait_text("Company HighTech was created.").await?;
    assert!(h.company("HighTech").is_some_and(|c| c.ultrasafe));
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_folded_note_stays_folded_on_the_next_form() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    p.type_in("username", "HighTech").await?;
    p.wait_code("username", "username.not_reusable").await?;
    p.click_css("[data-allot-for=\"username\"] [data-allot-fold]")
        .await?;
    p.wait_for("the note folded", || async {
        Ok(p.count("[data-allot-for=\"username\"] [data-allot-unfold]")
            .await?
            == 1)
    })
    .await?;
    // Still one message on the field (the folded note), focus on its "Note" button.
    assert_eq!(p.codes("username").await?, ["username.not_reusable"]);
    let on_unfold = p
        .js(
            "return document.activeElement.hasAttribute('data-allot-unfold');",
            vec![],
        )
        .await?;
    assert_eq!(on_unfold, true);

    // A new form, after a reload: the choice is remembered.
    p.open_create_company().await?;
    p.type_in("username", "HighTech").await?;
    p.wait_for("the note folded on the new form", || async {
        Ok(p.count("[data-allot-for=\"username\"] [data-allot-unfold]")
            .await?
            == 1)
    })
    .await?;
    // Unfolded by keyboard.
    p.client()
        .find(fantoccini::Locator::Css(
            "[data-allot-for=\"username\"] [data-allot-unfold]",
        ))
        .await?
        .send_keys(ENTER)
        .await?;
    p.wait_for("the note unfolded", || async {
        Ok(p.count("[data-allot-for=\"username\"] [data-allot-fold]")
            .await?
            == 1)
    })
    .await?;
    h.stop().await;
    Ok(())
}
