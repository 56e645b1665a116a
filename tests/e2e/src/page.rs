//! What a test does on the dashboard, in a partner's terms (type in a field, leave it,
//! click Create) and what it reads back, in Allot's DOM contract (messages by code and
//! severity, tied to their field through aria-describedby).

use crate::browser::Browser;
use anyhow::{bail, Context, Result};
use fantoccini::elements::Element;
use fantoccini::Locator;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// WebDriver key codes.
pub const ENTER: &str = "\u{E007}";
pub const TAB: &str = "\u{E004}";
pub const BACKSPACE: &str = "\u{E003}";
pub const CONTROL: &str = "\u{E009}";
/// Releases the modifier keys held in a `send_keys`.
pub const RELEASE: &str = "\u{E000}";

/// How long a test waits for something a partner would see.
const PATIENCE: Duration = Duration::from_secs(8);

pub struct Page {
    pub browser: Browser,
    base: String,
}

/// A message Allot shows for a field, read through the field's aria-describedby.
#[derive(Debug, Clone, Deserialize)]
pub struct Message {
    pub code: String,
    pub severity: String,
    pub text: String,
    pub suggestions: Vec<String>,
}

/// Reads a field's messages the way assistive technology does: the ids in its
/// aria-describedby, each an element carrying data-allot-code.
const READ_MESSAGES: &str = r#"
// "ultrasafe_ack" is Allot's own UltraSafe acknowledgment, which carries its error.
const field = arguments[0] === 'ultrasafe_ack'
  ? document.querySelector('[data-allot-ultrasafe-ack]')
  : document.querySelector(`[data-allot-field="${arguments[0]}"]`);
if (!field) return null;
const ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
return ids.map(id => document.getElementById(id)).filter(m => m && m.dataset.allotCode).map(m => ({
  code: m.dataset.allotCode,
  severity: m.dataset.allotSeverity,
  text: m.textContent,
  suggestions: [...m.querySelectorAll('[data-allot-suggest]')].map(b => b.dataset.allotSuggest),
}));
"#;

impl Page {
    pub fn new(browser: Browser, base: String) -> Page {
        Page { browser, base }
    }

    pub fn client(&self) -> &fantoccini::Client {
        &self.browser.client
    }

    pub async fn close(self) {
        self.browser.close().await;
    }

    /// Opens a dashboard path (relative to the dashboard's root).
    pub async fn goto(&self, path: &str) -> Result<()> {
        let url = format!("{}{}", self.base, path.trim_start_matches('/'));
        self.client()
            .goto(&url)
            .await
            .with_context(|| format!("opening {url}"))?;
        Ok(())
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        Ok(self.client().execute(script, args).await?)
    }

    /// Clicks the link or button a partner reads as `text` (menus included).
    pub async fn click_text(&self, text: &str) -> Result<()> {
        let clicked = self
            .js(
                r#"const want = arguments[0].trim().toLowerCase();
                const el = [...document.querySelectorAll('a, button, input[type=button], input[type=submit]')]
                  .find(e => ((e.value || e.textContent) || '').replace(/\s+/g, ' ').trim().toLowerCase() === want);
                if (!el) return false; el.click(); return true;"#,
                vec![json!(text)],
            )
            .await?;
        if clicked != json!(true) {
            bail!("no link or button says {text:?}");
        }
        Ok(())
    }

    /// Manage > Companies > Add New Company (the newer dashboard: Companies > Create
    /// Company > Now), then waits for the form Allot recognised.
    pub async fn open_create_company(&self) -> Result<()> {
        self.goto("").await?;
        if self.click_text("Add New Company").await.is_err() {
            self.goto("Companies").await?;
            self.click_text("Create Company").await?;
            self.wait_for("the prompt: the admin account now or later", || async {
                Ok(self.click_text("Now").await.is_ok())
            })
            .await?;
        }
        self.wait_for("the create-company form recognised by Allot", || async {
            Ok(self.field("quota_gb").await.is_ok())
        })
        .await
    }

    /// The control Allot bound to a field id.
    pub async fn field(&self, id: &str) -> Result<Element> {
        self.client()
            .find(Locator::Css(&format!("[data-allot-field=\"{id}\"]")))
            .await
            .with_context(|| format!("no field {id}"))
    }

    /// Types into a field as a partner does (key by key), after what is there.
    pub async fn type_in(&self, id: &str, text: &str) -> Result<()> {
        let el = self.field(id).await?;
        el.click().await?;
        el.send_keys(text).await?;
        Ok(())
    }

    /// Replaces a field's text by selecting it all (Ctrl+A) and typing over it.
    pub async fn retype(&self, id: &str, text: &str) -> Result<()> {
        let el = self.field(id).await?;
        el.click().await?;
        el.send_keys(&format!("{CONTROL}a{RELEASE}")).await?;
        if text.is_empty() {
            el.send_keys(BACKSPACE).await?;
        } else {
            el.send_keys(text).await?;
        }
        Ok(())
    }

    /// Types each (field, text) in turn, as `type_in` does.
    pub async fn fill(&self, fields: &[(&str, &str)]) -> Result<()> {
        for (id, text) in fields {
            self.type_in(id, text).await?;
        }
        Ok(())
    }

    /// Presses a key (such as [`ENTER`]) in whatever has focus.
    pub async fn press(&self, key: &str) -> Result<()> {
        self.client().active_element().await?.send_keys(key).await?;
        Ok(())
    }

    /// Clicks (a real pointer click) the first element matching a CSS selector.
    pub async fn click_css(&self, css: &str) -> Result<()> {
        self.client()
            .find(Locator::Css(css))
            .await
            .with_context(|| format!("nothing matches {css}"))?
            .click()
            .await?;
        Ok(())
    }

    /// How many elements match a CSS selector.
    pub async fn count(&self, css: &str) -> Result<usize> {
        let n = self
            .js(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![json!(css)],
            )
            .await?;
        Ok(n.as_u64().unwrap_or(0) as usize)
    }

    /// Clicks the suggestion `value` shown in one of the field's messages.
    pub async fn click_suggestion(&self, id: &str, value: &str) -> Result<()> {
        let msg = self
            .js(
                r#"const field = document.querySelector(`[data-allot-field="${arguments[0]}"]`);
                const ids = ((field && field.getAttribute('aria-describedby')) || '').split(/\s+/).filter(Boolean);
                const m = ids.map(i => document.getElementById(i))
                  .find(m => m && [...m.querySelectorAll('[data-allot-suggest]')].some(b => b.dataset.allotSuggest === arguments[1]));
                return m ? m.id : null;"#,
                vec![json!(id), json!(value)],
            )
            .await?;
        let Some(msg) = msg.as_str() else {
            bail!(
                "{id} offers no suggestion {value:?}; it shows {:?}",
                self.messages(id).await?
            );
        };
        let value = value.replace('\\', "\\\\").replace('"', "\\\"");
        self.click_css(&format!("#{msg} [data-allot-suggest=\"{value}\"]"))
            .await
    }

    /// Waits until the page's text shows `text`.
    pub async fn wait_text(&self, text: &str) -> Result<()> {
        self.wait_for(&format!("the page to say {text:?}"), || async {
            Ok(self.body_text().await?.contains(text))
        })
        .await
    }

    /// Leaves the focused field with Tab.
    pub async fn tab(&self) -> Result<()> {
        let active = self.client().active_element().await?;
        active.send_keys(TAB).await?;
        Ok(())
    }

    pub async fn tick(&self, id: &str) -> Result<()> {
        self.field(id).await?.click().await?;
        Ok(())
    }

    pub async fn value(&self, id: &str) -> Result<String> {
        Ok(self
            .field(id)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    pub async fn messages(&self, id: &str) -> Result<Vec<Message>> {
        let v = self.js(READ_MESSAGES, vec![json!(id)]).await?;
        if v.is_null() {
            bail!("no field {id}");
        }
        Ok(serde_json::from_value(v)?)
    }

    pub async fn codes(&self, id: &str) -> Result<Vec<String>> {
        Ok(self
            .messages(id)
            .await?
            .into_iter()
            .map(|m| m.code)
            .collect())
    }

    /// Waits until a field shows a message with `code` (and returns it).
    pub async fn wait_code(&self, id: &str, code: &str) -> Result<Message> {
        let start = Instant::now();
        loop {
            let msgs = self.messages(id).await?;
            if let Some(m) = msgs.iter().find(|m| m.code == code) {
                return Ok(m.clone());
            }
            if start.elapsed() > PATIENCE {
                bail!("{id} never showed {code}; it shows {:?}", msgs);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until a field no longer shows `code`.
    pub async fn wait_no_code(&self, id: &str, code: &str) -> Result<()> {
        self.wait_for(&format!("{id} to stop showing {code}"), || async {
            Ok(!self.codes(id).await?.iter().any(|c| c == code))
        })
        .await
    }

    /// Polls `check` until it holds, for as long as a partner would wait.
    pub async fn wait_for<F, Fut>(&self, what: &str, check: F) -> Result<()>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<bool>>,
    {
        let start = Instant::now();
        loop {
            if check().await.unwrap_or(false) {
                return Ok(());
            }
            if start.elapsed() > PATIENCE {
                bail!("waited {PATIENCE:?} for {what}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The form's Create control, found by its text as a partner finds it.
    pub async fn create_button(&self) -> Result<Element> {
        let form = self
            .client()
            .find(Locator::Css("[data-allot-form=\"create-company\"]"))
            .await?;
        for el in form
            .find_all(Locator::Css(
                "button, input[type=button], input[type=submit], a",
            ))
            .await?
        {
            let text = match el.prop("value").await? {
                Some(v) if !v.is_empty() => v,
                _ => el.text().await?,
            };
            if text.trim().eq_ignore_ascii_case("create") {
                return Ok(el);
            }
        }
        bail!("the form has no Create control")
    }

    pub async fn click_create(&self) -> Result<()> {
        self.create_button().await?.click().await?;
        Ok(())
    }

    /// The error summary, if shown: whether it has focus, and its links' texts and fields.
    pub async fn summary(&self) -> Result<Option<Value>> {
        let v = self
            .js(
                r#"const s = document.querySelector('[data-allot-summary]');
                if (!s) return null;
                const o = s.querySelector('[data-allot-override]');
                return { focused: document.activeElement === s, role: s.getAttribute('role'),
                  override_text: o ? o.textContent : null,
                  links: [...s.querySelectorAll('a')].map(a => ({ text: a.textContent, field: a.dataset.allotSummaryLink, code: a.dataset.allotCode })),
                  override: !!s.querySelector('[data-allot-override]') };"#,
                vec![],
            )
            .await?;
        Ok((!v.is_null()).then_some(v))
    }

    /// Waits for the error summary and returns it (as [`Page::summary`] reads it).
    pub async fn wait_summary(&self) -> Result<Value> {
        self.wait_for("the error summary", || async {
            Ok(self.summary().await?.is_some())
        })
        .await?;
        Ok(self.summary().await?.unwrap_or_default())
    }

    /// The data-allot-field of the focused element, if any.
    pub async fn focused_field(&self) -> Result<Option<String>> {
        let v = self
            .js("return document.activeElement && document.activeElement.dataset.allotField || null;", vec![])
            .await?;
        Ok(v.as_str().map(str::to_string))
    }

    /// The text of the page's body (what a partner reads).
    pub async fn body_text(&self) -> Result<String> {
        Ok(self
            .js("return document.body.innerText;", vec![])
            .await?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }
}

/// Forms other than Create Company: Allot's form of a kind, and its buttons by their text.
impl Page {
    /// Waits until Allot has recognised a form of `kind` (its `data-allot-form`).
    pub async fn wait_form(&self, kind: &str) -> Result<()> {
        let css = format!("[data-allot-form=\"{kind}\"]");
        self.wait_for(&format!("a {kind} form recognised by Allot"), || async {
            Ok(self.count(&css).await? == 1)
        })
        .await
    }

    /// Clicks (a real pointer click) the button of the `kind` form that says one of `texts`.
    pub async fn click_form_button(&self, kind: &str, texts: &[&str]) -> Result<()> {
        let form = self
            .client()
            .find(Locator::Css(&format!("[data-allot-form=\"{kind}\"]")))
            .await
            .with_context(|| format!("no {kind} form"))?;
        for el in form
            .find_all(Locator::Css(
                "button, input[type=button], input[type=submit]",
            ))
            .await?
        {
            let text = match el.prop("value").await? {
                Some(v) if !v.is_empty() => v,
                _ => el.text().await?,
            };
            if texts.iter().any(|t| text.trim().eq_ignore_ascii_case(t)) {
                el.click().await?;
                return Ok(());
            }
        }
        bail!("the {kind} form has no button saying any of {texts:?}")
    }
}
