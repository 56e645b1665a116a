//! The create dialog inside a same-origin iframe (`Faults::create_in_frame`), as some
//! dashboards open their dialogs: the overlay holds a frame, the frame holds the seed's
//! create form with its own copy of the page script, and Close in the frame closes the
//! overlay and reloads the page around it.

use crate::pages::{create_form_content, dialog, esc, CSS, SCRIPT};
use crate::state::CreateForm;

/// The title the frame and its overlay carry.
const TITLE: &str = "Create Company With Admin Backup Account";

/// The overlay the menu's "Add New Company" opens: a frame with the form.
pub fn create_dialog_with_frame() -> String {
    dialog(
        TITLE,
        &format!(
            "<iframe src=\"/Companies/CreateFrame\" title=\"{}\" style=\"width:620px;height:620px;border:0\"></iframe>",
            esc(TITLE)
        ),
    )
}

/// The page inside the frame: the form where the page script expects a dialog's content,
/// and Close handed to the page around it.
pub fn create_frame_page() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <style>{CSS}</style>\n</head>\n<body>\n<div id=\"dialog\"><div class=\"ui-dialog-content\">{form}</div></div>\n\
         <script>{SCRIPT}</script>\n\
         <script>closeDialog = function (reload) {{ parent.closeDialog(reload); return false; }};</script>\n\
         </body>\n</html>\n",
        title = esc(TITLE),
        form = create_form_content(&CreateForm::blank(), &[], false),
    )
}
