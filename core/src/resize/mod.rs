//! The allocation fix after Create: the admin backup account is left at 5 GB, and the
//! seed's six steps (View & Manage Companies, Login as Company Admin, Change Account
//! Size, Ok, the Home page's Backup Account Usage, resume the partner session) give it
//! the size the partner asked for.
//!
//! The content script reads each page into a [`PageView`] (by visible text, never ids),
//! calls [`advance`] with the stored [`Job`], does the one [`Action`] it returns, saves
//! the job, and asks again when the page changes or loads. The machine decides
//! everything; time comes in as `now_ms`. No browser, no clock, no panics.

mod action;
mod job;
mod machine;
mod manual;
mod step;
mod text;
mod view;

pub use action::{Action, Target};
pub use job::{FixRequest, Job, Limits, Status};
pub use machine::advance;
pub use step::Step;
pub use text::{contains_name, normalize, parse_gb, same_name};
pub use view::{PageView, Row, SizeDialog, UsageRow};
