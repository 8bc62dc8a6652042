#!/usr/bin/env python3
"""Helpers of bench/deadline-day.sh (the editor model is in bench/lua/editor.lua).

  prepare BASE ADMIN_TOKEN EDITORS OUT        sign in every editor of every generated agency with a draft (an API token
                                              for the autosaves, a cookie for the pages) and its coordinator and
                                              executive; writes OUT/agents/agent-<i>.in (editor.lua), OUT/verify.tsv
                                              (save_check.py's agent lines) and OUT/coordinators.tsv
  ceiling CBASE COUNT OUT                     the same files for the ceiling app: COUNT editors, one row each
  submit BASE COORDINATORS STOP AT WINDOW GRACE
                                              the coordinators submit and their executives approve: agency i tells its
                                              editors to stop (a file in STOP) at AT + i*WINDOW/n seconds from now and
                                              submits GRACE seconds later (after the last autosave in flight); prints
                                              one line per agency and the totals
  latency LOGDIR...                           save and page p50/p95/p99, counts and non-2xx from the editors' logs
  timeline LOGDIR [STEP]                      the same per STEP seconds of the run (60): where the latency was
  verify VERIFY_TSV LOGDIR BASE               every acknowledged save is stored (save_check.py's verify)
"""
import concurrent.futures, http.cookiejar, json, os, re, sys, threading, time, urllib.error, urllib.parse, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import save_check  # noqa: E402

PASSWORD = os.environ.get("BENCH_PASSWORD", "Demo-pass-2026")


def call(base, path, token=None, body=None, method=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
                                     headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.headers, response.read().decode()


def token(base, email):
    try:
        return json.loads(call(base, "/api/v1/auth/token", body={"email": email, "password": PASSWORD})[2])["token"]
    except urllib.error.HTTPError:
        return None


def cookie(base, email):
    """Signs in through the page, as a browser does; returns "pmqa.auth=…"."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base + "/account/login", timeout=60).read().decode()
    anti = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]*)"', form).group(1)
    data = urllib.parse.urlencode({"Input.Email": email, "Input.Password": PASSWORD, "__RequestVerificationToken": anti}).encode()
    opener.open(base + "/account/login", data=data, timeout=60).read()
    found = [c for c in jar if c.name == "pmqa.auth"]
    if not found:
        raise SystemExit(f"no sign-in cookie for {email}")
    return f"pmqa.auth={found[0].value}"


def prepare(base, admin, editors, out):
    editors = int(editors)
    os.makedirs(f"{out}/agents", exist_ok=True)
    orgs, page = [], 1
    while True:
        items = json.loads(call(base, f"/api/v1/organizations?page={page}", admin)[2])["items"]
        if not items:
            break
        orgs, page = orgs + items, page + 1
    drafts = []
    for org in orgs:
        for a in json.loads(call(base, f"/api/v1/organizations/{org['id']}/assessments", admin)[2]):
            if a["state"] == "draft":
                drafts.append((a["id"], org["code"].lower()))

    def agency(item):
        assessment, code = item
        domain = f"{code}.demo.go.th"
        coordinator = token(base, f"coordinator@{domain}")
        if coordinator is None:
            return None  # an organisation the generator did not make people for (an empty draft of the round)
        executive = token(base, f"executive@{domain}")
        people = [(f"coordinator@{domain}", coordinator, "1.1")]
        for k in range(2, editors + 1):
            email = f"editor{k}@{domain}"
            people.append((email, token(base, email), f"{k}.1"))
        rows = []
        for email, bearer, issue in people:
            if bearer is None:
                raise SystemExit(f"{email} cannot sign in: generate with --editors {editors}")
            path = f"/api/v1/assessments/{assessment}/issues/{issue}"
            etag = call(base, path, bearer)[1].get("ETag")
            pages = f"/assessments/{assessment} /assessments/{assessment}/issues/{issue}"
            rows.append((path, f"Bearer {bearer}", etag, "product", issue, cookie(base, email), pages, assessment))
        return assessment, coordinator, executive, rows

    started = time.monotonic()
    # Four at a time: each sign-in hashes a password (PBKDF2), which is the server's CPU, not the client's.
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        agencies = [a for a in pool.map(agency, drafts) if a is not None]
    write_agents(out, [row for a in agencies for row in a[3]])
    with open(f"{out}/coordinators.tsv", "w") as f:
        for assessment, coordinator, executive, _ in agencies:
            f.write(f"{assessment}\t{coordinator}\t{executive}\n")
    print(f"{len(agencies)} agencies, {len(agencies) * editors} editors signed in ({time.monotonic() - started:.0f} s)")


def write_agents(out, rows):
    os.makedirs(f"{out}/agents", exist_ok=True)
    with open(f"{out}/verify.tsv", "w") as v:
        for i, row in enumerate(rows, start=1):
            with open(f"{out}/agents/agent-{i}.in", "w") as f:
                f.write("\t".join(row) + "\n")
            v.write("\t".join(row[:4]) + "\n")


def ceiling(cbase, count, out):
    rows = []
    for i in range(1, int(count) + 1):
        etag = call(cbase, f"/rows/{i}")[1].get("ETag")
        rows.append((f"/rows/{i}", "", etag, "ceiling", "c", "", "/rows", ""))
    write_agents(out, rows)


def submit(base, coordinators, stop, at, window, grace):
    at, window, grace = float(at), float(window), float(grace)
    agencies = [line.split("\t") for line in open(coordinators).read().splitlines()]
    start = time.monotonic()
    results, lock = [], threading.Lock()

    def one(i, assessment, coordinator, executive):
        time.sleep(max(0.0, start + at + i * window / len(agencies) - time.monotonic()))
        open(os.path.join(stop, assessment), "w").close()  # "stop editing, I am submitting"
        time.sleep(grace)
        outcome = []
        for path, who, body in ((f"/api/v1/assessments/{assessment}/submit", coordinator, {}),
                                (f"/api/v1/assessments/{assessment}/approve", executive,
                                 {"name": "ผู้บริหารทดสอบ", "position": "อธิบดี"})):
            t = time.monotonic()
            try:
                status = call(base, path, who, body, "POST")[0]
            except urllib.error.HTTPError as e:
                status = e.code
                print(f"{assessment} {path.rsplit('/', 1)[1]}: {status} {e.read().decode()[:300]}", flush=True)
            outcome.append((status, (time.monotonic() - t) * 1000, time.monotonic() - start))
            if status != 200:
                break
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=one, args=(i, *a)) for i, a in enumerate(agencies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    submitted = [r for r in results if r[0][0] == 200]
    approved = [r for r in results if len(r) == 2 and r[1][0] == 200]
    times = [r[0][2] for r in results]
    submit_ms = sorted(r[0][1] for r in results)
    approve_ms = sorted(r[1][1] for r in results if len(r) == 2)
    print(f"SUBMIT agencies={len(agencies)} submitted={len(submitted)} approved={len(approved)} "
          f"first_at={min(times):.1f}s last_at={max(times):.1f}s span={max(times) - min(times):.1f}s "
          f"submit_p95={pct(submit_ms, 95):.1f}ms approve_p95={pct(approve_ms, 95):.1f}ms "
          f"submit_max={max(submit_ms):.1f}ms approve_max={max(approve_ms or [0]):.1f}ms")


def pct(values, p):
    if not values:
        return 0.0
    return values[min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1)]


def latency(*logdirs):
    by = {"save": [], "page": []}
    bad = {"save": {}, "page": {}}
    for logdir in logdirs:
        for name in os.listdir(logdir):
            if not name.startswith("agent-") or not name.endswith(".log"):
                continue
            for line in open(os.path.join(logdir, name)):
                if line.startswith("LAT\t"):
                    _, what, status, ms, *_ = line.rstrip("\n").split("\t")
                    by[what].append(float(ms))
                    if not status.startswith("2"):
                        bad[what][status] = bad[what].get(status, 0) + 1
    for what, values in by.items():
        values.sort()
        non2xx = sum(bad[what].values())
        print(f"LATENCY {what} count={len(values)} p50={pct(values, 50):.1f} p95={pct(values, 95):.1f} "
              f"p99={pct(values, 99):.1f} max={(values or [0])[-1]:.1f} non2xx={non2xx} {bad[what] or ''}")


def timeline(logdir, step="60"):
    step, rows = int(step), {}
    for name in os.listdir(logdir):
        if name.startswith("agent-") and name.endswith(".log"):
            for line in open(os.path.join(logdir, name)):
                if line.startswith("LAT\t"):
                    _, what, _, ms, second = line.rstrip("\n").split("\t")
                    rows.setdefault((int(float(second)) // step, what), []).append(float(ms))
    for (slot, what), values in sorted(rows.items()):
        values.sort()
        print(f"TIMELINE {slot * step:>4}-{(slot + 1) * step:<4}s {what} count={len(values)} p50={pct(values, 50):.1f} "
              f"p95={pct(values, 95):.1f} p99={pct(values, 99):.1f}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "prepare":
        prepare(*args)
    elif command == "ceiling":
        ceiling(*args)
    elif command == "submit":
        submit(*args)
    elif command == "latency":
        latency(*args)
    elif command == "timeline":
        timeline(*args)
    elif command == "verify":
        save_check.verify(*args)
