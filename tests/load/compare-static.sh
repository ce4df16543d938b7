#!/usr/bin/env bash
# The site's public pages as browsers get them, against the same bytes served by a bare Kestrel app and by nginx,
# in one run on one machine. Publishes the app (Release) and starts it in Production with its logging as shipped
# (a line per request to the console and to the log file); saves each page as the app sends it: plain, Brotli and
# gzip; builds, in a temporary folder, a bare Kestrel app that writes those bytes from memory; serves the same
# files with nginx (plain, gzip_static, and brotli_static when Debian's module is there); checks that every
# target sends the same page; warms each up; then runs wrk against each target in turn, RUNS rounds, so noise
# from the machine hits all of them alike. Prints every run, the medians, the ratios against the targets of
# issue 19, p99 latency, errors, and the app's resident memory after the runs. Everything on 127.0.0.1; stops
# by itself (about 20 minutes with the defaults) and stops what it started.
#
#   [RUNS=3] [DURATION=10] [CONNECTIONS=32] [WARMUP=15] [PAGE_WARMUP=5] [PAGES="/articles/how-ketamine-works /"] \
#   [APP_ENV="DOTNET_GCConserveMemory=5 ..."] tests/load/compare-static.sh
#
# The first page gets every target; the others the app and the two targets the ratios need (PAGES). Installs
# wrk, nginx and nginx's Brotli module with apt-get when they are missing. Touches nothing outside a temp folder.
set -euo pipefail

RUNS="${RUNS:-3}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
WARMUP="${WARMUP:-15}"
PAGE_WARMUP="${PAGE_WARMUP:-5}"
PAGES="${PAGES:-/articles/how-ketamine-works / /articles /faq /treatment}"
PORT="${PORT:-5399}"
BARE_PORT="${BARE_PORT:-5400}"
NGINX_PORT="${NGINX_PORT:-5401}"
# What browsers send; with it the app answers Brotli (and nginx's brotli_static does too), gzip_static gzip.
BROWSER="gzip, deflate, br, zstd"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=tests/load/common.sh
source "$ROOT/tests/load/common.sh"
install_missing wrk:wrk nginx:nginx curl:curl brotli:brotli
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [[ ! -f "$BROTLI_MODULE" ]]; then
    apt-get install -y -qq libnginx-mod-http-brotli-static >/dev/null 2>&1 || true
fi

publish_app
# APP_ENV: extra environment for the app (GC settings to compare), e.g. APP_ENV="DOTNET_GCConserveMemory=5".
# Its console (a compact JSON line per request, as a journal would receive it) goes through a pipe, of which
# only the last megabyte is kept; the log file is the app's own, rolled at 50 MB as configured.
# shellcheck disable=SC2086
(cd "$WORK/app" && exec env ${APP_ENV:-} dotnet KetamineClinic.Web.dll --urls "$BASE" --environment Production \
    --ConnectionStrings:Clinic="Data Source=$WORK/clinic.db") > >(tail -c 1000000 >"$WORK/app.log") 2>&1 &
APP_PID=$!
wait_for "$BASE/healthz" "$WORK/app.log"

# --- The pages, as the app sends them ------------------------------------------------------------------------
name_of() { [[ "$1" == "/" ]] && echo home || echo "${1//\//_}" | sed 's/^_//'; }
mkdir -p "$WORK/pages"
for page in $PAGES; do
    file="$WORK/pages/$(name_of "$page").html"
    curl -fs "$BASE$page" -o "$file"
    curl -fs -H "Accept-Encoding: br" "$BASE$page" -o "$file.br"
    curl -fs -H "Accept-Encoding: gzip" "$BASE$page" -o "$file.gz"
    brotli -dc "$file.br" | cmp -s - "$file" || { echo "$page: the app's Brotli copy is not the page" >&2; exit 1; }
    gzip -dc "$file.gz" | cmp -s - "$file" || { echo "$page: the app's gzip copy is not the page" >&2; exit 1; }
done
chmod -R a+rX "$WORK/pages"

# --- A bare Kestrel app: the same bytes from memory, nothing else --------------------------------------------
mkdir -p "$WORK/bare"
cat >"$WORK/bare/bare.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
</Project>
XML
cat >"$WORK/bare/Program.cs" <<'CS'
// Each <name>.html of a folder at /<name>, from memory: Brotli when the request accepts br, else gzip when it
// accepts gzip, else the plain bytes. No logging, no middleware.
var folder = args[0];
var pages = Directory.GetFiles(folder, "*.html").ToDictionary(
    file => "/" + Path.GetFileNameWithoutExtension(file),
    file => (Plain: File.ReadAllBytes(file), Brotli: File.ReadAllBytes(file + ".br"), Gzip: File.ReadAllBytes(file + ".gz")));
var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var app = builder.Build();
app.Run(context =>
{
    if (!pages.TryGetValue(context.Request.Path.Value ?? "", out var page))
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    var accepted = context.Request.Headers.AcceptEncoding.ToString();
    var (bytes, encoding) = accepted.Contains("br") ? (page.Brotli, "br") : accepted.Contains("gzip") ? (page.Gzip, "gzip") : (page.Plain, null);
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = bytes.Length;
    context.Response.Headers.Vary = "Accept-Encoding";
    if (encoding is not null)
    {
        context.Response.Headers.ContentEncoding = encoding;
    }

    return context.Response.Body.WriteAsync(bytes).AsTask();
});
app.Run();
CS
echo "Building the bare Kestrel app ..."
dotnet build "$WORK/bare" -c Release -o "$WORK/bare/out" --nologo >"$WORK/bare.log" 2>&1 \
    || { echo "The bare app did not build:" >&2; cat "$WORK/bare.log" >&2; exit 1; }
dotnet "$WORK/bare/out/bare.dll" "$WORK/pages" --urls "http://127.0.0.1:$BARE_PORT" >>"$WORK/bare.log" 2>&1 &
SERVER_PIDS+=($!)

# --- nginx: the same files, plain, gzip_static and brotli_static ----------------------------------------------
mkdir -p "$WORK/nginx/temp"
BROTLI_LOCATION=""
BROTLI_LOAD=""
if [[ -f "$BROTLI_MODULE" ]]; then
    BROTLI_LOAD="load_module $BROTLI_MODULE;"
    BROTLI_LOCATION="location /brotli/ { alias $WORK/pages/; brotli_static on; gzip_static on; }"
fi
NGINX_USER=""
[[ "$(id -u)" -eq 0 ]] && NGINX_USER="user root root;"
cat >"$WORK/nginx/nginx.conf" <<NGINX
$BROTLI_LOAD
$NGINX_USER
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    types { text/html html; }
    default_type text/html;
    charset utf-8;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    open_file_cache max=100;
    gzip_vary on;
    client_body_temp_path $WORK/nginx/temp/body;
    proxy_temp_path $WORK/nginx/temp/proxy;
    fastcgi_temp_path $WORK/nginx/temp/fastcgi;
    uwsgi_temp_path $WORK/nginx/temp/uwsgi;
    scgi_temp_path $WORK/nginx/temp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /plain/ { alias $WORK/pages/; }
        location /gzip/ { alias $WORK/pages/; gzip_static on; }
        $BROTLI_LOCATION
    }
}
NGINX
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" 2>>"$WORK/nginx/error.log" &
SERVER_PIDS+=($!)
FIRST="$(name_of "${PAGES%% *}")"
wait_for "http://127.0.0.1:$BARE_PORT/$FIRST" "$WORK/bare.log"
wait_for "http://127.0.0.1:$NGINX_PORT/plain/$FIRST.html" "$WORK/nginx/error.log"

# --- Targets: "label|URL|Accept-Encoding|the encoding it must answer with" -------------------------------------
targets_for() {
    local page="$1" name
    name="$(name_of "$1")"
    echo "app, no compression asked|$BASE$page||"
    echo "bare Kestrel, no compression asked|http://127.0.0.1:$BARE_PORT/$name||"
    echo "app, browser Accept-Encoding (br)|$BASE$page|$BROWSER|br"
    echo "nginx gzip_static|http://127.0.0.1:$NGINX_PORT/gzip/$name.html|$BROWSER|gzip"
    if [[ "$2" == all ]]; then
        echo "nginx, plain file|http://127.0.0.1:$NGINX_PORT/plain/$name.html||"
        echo "app, gzip only asked|$BASE$page|gzip|gzip"
        echo "bare Kestrel, browser Accept-Encoding (br)|http://127.0.0.1:$BARE_PORT/$name|$BROWSER|br"
        if [[ -n "$BROTLI_LOCATION" ]]; then
            echo "nginx brotli_static|http://127.0.0.1:$NGINX_PORT/brotli/$name.html|$BROWSER|br"
        fi
    fi
}

# Every target must answer 200 with the page's bytes in the encoding expected.
check() {
    local url="$1" accept="$2" encoding="$3" plain="$4" headers="$WORK/check.headers" body="$WORK/check.body"
    curl -fs -D "$headers" -o "$body" ${accept:+-H "Accept-Encoding: $accept"} "$url" || { echo "$url did not answer 200" >&2; exit 1; }
    local sent
    sent="$(awk -F': ' 'tolower($1) == "content-encoding" {gsub(/\r/, "", $2); print $2}' "$headers")"
    [[ "$sent" == "$encoding" ]] || { echo "$url answered Content-Encoding '$sent', expected '$encoding'" >&2; exit 1; }
    case "$encoding" in
        br) brotli -dc "$body" | cmp -s - "$plain" ;;
        gzip) gzip -dc "$body" | cmp -s - "$plain" ;;
        *) cmp -s "$body" "$plain" ;;
    esac || { echo "$url sent other bytes than the app's page" >&2; exit 1; }
}

wrk_run() {
    local url="$1" accept="$2" seconds="$3"
    wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency ${accept:+-H "Accept-Encoding: $accept"} "$url"
}

RESULTS="$WORK/results.tsv"   # page, label, run, req/s, p50, p99, errors
: >"$RESULTS"
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else printf "%.2f", v * 1000 }'; }

first=all
for page in $PAGES; do
    plain="$WORK/pages/$(name_of "$page").html"
    mapfile -t targets < <(targets_for "$page" "$first")
    warmup="$WARMUP"
    [[ "$first" == all ]] || warmup="$PAGE_WARMUP"
    for target in "${targets[@]}"; do
        IFS='|' read -r label url accept encoding <<<"$target"
        check "$url" "$accept" "$encoding" "$plain"
        wrk_run "$url" "$accept" "$warmup" >/dev/null
    done
    for run in $(seq 1 "$RUNS"); do
        for target in "${targets[@]}"; do
            IFS='|' read -r label url accept encoding <<<"$target"
            out="$(wrk_run "$url" "$accept" "$DURATION")"
            rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
            p50="$(to_ms "$(awk '/^ +50%/ {print $2; exit}' <<<"$out")")"
            p99="$(to_ms "$(awk '/^ +99%/ {print $2; exit}' <<<"$out")")"
            errors="$(awk '/Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} /Non-2xx/ {n += $NF} END {print n + 0}' <<<"$out")"
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$page" "$label" "$run" "$rps" "$p50" "$p99" "$errors" >>"$RESULTS"
            printf '%-30s %-44s run %s: %10s req/s  p50 %6s ms  p99 %6s ms  errors %s\n' "$page" "$label" "$run" "$rps" "$p50" "$p99" "$errors"
        done
    done
    first=some
done

APP_RSS="$(rss_mb "$APP_PID")"
BARE_RSS="$(rss_mb "${SERVER_PIDS[0]}")"

echo
echo "Machine: $(describe_machine); nginx $(nginx -v 2>&1 | sed 's/.*\///')"
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency, $RUNS rounds of every target in turn, after a ${WARMUP} s warm-up each (${PAGE_WARMUP} s for later pages)"
[[ -n "$BROTLI_LOCATION" ]] || echo "nginx has no Brotli module here (libnginx-mod-http-brotli-static): only gzip_static is measured"
echo "Browser Accept-Encoding: '$BROWSER'. Medians of the runs:"
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
stat() { awk -F'\t' -v p="$1" -v l="$2" -v c="$3" '$1 == p && $2 == l {print $c}' "$RESULTS"; }
printf '%-30s %-44s %10s %9s %9s %7s\n' "page" "target" "req/s" "p50 ms" "p99 ms" "errors"
failed=0
for page in $PAGES; do
    while IFS= read -r label; do
        printf '%-30s %-44s %10s %9s %9s %7s\n' "$page" "$label" "$(stat "$page" "$label" 4 | median)" \
            "$(stat "$page" "$label" 5 | median)" "$(stat "$page" "$label" 6 | median)" "$(stat "$page" "$label" 7 | awk '{n += $1} END {print n + 0}')"
    done < <(awk -F'\t' -v p="$page" '$1 == p && !seen[$2]++ {print $2}' "$RESULTS")
done
echo
ratio() {
    local page="$1" of="$2" to="$3" target="$4" a b
    a="$(stat "$page" "$of" 4 | median)"; b="$(stat "$page" "$to" 4 | median)"
    [[ -n "$a" && -n "$b" ]] || return 0
    awk -v a="$a" -v b="$b" -v t="$target" -v p="$page" -v o="$of" -v n="$to" 'BEGIN {
        r = a / b; verdict = (t == "") ? "" : (r >= t ? sprintf("  (target >= %s: met)", t) : sprintf("  (target >= %s: NOT met)", t));
        printf "%-30s %-44s / %-36s = %.2f%s\n", p, o, n, r, verdict; exit (t != "" && r < t) }' || failed=1
}
for page in $PAGES; do
    ratio "$page" "app, browser Accept-Encoding (br)" "nginx gzip_static" 0.5
    ratio "$page" "app, no compression asked" "bare Kestrel, no compression asked" 0.7
    ratio "$page" "app, gzip only asked" "nginx gzip_static" ""
    ratio "$page" "app, browser Accept-Encoding (br)" "nginx brotli_static" ""
    ratio "$page" "app, browser Accept-Encoding (br)" "bare Kestrel, browser Accept-Encoding (br)" ""
done
echo
for page in $PAGES; do
    for label in "app, no compression asked" "app, browser Accept-Encoding (br)" "app, gzip only asked"; do
        p99="$(stat "$page" "$label" 6 | median)"
        [[ -n "$p99" ]] || continue
        awk -v p="$p99" 'BEGIN { exit !(p >= 10) }' && { echo "p99 $p99 ms >= 10 ms: $page, $label"; failed=1; }
    done
done
total_errors="$(awk -F'\t' '{n += $7} END {print n + 0}' "$RESULTS")"
echo "Errors (socket errors and non-2xx responses) over all runs: $total_errors"
[[ "$total_errors" -eq 0 ]] || failed=1
echo "Page sizes (plain / Brotli / gzip bytes): $(for page in $PAGES; do f="$WORK/pages/$(name_of "$page").html"; printf '%s %s/%s/%s  ' "$page" "$(wc -c <"$f")" "$(wc -c <"$f.br")" "$(wc -c <"$f.gz")"; done)"
echo "Resident memory after the runs: app $APP_RSS MB${APP_ENV:+ (with $APP_ENV)}, bare Kestrel app $BARE_RSS MB"
if [[ "$failed" -eq 0 ]]; then echo "All targets met."; else echo "Some targets were not met."; fi
exit "$failed"
