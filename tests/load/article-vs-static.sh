#!/usr/bin/env bash
# Requests/second of an article page against the same bytes served as a static file, side by side.
# Publishes the app, runs it in Production on 127.0.0.1 with a temporary database and a temporary web root,
# saves one rendered article into that web root, then runs wrk against both URLs.
#
#   tests/load/article-vs-static.sh [slug] [seconds] [connections]
#
# Needs: the .NET SDK, curl, wrk (Debian: apt-get install -y wrk). Touches nothing outside a temp folder.
set -euo pipefail

SLUG="${1:-how-ketamine-works}"
DURATION="${2:-10}"
CONNECTIONS="${3:-32}"
PORT="${PORT:-5399}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d -t ketamineclinic-load.XXXXXX)"
BASE="http://127.0.0.1:${PORT}"
APP_PID=""

cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

echo "Publishing to $WORK/app ..."
dotnet publish "$ROOT/src/KetamineClinic.Web" -c Release -o "$WORK/app" --nologo >"$WORK/publish.log" 2>&1 \
    || { echo "Publish failed:" >&2; cat "$WORK/publish.log" >&2; exit 1; }
test -f "$WORK/app/content/faq.md" || { echo "The published app has no content/ folder" >&2; exit 1; }
cp -r "$WORK/app/wwwroot" "$WORK/webroot"
mkdir -p "$WORK/webroot/bench"

# Content comes from the published copy (content/ beside the app), which also proves the publish includes it.
# Per-request log lines are turned off so both URLs measure serving, not console/file logging.
(cd "$WORK/app" && exec dotnet KetamineClinic.Web.dll \
    --urls "$BASE" \
    --webroot "$WORK/webroot" \
    --environment Production \
    --ConnectionStrings:Clinic="Data Source=$WORK/clinic.db" \
    --Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Warning \
    >"$WORK/app.log" 2>&1) &
APP_PID=$!

for _ in $(seq 1 60); do
    curl -fs "$BASE/healthz" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "$BASE/healthz" >/dev/null || { echo "The app did not start:" >&2; cat "$WORK/app.log" >&2; exit 1; }

ARTICLE="/articles/$SLUG"
STATIC="/bench/$SLUG.html"
curl -fs "$BASE$ARTICLE" -o "$WORK/webroot/bench/$SLUG.html"
BYTES=$(wc -c <"$WORK/webroot/bench/$SLUG.html")
cmp -s <(curl -fs "$BASE$STATIC") "$WORK/webroot/bench/$SLUG.html" || { echo "Static copy differs" >&2; exit 1; }

run() {
    # Warm up (JIT, output cache), then measure.
    wrk -t2 -c"$CONNECTIONS" -d2s "$BASE$1" >/dev/null
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
echo "Machine: $(nproc) cores, $(uname -sr); $(dotnet --version) SDK; ${BYTES} bytes per response"
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s, after a 2 s warm-up, against $BASE"
printf '%-46s %12s %12s %12s\n' "URL" "req/s" "avg latency" "p99 latency"
printf '%-46s %12s %12s %12s\n' "$ARTICLE" "$A_RPS" "$(latency "$ARTICLE_OUT")" "$(p99 "$ARTICLE_OUT")"
printf '%-46s %12s %12s %12s\n' "$STATIC (static file)" "$S_RPS" "$(latency "$STATIC_OUT")" "$(p99 "$STATIC_OUT")"
awk -v a="$A_RPS" -v s="$S_RPS" 'BEGIN { printf "Article throughput = %.0f%% of static (target >= 80%%)\n", 100 * a / s }'
