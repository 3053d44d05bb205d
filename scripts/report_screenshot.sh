#!/usr/bin/env bash
# Opens the single-file Allure report from disk in headless Chromium (Debian's `chromium`;
# installed here if missing, as root), saves a screenshot and checks the page rendered:
# the epics and the sign-off entry must be in the rendered page.
#   scripts/report_screenshot.sh [allure-report/index.html] [reports/report.png]
set -euo pipefail
cd "$(dirname "$0")/.."
page=$(realpath "${1:-allure-report/index.html}")
shot=${2:-reports/report.png}
command -v chromium >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq chromium >/dev/null; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1400,1000
       --virtual-time-budget=8000)
timeout 60 chromium "${flags[@]}" --screenshot="$(realpath -m "$shot")" "file://$page" 2>/dev/null
dom=$(timeout 60 chromium "${flags[@]}" --dump-dom "file://$page" 2>/dev/null)
missing=0
for text in "Cross-Channel Booking Flow" "Atomic Collision" "PII Leak &amp; Redaction Audit" "Multi-Clinic Data Silo" \
            "Knowledge Base Accuracy" "State Management Consistency" "Reports"; do
  grep -q "$text" <<<"$dom" || { echo "not rendered: $text"; missing=1; }
done
[ "$missing" = 0 ] && echo "rendered: the epics and the Reports entry (the sign-off page) are on the page; screenshot $shot"
exit "$missing"
