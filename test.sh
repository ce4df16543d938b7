#!/usr/bin/env bash
# Installs what the tests need when it is missing, checks formatting, and runs every test in the solution.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Category=Browser]
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "test.sh: $*" >&2; exit 1; }
step() { echo; echo "==> $*"; }

# --- Prerequisites -----------------------------------------------------------------------------
command -v dotnet >/dev/null || fail "the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH."

# Debian packages: Chromium for the browser tests, aiosmtpd for the real SMTP server in the email tests.
apt_packages=(chromium python3-aiosmtpd)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing Debian packages: ${missing[*]}"
  command -v apt-get >/dev/null || fail "missing ${missing[*]} and apt-get is not available; install them by hand."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "missing ${missing[*]}; run as root or install sudo."
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || fail "apt-get update failed; cannot install ${missing[*]}."
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get could not install ${missing[*]}."
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing after installation."
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || fail "/usr/bin/python3 cannot import aiosmtpd (package python3-aiosmtpd)."

# The Nu Html Checker (HtmlValidityTests): Java and the npm package vnu-jar, kept in tools/vnu (not committed).
vnu_version=26.9.27
command -v java >/dev/null || fail "Java 17 or later is required for the Nu Html Checker; install default-jre-headless."
if [ ! -f tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  step "Installing the Nu Html Checker (vnu-jar $vnu_version)"
  command -v npm >/dev/null || fail "npm is required to install vnu-jar; install the Debian package npm."
  npm install --prefix tools/vnu --no-save --ignore-scripts "vnu-jar@$vnu_version" >/dev/null || fail "npm could not install vnu-jar@$vnu_version."
fi

step "Restoring .NET tools"
dotnet tool restore >/dev/null || fail "dotnet tool restore failed (.config/dotnet-tools.json)."

# --- Checks --------------------------------------------------------------------------------------
step "Building"
dotnet build KetamineClinic.sln -nologo -clp:ErrorsOnly || fail "the build failed."

step "Checking formatting (dotnet format --verify-no-changes)"
dotnet format KetamineClinic.sln --verify-no-changes --no-restore \
  || fail "formatting differs from .editorconfig; run 'dotnet format' and commit the result."

step "Running tests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test KetamineClinic.sln --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test projects.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "\n%d passed, %d failed, %d skipped\n", p, f, s }' "$log"

[ "$status" -eq 0 ] || fail "tests failed (exit $status)."
echo "All tests passed."
