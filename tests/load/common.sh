# Shared by the load scripts (sourced, not run): a temporary folder, the published app started on
# 127.0.0.1 in Production, and clean-up on exit. Expects ROOT and PORT to be set by the caller.
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

# One line for the record: cores, CPU model, kernel, SDK.
describe_machine() {
    echo "$(nproc) cores, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(uname -sr); $(dotnet --version) SDK"
}

require_tools() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "$tool is not installed (Debian: apt-get install -y $tool)" >&2; exit 1; }
    done
}

# Publishes the app (Release) to $WORK/app and copies its web root to $WORK/webroot, where a script can
# add the static baseline files under bench/.
publish_app() {
    echo "Publishing to $WORK/app ..."
    dotnet publish "$ROOT/src/KetamineClinic.Web" -c Release -o "$WORK/app" --nologo >"$WORK/publish.log" 2>&1 \
        || { echo "Publish failed:" >&2; cat "$WORK/publish.log" >&2; exit 1; }
    cp -r "$WORK/app/wwwroot" "$WORK/webroot"
    mkdir -p "$WORK/webroot/bench"
}

# Starts the published app with a temporary database and the extra --Key=value settings given, with
# per-request log lines off (so runs measure serving, not logging), and waits until /healthz answers.
start_app() {
    (cd "$WORK/app" && exec dotnet KetamineClinic.Web.dll \
        --urls "$BASE" \
        --webroot "$WORK/webroot" \
        --environment Production \
        --ConnectionStrings:Clinic="Data Source=$WORK/clinic.db" \
        --Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Warning \
        "$@" \
        >"$WORK/app.log" 2>&1) &
    APP_PID=$!

    for _ in $(seq 1 60); do
        curl -fs "$BASE/healthz" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "The app did not start:" >&2
    cat "$WORK/app.log" >&2
    exit 1
}
