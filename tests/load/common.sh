# Shared by the load scripts (sourced, not run): a temporary folder, the published app started on
# 127.0.0.1 in Production, and clean-up on exit. Expects ROOT and PORT to be set by the caller.
WORK="$(mktemp -d -t ketamineclinic-load.XXXXXX)"
BASE="http://127.0.0.1:${PORT}"
APP_PID=""
# Other servers a script starts (their process ids), stopped on exit as the app is.
SERVER_PIDS=()

cleanup() {
    for pid in "$APP_PID" "${SERVER_PIDS[@]}"; do
        if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            wait "$pid" 2>/dev/null || true
        fi
    done
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

# Publishes the app (Release) to $WORK/app.
publish_app() {
    echo "Publishing to $WORK/app ..."
    dotnet publish "$ROOT/src/KetamineClinic.Web" -c Release -o "$WORK/app" --nologo >"$WORK/publish.log" 2>&1 \
        || { echo "Publish failed:" >&2; cat "$WORK/publish.log" >&2; exit 1; }
}

# Starts the published app in Production with a temporary database and the extra --Key=value settings given,
# logging as shipped (a line per request to the console, here $WORK/app.log, and to App_Data/logs beside the
# app), and waits until /healthz answers.
start_app() {
    (cd "$WORK/app" && exec dotnet KetamineClinic.Web.dll \
        --urls "$BASE" \
        --environment Production \
        --ConnectionStrings:Clinic="Data Source=$WORK/clinic.db" \
        "$@" \
        >"$WORK/app.log" 2>&1) &
    APP_PID=$!
    wait_for "$BASE/healthz" "$WORK/app.log"
}

# Waits until a URL answers 2xx (30 s at most); otherwise prints the server's log and exits.
wait_for() {
    for _ in $(seq 1 60); do
        curl -fs "$1" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "$1 did not answer:" >&2
    cat "$2" >&2
    exit 1
}

# The resident memory of a process, in MB.
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# Installs the Debian packages given when their command is missing (these scripts are run by hand, as root or
# with sudo): "command:package" pairs.
install_missing() {
    local missing=()
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    local sudo=""
    [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
    echo "Installing ${missing[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
        || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; } \
        || { echo "apt-get could not install ${missing[*]}" >&2; exit 1; }
}
