#!/usr/bin/env bash
# Two application instances behind nginx on loopback (issue 13, ADR 0029, docs/reliability.md), proven under load:
#   1. a durable PostgreSQL of its own (fsync on, port 55447) with a small generated data set, one evidence folder,
#      an SMTP sink (bench/smtp_sink.py) that writes a line per mail received;
#   2. instances A and B (Release) on two loopback ports, sharing the database and the evidence folder;
#      nginx (Debian's package; installed when missing and root) round-robin in front, forwarded headers on;
#   3. proves: nginx reaches both; a sign-in through nginx is a session on A and on B directly; a file uploaded
#      through A downloads through B byte for byte; 200 outbox messages are mailed once each by the two senders;
#   4. under wrk load through nginx (reads) and a loop of uploads through nginx (writes), kill -9 B mid-run: no read
#      fails, every acknowledged upload downloads afterwards with its hash, and 100 more outbox messages are mailed
#      once each by A alone.
# Prints figures and PASS/FAIL per check; exits non-zero on any failure.
# Usage: bench/two-instances.sh [seconds=20] [organisations=12]   (as root, or a user that can run initdb and nginx)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds=${1:-20}
organisations=${2:-12}
for tool in nginx wrk; do
  command -v "$tool" >/dev/null || command -v "/usr/sbin/$tool" >/dev/null && continue
  ((EUID == 0)) || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$tool" >/dev/null
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
bench_init src/Pmqa.Web bench/Pmqa.DataGenerator
app_dll=$repo/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll
failed=0
check() { if eval "$2"; then echo "  PASS  $1"; else echo "  FAIL  $1"; failed=1; fi; }
port() { echo $((20000 + RANDOM % 30000)); }
a_port=$(port); b_port=$(port); lb_port=$(port); smtp_port=$(port); pg_port=55447
lb=http://127.0.0.1:$lb_port a=http://127.0.0.1:$a_port b=http://127.0.0.1:$b_port
email=two@opdc.go.th password=Two-instances-2026

# 1. PostgreSQL, data, SMTP sink.
mkdir -p "$work/blobs"
start_pg "$pg_port" fsync=on synchronous_commit=on max_connections=300
export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PGDATABASE=pmqa_two
export Database__Provider=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=pmqa_two"
export Storage__Path=$work/blobs ForwardedHeaders__KnownProxies=127.0.0.1 Security__CookieSecurePolicy=SameAsRequest
export Smtp__Host=127.0.0.1 Smtp__Port=$smtp_port Smtp__PollSeconds=1 RateLimiting__SignInPermitsPerMinute=100
(cd "$work" && Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password \
  dotnet "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations "$organisations" \
  --evidence-per-assessment 1 >"$work/generator.log" 2>&1)
python3 "$repo/bench/smtp_sink.py" "$smtp_port" "$work/mails" 0.01 & pids+=($!)

# 2. Two instances (A migrates; B starts on the migrated database) and nginx.
(cd "$work" && exec dotnet "$app_dll" --urls "$a" >"$work/a.log" 2>&1) & a_pid=$!; pids+=("$a_pid")
wait_for "$a/health"
(cd "$work" && Database__MigrateOnStartup=false exec dotnet "$app_dll" --urls "$b" >"$work/b.log" 2>&1) & b_pid=$!; pids+=("$b_pid")
wait_for "$b/health"
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"; chmod 777 "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<CONF
# The upstream and proxy settings of deploy/nginx/pmqa.conf, on loopback without TLS.
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log $work/nginx/logs/access.log;
  client_body_temp_path $work/nginx/tmp/body; proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi; uwsgi_temp_path $work/nginx/tmp/uwsgi; scgi_temp_path $work/nginx/tmp/scgi;
  upstream pmqa {
    server 127.0.0.1:$a_port max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$b_port max_fails=1 fail_timeout=10s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$lb_port;
    client_max_body_size 30m;
    client_body_buffer_size 128k;
    proxy_next_upstream error timeout http_502 http_503 http_504;
    proxy_next_upstream_tries 2;
    proxy_connect_timeout 2s;
    proxy_read_timeout 120s;
    location / {
      proxy_pass http://pmqa;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)
wait_for "$lb/health"

echo "# $(date -u +%FT%TZ) · $(nproc) cores · $organisations organisations · $seconds s of load · $(git rev-parse --short HEAD) · $("$nginx_bin" -v 2>&1)"
upstreams=$(for _ in $(seq 1 10); do curl -s -D - -o /dev/null "$lb/health" | tr -d '\r' | sed -n 's/^X-Upstream: //Ip'; done | sort -u | wc -l)
check "nginx spreads requests over both instances ($upstreams upstreams answered 10 requests)" "((upstreams == 2))"

# 3a. Sign in through nginx; the cookie is a session on A and on B.
jar=$work/cookies
form_token() { sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1; }
token=$(curl -s -c "$jar" -b "$jar" "$lb/account/login" | form_token)
signin=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Input.Email=$email" \
  --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$lb/account/login")
on_a=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$a/notifications")
on_b=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$b/notifications")
anonymous=$(curl -s -o /dev/null -w '%{http_code}' "$b/notifications")
check "sign-in through nginx ($signin), then /notifications on A: $on_a, on B: $on_b (without the cookie: $anonymous)" \
  "[[ $signin == 302 && $on_a == 200 && $on_b == 200 && $anonymous == 302 ]]"
keys=$(psql -X -At -c 'SELECT COUNT(*) FROM "DataProtectionKeys"')
check "one data-protection key ring in the database ($keys keys), none on disk" "((keys >= 1))"

# 3b. Upload through A, download through B.
# A draft assessment of a generated organisation (it has a coordinator), read from the database.
read -r assessment code < <(psql -X -At -F ' ' -c "SELECT a.\"Id\", lower(o.\"Code\") FROM \"Assessments\" a
  JOIN \"Organizations\" o ON o.\"Id\" = a.\"OrganizationId\" JOIN \"AspNetUsers\" u ON u.\"Email\" = 'coordinator@' || lower(o.\"Code\") || '.demo.go.th'
  WHERE a.\"State\" = 'Draft' ORDER BY o.\"Code\" LIMIT 1")
coordinator=$(api_token "$a" "coordinator@$code.demo.go.th" Demo-pass-2026)
pdf() { printf '%%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%% two instances %s %s\n%%%%EOF\n' "$2" "$RANDOM$RANDOM$RANDOM" >"$1"; }
upload() { # <base> <file> <name> → "<status> <evidence id>"
  local body status
  body=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $coordinator" \
    -F "file=@$2;type=application/pdf;filename=$3" -F issueCodes=1.1 "$1/api/v1/assessments/$assessment/evidence")
  status=${body##*$'\n'}; body=${body%$'\n'*}
  echo "$status $(sed -nE 's/^\{"id":"([0-9a-f-]+)".*/\1/p' <<<"$body")"
}
downloaded_sha() { curl -sf -H "Authorization: Bearer $coordinator" "$1/api/v1/assessments/$assessment/evidence/$2" | sha256sum | cut -c1-64; }
pdf "$work/one.pdf" one
read -r status id < <(upload "$a" "$work/one.pdf" through-a.pdf)
sent_sha=$(sha256sum "$work/one.pdf" | cut -c1-64)
got_sha=$(downloaded_sha "$b" "$id" || true)
check "a file uploaded through A (HTTP $status) downloads through B with the same SHA-256" "[[ $status == 201 && -n '$id' && '$got_sha' == '$sent_sha' ]]"

# 3c. The outbox with two senders: each message mailed once.
outbox() { # <count> <prefix>: pending messages, as changes would have written them
  psql -X -q -c "INSERT INTO \"Outbox\" (\"Id\", \"To\", \"Subject\", \"Body\", \"CreatedAt\", \"Attempts\", \"NextAttemptAt\")
    SELECT gen_random_uuid(), '$2-' || i || '@drill.go.th', 'drill $2 ' || i, 'two instances', now(), 0, now() FROM generate_series(1, $1) i"
}
drained() { # <prefix>: waits until no message of the prefix is unsent (60 s at most)
  for _ in $(seq 1 120); do
    [[ $(psql -X -At -c "SELECT COUNT(*) FROM \"Outbox\" WHERE \"To\" LIKE '$1-%' AND \"SentAt\" IS NULL") == 0 ]] && return 0; sleep 0.5
  done; return 1
}
mails() { grep -c "^$1-" "$work/mails" 2>/dev/null || echo 0; }
distinct() { grep "^$1-" "$work/mails" 2>/dev/null | cut -f1 | sort -u | wc -l; }
sent_by() { curl -s "$1/metrics" | awk '/^pmqa_outbox_sent/ { s += $NF } END { print s + 0 }'; }
outbox 200 both
started=$(date +%s%N); drained both || true; took=$(( ($(date +%s%N) - started) / 1000000 ))
both_mails=$(mails both) both_distinct=$(distinct both) sent_a=$(sent_by "$a") sent_b=$(sent_by "$b")
check "200 outbox messages with two senders: $both_mails mails, $both_distinct distinct, in $took ms (A sent $sent_a, B sent $sent_b)" \
  "((both_mails == 200 && both_distinct == 200))"

# 4. Load through nginx, B killed with SIGKILL a third of the way in.
: >"$work/acks"
(i=0; while [[ ! -e $work/stop ]]; do
   i=$((i + 1)); pdf "$work/w.pdf" "$i"; sha=$(sha256sum "$work/w.pdf" | cut -c1-64)
   read -r status id < <(upload "$lb" "$work/w.pdf" "load-$i.pdf")
   echo "$status" >>"$work/statuses"
   [[ $status == 201 ]] && echo "$id $sha" >>"$work/acks"
 done) & writer=$!; pids+=("$writer")
wrk -t2 -c16 -d"${seconds}s" --latency -H "Authorization: Bearer $coordinator" "$lb/api/v1/assessments/$assessment/evidence" >"$work/wrk.txt" 2>&1 & load=$!
sleep $((seconds / 3))
kill -9 "$b_pid"; killed_at=$(date +%T)
wait "$load" || true
touch "$work/stop"; wait "$writer" || true
requests=$(sed -nE 's/^ *([0-9]+) requests in.*/\1/p' "$work/wrk.txt")
non2xx=$(sed -nE 's/.*Non-2xx or 3xx responses: ([0-9]+).*/\1/p' "$work/wrk.txt"); non2xx=${non2xx:-0}
socket=$(sed -nE 's/.*Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+).*/\1+\2+\3+\4/p' "$work/wrk.txt"); socket=$((${socket:-0}))
rps=$(sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p' "$work/wrk.txt")
p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt"); p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
echo "  wrk through nginx, B killed at $killed_at: $requests reads, $rps/s, p50 $p50, p99 $p99, $non2xx non-2xx, $socket socket errors"
retried=$(grep -c 'while connecting to upstream\|upstream prematurely closed\|while reading response header' "$work/nginx/logs/error.log" || true)
check "no read failed while B was killed (nginx logged $retried failed attempts on B, each passed to A)" "((requests > 0 && non2xx == 0 && socket == 0))"
uploads=$(wc -l <"$work/statuses") acked=$(wc -l <"$work/acks")
lost=0; while read -r id sha; do [[ $(downloaded_sha "$lb" "$id" || true) == "$sha" ]] || lost=$((lost + 1)); done <"$work/acks"
others=$(grep -vc '^201$' "$work/statuses" || true)
echo "  uploads through nginx during the kill: $uploads, acknowledged $acked, not acknowledged $others ($(grep -v '^201$' "$work/statuses" | sort | uniq -c | tr -s ' \n' ' '))"
check "every acknowledged upload downloads afterwards with its SHA-256 ($lost of $acked missing or different)" "((acked > 0 && lost == 0))"
orphans=$(psql -X -At -c "SELECT \"Sha256\" FROM \"Evidence\"" | while read -r sha; do [[ -f $work/blobs/${sha:0:2}/$sha ]] || echo "$sha"; done | wc -l)
check "every evidence row has its file in the shared store ($orphans without)" "((orphans == 0))"
outbox 100 after
drained after || true
after_mails=$(mails after) after_distinct=$(distinct after)
check "100 outbox messages after the kill, A alone: $after_mails mails, $after_distinct distinct" "((after_mails == 100 && after_distinct == 100))"

if ((failed)); then echo "TWO INSTANCES FAILED"; exit 1; fi
echo "TWO INSTANCES PASSED"
