#!/usr/bin/env bash
# Requests/second of an article page against the same bytes served as a static file, side by side.
# Publishes the app, runs it in Production on 127.0.0.1 with a temporary database and a temporary web root,
# saves one rendered article into that web root, then runs wrk against both URLs.
#
#   [WARMUP=15] tests/load/article-vs-static.sh [slug] [seconds] [connections]
#
# Needs: the .NET SDK, curl, wrk (Debian: apt-get install -y wrk). Touches nothing outside a temp folder.
set -euo pipefail

SLUG="${1:-how-ketamine-works}"
DURATION="${2:-10}"
CONNECTIONS="${3:-32}"
# Seconds of load on each URL before it is measured, so the JIT has finished tiering up the code both share:
# after 2 s (the default until 2026-12-01) the article, measured first, ran at 45-53 % of the static file on one
# host and at 156-173 % after 10-30 s (docs/performance.md).
WARMUP="${WARMUP:-15}"
PORT="${PORT:-5399}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=tests/load/common.sh
source "$ROOT/tests/load/common.sh"
require_tools wrk curl

publish_app
test -f "$WORK/app/content/faq.md" || { echo "The published app has no content/ folder" >&2; exit 1; }

# Content comes from the published copy (content/ beside the app), which also proves the publish includes it.
start_app

ARTICLE="/articles/$SLUG"
STATIC="/bench/$SLUG.html"
curl -fs "$BASE$ARTICLE" -o "$WORK/webroot/bench/$SLUG.html"
BYTES=$(wc -c <"$WORK/webroot/bench/$SLUG.html")
cmp -s <(curl -fs "$BASE$STATIC") "$WORK/webroot/bench/$SLUG.html" || { echo "Static copy differs" >&2; exit 1; }

run() {
    # Warm up (JIT, output cache), then measure.
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$BASE$1" >/dev/null
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE$1"
}

ARTICLE_OUT="$(run "$ARTICLE")"
STATIC_OUT="$(run "$STATIC")"

rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
latency() { awk '/^    Latency/ {print $2; exit}' <<<"$1"; }
p99() { awk '/^ +99%/ {print $2; exit}' <<<"$1"; }

for out in "$ARTICLE_OUT" "$STATIC_OUT"; do
    if grep -q "Non-2xx" <<<"$out"; then echo "Some responses were not 2xx:" >&2; echo "$out" >&2; exit 1; fi
done

A_RPS=$(rps "$ARTICLE_OUT"); S_RPS=$(rps "$STATIC_OUT")
echo
echo "Machine: $(describe_machine); ${BYTES} bytes per response"
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s, after a ${WARMUP} s warm-up each, against $BASE"
printf '%-46s %12s %12s %12s\n' "URL" "req/s" "avg latency" "p99 latency"
printf '%-46s %12s %12s %12s\n' "$ARTICLE" "$A_RPS" "$(latency "$ARTICLE_OUT")" "$(p99 "$ARTICLE_OUT")"
printf '%-46s %12s %12s %12s\n' "$STATIC (static file)" "$S_RPS" "$(latency "$STATIC_OUT")" "$(p99 "$STATIC_OUT")"
awk -v a="$A_RPS" -v s="$S_RPS" 'BEGIN { printf "Article throughput = %.0f%% of static (target >= 80%%)\n", 100 * a / s }'
