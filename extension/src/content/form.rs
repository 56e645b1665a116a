//! One annotated form: its fields, what the partner has done with them (left a field,
//! tried Create, ticked the acknowledgment), what the page shows beside it (the company's
//! quota, what its accounts use) and the findings the core gives for them.

use super::detect::Found;
use crate::dom::{page_elements, text_of};
use allot_core::context::{company_quota_in, used_in};
use allot_core::labels::FormKind;
use allot_core::{check_form, FieldId, FieldSet, Finding, FormSnapshot, Options};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

pub struct FormState {
    pub id: u32,
    pub kind: FormKind,
    pub root: Element,
    pub fields: Vec<(FieldId, Element)>,
    pub create: Option<Element>,
    pub touched: FieldSet,
    pub create_attempted: bool,
    /// "Create anyway" was clicked for these errors (their codes): the next Create goes
    /// through if it has no other error.
    pub override_for: Option<Vec<String>>,
    /// A Create was let through in this task: the same Create's other events (the
    /// submit after the click, the click after Enter) pass too.
    pub passing: bool,
    /// Allot's message box per field.
    pub boxes: Vec<(FieldId, Element)>,
    /// The code each field shows now.
    pub shown: Vec<(FieldId, String)>,
    /// The field the partner is typing in, until a pause or until they leave it.
    pub typing: Option<FieldId>,
    /// When the partner last typed in `typing` (`Date.now()`, ms): a pause after it ends
    /// `typing`.
    pub last_key_ms: f64,
    /// Allot's UltraSafe acknowledgment (a wrapper holding a checkbox), while shown.
    pub ack: Option<Element>,
    pub summary: Option<Element>,
    /// The form's one live region: says the message of the field just left.
    pub live: Option<Element>,
    /// What was last written for each field (nothing is written again while it holds).
    pub rendered: Vec<(FieldId, super::render::Rendered)>,
    /// How each field's value is read, decided once (in `fields`' order).
    reads: Vec<Read>,
}

/// How a field's value is read.
enum Read {
    Checkbox(HtmlInputElement),
    Input(HtmlInputElement),
    TextArea(HtmlTextAreaElement),
    /// A list whose chosen option's text is the value (Company/Reseller).
    Chosen(Element),
    Select(HtmlSelectElement),
    Nothing,
}

impl Read {
    fn of(field: FieldId, el: &Element) -> Read {
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            if field.is_checkbox() {
                return Read::Checkbox(i.clone());
            }
            if field != FieldId::CompanyReseller {
                return Read::Input(i.clone());
            }
        }
        if field == FieldId::CompanyReseller {
            return Read::Chosen(el.clone());
        }
        if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
            return Read::TextArea(t.clone());
        }
        if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
            return Read::Select(s.clone());
        }
        Read::Nothing
    }
}

impl FormState {
    pub fn new(id: u32, found: Found) -> FormState {
        let reads = found
            .fields
            .iter()
            .map(|(f, el)| Read::of(*f, el))
            .collect();
        FormState {
            id,
            kind: found.kind,
            root: found.root,
            fields: found.fields,
            create: found.create,
            touched: FieldSet::default(),
            create_attempted: false,
            override_for: None,
            passing: false,
            boxes: Vec::new(),
            shown: Vec::new(),
            typing: None,
            last_key_ms: 0.0,
            ack: None,
            summary: None,
            live: None,
            rendered: Vec::new(),
            reads,
        }
    }

    /// What was last written for `field`.
    pub fn rendered(&self, field: FieldId) -> Option<&super::render::Rendered> {
        self.rendered
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, r)| r)
    }

    /// The code field `field` shows now, if any.
    pub fn shown(&self, field: FieldId) -> Option<&str> {
        self.shown
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| c.as_str())
    }

    /// The acknowledgment's checkbox, while shown.
    pub fn ack_box(&self) -> Option<Element> {
        self.ack
            .as_ref()
            .and_then(|a| a.query_selector("input").ok().flatten())
    }

    /// Still on the page: every field is connected.
    pub fn is_live(&self) -> bool {
        self.fields.iter().all(|(_, el)| el.is_connected())
    }

    pub fn field_of(&self, el: &Element) -> Option<FieldId> {
        self.fields.iter().find(|(_, e)| e == el).map(|(f, _)| *f)
    }

    pub fn element(&self, field: FieldId) -> Option<&Element> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }

    /// Whether an event target belongs to this form's Create control.
    pub fn is_create(&self, el: &Element) -> bool {
        self.create
            .as_ref()
            .map(|c| c.contains(Some(el.as_ref())))
            .unwrap_or(false)
    }

    pub fn ack_ticked(&self) -> bool {
        self.ack_box()
            .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
            .map(|i| i.checked())
            .unwrap_or(false)
    }

    /// The partner's values now. Holds the password only for the length of a check.
    pub fn snapshot(&self) -> FormSnapshot {
        let mut snap = FormSnapshot {
            kind: self.kind,
            touched: self.touched,
            create_attempted: self.create_attempted,
            ultrasafe_ack: self.ack_ticked(),
            ..FormSnapshot::default()
        };
        for ((field, _), read) in self.fields.iter().zip(&self.reads) {
            match read {
                Read::Checkbox(i) => snap.set_checked(*field, i.checked()),
                Read::Input(i) => snap.set_text(*field, i.value()),
                Read::TextArea(t) => snap.set_text(*field, t.value()),
                Read::Chosen(el) => snap.set_text(*field, chosen_text(el)),
                Read::Select(s) => snap.set_text(*field, s.value()),
                Read::Nothing if field.is_checkbox() => snap.set_checked(*field, false),
                Read::Nothing => snap.set_text(*field, String::new()),
            }
        }
        match self.kind {
            FormKind::ChangeCompanySize => {
                snap.company_used_gb = text_of(self.root.as_ref()).and_then(|t| used_in(&t));
            }
            FormKind::CreateBackupAccount | FormKind::ChangeAccountSize => {
                snap.company_quota_gb = self.page_quota();
            }
            FormKind::CreateCompany => {}
        }
        snap
    }

    /// The company's quota as the page states it ("Company quota: 100 GB", the company
    /// dashboard's header), when it is the quota of the company the form is for: the form
    /// names no company, or its Company/Reseller offers only one.
    fn page_quota(&self) -> Option<u32> {
        if let Some(choice) = self.element(FieldId::CompanyReseller) {
            let offered = page_elements(choice.query_selector_all("option"))
                .into_iter()
                .filter(|o| {
                    o.get_attribute("value")
                        .is_some_and(|v| !v.trim().is_empty())
                })
                .count();
            if offered != 1 {
                return None;
            }
        }
        let body = self.root.owner_document()?.body()?;
        company_quota_in(&body.inner_text())
    }

    /// What the rules say about the form now.
    pub fn findings(&self, options: &Options) -> Vec<Finding> {
        self.check(options).1
    }

    /// The partner's values now and what the rules say about them (one read of the page).
    pub fn check(&self, options: &Options) -> (FormSnapshot, Vec<Finding>) {
        let snap = self.snapshot();
        let findings = check_form(&snap, options);
        (snap, findings)
    }

    /// Allot's message box for `field`, while it is on the page.
    pub fn box_of(&self, field: FieldId) -> Option<&Element> {
        self.boxes
            .iter()
            .find(|(f, b)| *f == field && b.is_connected())
            .map(|(_, b)| b)
    }
}

/// The text of a list's chosen option (a company's name), or a text control's value.
fn chosen_text(el: &Element) -> String {
    if el.dyn_ref::<HtmlSelectElement>().is_some() {
        let chosen = el.query_selector("option:checked").ok().flatten();
        let has_value = chosen
            .as_ref()
            .and_then(|o| o.get_attribute("value"))
            .is_some_and(|v| !v.trim().is_empty());
        return match chosen {
            Some(o) if has_value => text_of(o.as_ref()).unwrap_or_default(),
            _ => String::new(),
        };
    }
    value(el)
}

/// A text control's value.
pub fn value(el: &Element) -> String {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}
