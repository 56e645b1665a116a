//! The allocation fix after Create: the admin backup account is left at 5 GB, and the
//! seed's six steps (the companies list, Login as Company Admin, Change Account Size,
//! Ok, the company's sizes, resume the partner session) give it the size the partner
//! asked for, on the seed's dashboard and on the newer one.
//!
//! The content script reads each page into a [`PageView`] (by visible text, never ids),
//! calls [`advance`] with the stored [`Job`], and does the one [`Action`] it returns,
//! after [`resolve`] has tied it to the page as it is at that moment. Whether a Create
//! made a company is [`create_answer`]'s call. The machine decides everything; time
//! comes in as `now_ms`. No browser, no clock, no panics.

mod action;
mod created;
mod grid;
mod job;
mod machine;
mod manual;
mod step;
mod text;
mod view;

pub use action::{resolve, Action, Resolved};
pub use created::{create_answer, CreateAnswer, SentCreate};
pub use grid::{leading_gb, Grid, GridKind, Paging, Row, RowMatch};
pub use job::{FixRequest, Job, Limits, Status};
pub use machine::advance;
pub use step::Step;
pub use text::{names_whole, normalize, parse_gb, same_name};
pub use view::{menu_item, Located, Menu, PageView, Shown, SizeDialog, UsageRow};
