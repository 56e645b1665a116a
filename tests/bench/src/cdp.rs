//! Chromium only: DevTools protocol commands sent through chromedriver's
//! `POST /session/{id}/goog/cdp/execute` to the page's target: script time from
//! `Performance.getMetrics`, trusted key presses, a garbage collection, and the size of the
//! WASM memories in the extension's isolated world.

use allot_e2e::SessionPost;
use anyhow::{bail, Context, Result};
use fantoccini::Client;
use serde_json::{json, Value};

/// Sends `cmd` with `params` and returns its result.
pub async fn send(client: &Client, cmd: &'static str, params: Value) -> Result<Value> {
    client
        .issue_cmd(SessionPost {
            path: "goog/cdp/execute",
            body: json!({ "cmd": cmd, "params": params }),
        })
        .await
        .with_context(|| format!("DevTools {cmd}"))
}

/// Starts collecting the page's performance metrics.
pub async fn enable_metrics(client: &Client) -> Result<()> {
    send(client, "Performance.enable", json!({})).await?;
    Ok(())
}

/// The renderer's total script time so far (`ScriptDuration`), in milliseconds: every
/// script the page's main thread ran, the page's own and content scripts alike.
pub async fn script_ms(client: &Client) -> Result<f64> {
    let metrics = send(client, "Performance.getMetrics", json!({})).await?;
    metrics["metrics"]
        .as_array()
        .and_then(|all| all.iter().find(|m| m["name"] == "ScriptDuration"))
        .and_then(|m| m["value"].as_f64())
        .map(|seconds| seconds * 1000.0)
        .context("Performance.getMetrics has no ScriptDuration")
}

/// Presses and releases the key of one printable character in whatever has focus, as the
/// user's keyboard would (a trusted event).
pub async fn press(client: &Client, ch: char) -> Result<()> {
    let text = ch.to_string();
    for kind in ["keyDown", "keyUp"] {
        let mut params = json!({ "type": kind, "key": text });
        if kind == "keyDown" {
            params["text"] = json!(text);
        }
        send(client, "Input.dispatchKeyEvent", params).await?;
    }
    Ok(())
}

/// Starts the page's V8 CPU profiler, sampling every 25 µs (every world of the renderer).
pub async fn profile_start(client: &Client) -> Result<()> {
    send(client, "Profiler.enable", json!({})).await?;
    send(
        client,
        "Profiler.setSamplingInterval",
        json!({ "interval": 25 }),
    )
    .await?;
    send(client, "Profiler.start", json!({})).await?;
    Ok(())
}

/// Stops the profiler and writes its profile (DevTools' `.cpuprofile` JSON) to `path`.
pub async fn profile_stop(client: &Client, path: &std::path::Path) -> Result<()> {
    let out = send(client, "Profiler.stop", json!({})).await?;
    std::fs::write(path, out["profile"].to_string())
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Collects the page's garbage (every world of its renderer's V8 heap).
pub async fn collect_garbage(client: &Client) -> Result<()> {
    send(client, "HeapProfiler.collectGarbage", json!({})).await?;
    Ok(())
}

/// The WASM linear memory of the extension's content script, in MiB: the byteLength of
/// every `WebAssembly.Memory` in the newest execution context that has wasm-bindgen's
/// `allot_form` (the extension's isolated world). Chromedriver does not pass on the
/// events that announce contexts, but their ids only grow: a new world made here has the
/// highest, and the ones below it are tried, newest first.
pub async fn wasm_memory_mib(client: &Client) -> Result<f64> {
    let tree = send(client, "Page.getFrameTree", json!({})).await?;
    let frame = tree["frameTree"]["frame"]["id"]
        .as_str()
        .context("Page.getFrameTree names no frame")?;
    let world = send(
        client,
        "Page.createIsolatedWorld",
        json!({ "frameId": frame, "worldName": "allot-bench" }),
    )
    .await?;
    let newest = world["executionContextId"]
        .as_u64()
        .context("Page.createIsolatedWorld gave no context id")?;
    for id in (1..newest).rev() {
        let probe =
            json!({ "expression": "typeof allot_form", "contextId": id, "returnByValue": true });
        let Ok(found) = send(client, "Runtime.evaluate", probe).await else {
            continue;
        };
        if found["result"]["value"] != "function" {
            continue;
        }
        let proto = json!({ "expression": "WebAssembly.Memory.prototype", "contextId": id });
        let proto = send(client, "Runtime.evaluate", proto).await?;
        let Some(proto) = proto["result"]["objectId"].as_str() else {
            bail!("no WebAssembly.Memory in the extension's world");
        };
        let memories = send(
            client,
            "Runtime.queryObjects",
            json!({ "prototypeObjectId": proto }),
        )
        .await?;
        let Some(array) = memories["objects"]["objectId"].as_str() else {
            bail!("Runtime.queryObjects answered no array");
        };
        let sizes = send(
            client,
            "Runtime.callFunctionOn",
            json!({
                "objectId": array,
                "functionDeclaration": "function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }",
                "returnByValue": true,
            }),
        )
        .await?;
        return sizes["result"]["value"]
            .as_f64()
            .map(|bytes| bytes / (1024.0 * 1024.0))
            .context("no size for the WASM memories");
    }
    bail!("no execution context below {newest} has allot_form")
}
