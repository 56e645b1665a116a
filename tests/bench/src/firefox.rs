//! Firefox only: a garbage collection in the content processes, asked for from Firefox's
//! privileged ("chrome") context the way about:memory's GC button does (geckodriver runs
//! with `--allow-system-access`, which the harness passes).

use allot_e2e::SessionPost;
use anyhow::{Context, Result};
use fantoccini::Client;
use serde_json::json;
use std::time::Duration;

/// geckodriver's `POST /session/{id}/moz/context`: where scripts run from now on.
async fn set_context(client: &Client, context: &str) -> Result<()> {
    let post = SessionPost {
        path: "moz/context",
        body: json!({ "context": context }),
    };
    client
        .issue_cmd(post)
        .await
        .with_context(|| format!("switching to Firefox's {context} context"))?;
    Ok(())
}

/// How long the content processes are given to finish the collection (it is asynchronous).
const SETTLE: Duration = Duration::from_millis(400);

/// Asks every content process for a full garbage and cycle collection, then waits a moment.
pub async fn collect_garbage(client: &Client) -> Result<()> {
    set_context(client, "chrome").await?;
    let asked = client
        .execute(
            r#"Services.obs.notifyObservers(null, "child-gc-request");
               Services.obs.notifyObservers(null, "child-cc-request");
               Services.obs.notifyObservers(null, "child-gc-request");
               return true;"#,
            vec![],
        )
        .await;
    set_context(client, "content").await?;
    asked.context("asking the content processes to collect garbage")?;
    tokio::time::sleep(SETTLE).await;
    Ok(())
}
