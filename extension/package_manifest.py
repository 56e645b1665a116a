"""Writes one browser's manifest from the single manifest.json: Chromium takes it as it
is; Firefox also needs its add-on id (browser_specific_settings.gecko)."""
import json
import sys

browser, source, target = sys.argv[1:4]
with open(source, encoding="utf-8") as f:
    manifest = json.load(f)
if browser == "firefox":
    # Firefox runs a background script (an event page), not a service worker.
    worker = manifest.get("background", {}).pop("service_worker", None)
    if worker:
        manifest["background"]["scripts"] = [worker]
    manifest["browser_specific_settings"] = {
        "gecko": {"id": "allot@allot.invalid", "strict_min_version": "128.0"}
    }
with open(target, "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=2)
    f.write("\n")
