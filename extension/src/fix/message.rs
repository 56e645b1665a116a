//! What the popup and a dashboard tab's content script say to each other: "is this a
//! dashboard?" and "start this fix here".

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    Status,
    Start { id: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub dashboard: bool,
    pub ok: bool,
    pub message: String,
}
