"""Writes one browser's manifest from the single manifest.json. Chromium takes it as it
is. Firefox also needs its add-on id and minimum version (browser_specific_settings.gecko,
with data_collection_permissions: Allot collects nothing), and runs a background script
as `background.scripts` where Chromium has `background.service_worker`."""
import json
import sys

# data_collection_permissions is understood from Firefox 140 (desktop) and 142 (Android).
FIREFOX_MIN = "140.0"
FIREFOX_ANDROID_MIN = "142.0"

browser, source, target = sys.argv[1:4]
with open(source, encoding="utf-8") as f:
    manifest = json.load(f)
if browser == "firefox":
    manifest["browser_specific_settings"] = {
        "gecko": {
            "id": "allot@allot.invalid",
            "strict_min_version": FIREFOX_MIN,
            "data_collection_permissions": {"required": ["none"]},
        },
        "gecko_android": {"strict_min_version": FIREFOX_ANDROID_MIN},
    }
    # Chromium's keys Firefox does without: its resource URLs carry a random per-install
    # id already, and its managed storage comes from policies.json, schema-less.
    for resources in manifest.get("web_accessible_resources", []):
        resources.pop("use_dynamic_url", None)
    manifest.pop("storage", None)
    # Firefox runs a background script (an event page), not a service worker.
    worker = manifest.get("background", {}).pop("service_worker", None)
    if worker is not None:
        manifest["background"]["scripts"] = [worker]
elif browser != "chrome":
    sys.exit(f"package_manifest.py: unknown browser {browser!r} (chrome or firefox)")
with open(target, "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=2)
    f.write("\n")
