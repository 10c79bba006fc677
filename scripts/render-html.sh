#!/usr/bin/env bash
# render-html.sh FILE.html OUT.png — opens FILE.html in headless Chromium (Debian's `chromium`),
# saves a screenshot to OUT.png and checks the page rendered: fails unless the screenshot exists
# and is not empty, and the page's DOM after its script ran has data-rendered="ok" and no
# data-errors on <html> (the contract of src/report/report_template.html).
# WINDOW_SIZE=W,H sets the viewport (default 1280,3000); CHROMIUM=path picks the binary.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 FILE.html OUT.png" >&2
  exit 2
fi
html=$1
png=$2
chromium=${CHROMIUM:-chromium}
window_size=${WINDOW_SIZE:-1280,3000}
[ -f "$html" ] || { echo "$html: no such file" >&2; exit 1; }
command -v "$chromium" >/dev/null || { echo "$chromium not found (bash scripts/install-deps.sh --for-tests)" >&2; exit 1; }

url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
profile=$(mktemp -d)
log=$(mktemp)
dom=$(mktemp)
trap 'rm -rf "$profile" "$log" "$dom"' EXIT
flags=(--headless --no-sandbox --disable-gpu --user-data-dir="$profile" --no-first-run
       --hide-scrollbars --window-size="$window_size")

rm -f "$png"
if ! timeout 90 "$chromium" "${flags[@]}" --screenshot="$png" "$url" >"$log" 2>&1; then
  cat "$log" >&2
  echo "$html: chromium --screenshot failed" >&2
  exit 1
fi
if [ ! -s "$png" ]; then
  cat "$log" >&2
  echo "$html: no screenshot written to $png" >&2
  exit 1
fi
if ! timeout 90 "$chromium" "${flags[@]}" --dump-dom "$url" >"$dom" 2>"$log"; then
  cat "$log" >&2
  echo "$html: chromium --dump-dom failed" >&2
  exit 1
fi
dom_text=$(tr '\n' ' ' <"$dom")   # attribute values may hold line breaks
html_tag=$(grep -o '<html[^>]*>' <<<"$dom_text" | head -n 1 || true)
if [ -z "$html_tag" ]; then
  echo "$html: chromium dumped no <html> element" >&2
  exit 1
fi
if [[ "$html_tag" == *data-errors=* ]]; then
  echo "$html: the page reported script errors: $html_tag" >&2
  exit 1
fi
if [[ "$html_tag" != *'data-rendered="ok"'* ]]; then
  echo "$html: the page did not finish rendering (no data-rendered=\"ok\"): $html_tag" >&2
  exit 1
fi
echo "$html: rendered, screenshot $png ($(stat -c %s "$png") bytes)"
