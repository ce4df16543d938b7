#!/usr/bin/env bash
# The app's resident memory under each runtime setting worth trying (issue 19: "below 150 MB if a setting gets it
# there"), with where the memory is: anonymous (GC heap, native heaps), file-backed (the mapped framework and app
# assemblies and native libraries, shared with every other .NET process on the machine) and shared memory (the
# JIT's double-mapped code, W^X). Publishes the app once; for each setting starts it in Production on 127.0.0.1
# with a fresh database, reads the memory once started, loads it for 15 s with wrk (the article, then the home
# page with a browser's Accept-Encoding), reads it again, and stops it. Stops by itself (about 2 minutes).
#
#   [SETTINGS="name=value[,name=value] ..."] tests/load/memory-settings.sh
#
# Needs: the .NET SDK, curl, wrk. Touches nothing outside a temp folder.
set -euo pipefail

PORT="${PORT:-5397}"
SETTINGS="${SETTINGS:-as-shipped DOTNET_gcServer=0 DOTNET_gcServer=0,DOTNET_gcConcurrent=0 DOTNET_GCConserveMemory=5 DOTNET_TieredPGO=0 DOTNET_EnableWriteXorExecute=0}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=tests/load/common.sh
source "$ROOT/tests/load/common.sh"
require_tools wrk curl

publish_app
status_mb() { awk -v key="$2:" '$1 == key {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

echo "Machine: $(describe_machine)"
printf '%-52s %8s %8s %8s %8s %8s\n' setting "idle MB" "RSS MB" "anon" "file" "shmem"
for setting in $SETTINGS; do
    env_args=()
    [[ "$setting" != "as-shipped" ]] && IFS=',' read -r -a env_args <<<"$setting"
    rm -rf "$WORK/clinic.db"* "$WORK/app/App_Data"
    (cd "$WORK/app" && exec env "${env_args[@]}" dotnet KetamineClinic.Web.dll --urls "$BASE" --environment Production \
        --ConnectionStrings:Clinic="Data Source=$WORK/clinic.db" >"$WORK/app.log" 2>&1) &
    APP_PID=$!
    wait_for "$BASE/healthz" "$WORK/app.log"
    idle=$(rss_mb "$APP_PID")
    wrk -t2 -c32 -d10s "$BASE/articles/how-ketamine-works" >/dev/null
    wrk -t2 -c32 -d5s -H "Accept-Encoding: gzip, deflate, br, zstd" "$BASE/" >/dev/null
    printf '%-52s %8s %8s %8s %8s %8s\n' "$setting" "$idle" "$(rss_mb "$APP_PID")" \
        "$(status_mb "$APP_PID" RssAnon)" "$(status_mb "$APP_PID" RssFile)" "$(status_mb "$APP_PID" RssShmem)"
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
done
