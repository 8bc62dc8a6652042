#!/usr/bin/env python3
"""Helpers of the fault drills (bench/kill-drill.sh, bench/pg-restart-drill.sh, bench/store-fault-drill.sh).

  smtp PORT MAILS DELAY_MS            an SMTP sink: a message counts as delivered when its 250 goes out on a live
                                      connection (as a real mail server); one JSON line per message in MAILS
  clients BASE ADMIN_TOKEN OUT [N]    N agencies' draft assessments with a coordinator's token (lines "id<TAB>token<TAB>code")
  burst BASE CLIENTS LOGDIR STOP [UPLOADS=1]   one thread per client: chained autosaves (If-Match) and, with
                                      UPLOADS, an evidence upload every other step; every request sent and every
                                      acknowledgement logged, until the file STOP exists
  seed-outbox DB TARGET TAG COUNT     COUNT e-mails straight into the outbox table (as a committed change does)
  verify BASE CLIENTS LOGDIR          every acknowledged save is stored as acknowledged, every acknowledged upload listed
  store DB TARGET BLOBS               every evidence row has its file with the right hash and length; orphans counted
  outbox DB TARGET MAILS KILLS [WAIT] every drill e-mail sent, delivered once (at most one more per kill: ADR 0009)
  probe BASE TOKEN ASSESSMENT COOKIE OUT STOP   every 100 ms: /health, an API read and a page (Accept: text/html),
                                      one line per answer in OUT, until the file STOP exists
  uploads BASE CLIENTS EXPECT COUNT SIZE_KB   COUNT uploads of distinct PDFs; EXPECT: ok (all stored), refused (all
                                      503 with the store's bilingual title), fill (stored until the first refusal, then
                                      refused); an autosave checked between uploads (the database is not the store)
  outage OUT DOWN_AT UP_AT [MUST_SEE_UNHEALTHY=1]          the figures of a database outage from the probe's lines (times in epoch seconds)
DB is sqlite (TARGET a file) or postgres (TARGET a database; PGHOST/PGPORT/PGUSER from the environment).
Exits 1 on any failure."""
import hashlib, json, os, random, select, socket, socketserver, sqlite3, subprocess, sys, threading, time, urllib.error, urllib.request, uuid
from datetime import datetime, timezone
from email import message_from_bytes, policy


def call(base, method, path, token, body=None, headers=None, timeout=10):
    h = {"Authorization": "Bearer " + token, **(headers or {})}
    data = None
    if isinstance(body, dict):
        data, h["Content-Type"] = json.dumps(body).encode(), "application/json"
    elif isinstance(body, tuple):  # multipart: (boundary, bytes)
        data, h["Content-Type"] = body[1], "multipart/form-data; boundary=" + body[0]
    request = urllib.request.Request(base + path, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


# ---- SMTP sink -------------------------------------------------------------------------------------------------
def smtp(port, mails, delay_ms):
    lock = threading.Lock()

    class Session(socketserver.StreamRequestHandler):
        def alive(self):
            readable, _, _ = select.select([self.connection], [], [], 0)
            return not readable or self.connection.recv(1, socket.MSG_PEEK) != b""

        def handle(self):
            send = lambda line: self.wfile.write((line + "\r\n").encode())
            send("220 drill ESMTP")
            while True:
                line = self.rfile.readline()
                if not line:
                    return
                verb = line.decode(errors="replace").strip().upper()
                if verb.startswith(("EHLO", "HELO")):
                    send("250-drill"); send("250 8BITMIME")
                elif verb.startswith("DATA"):
                    send("354 go ahead")
                    data = b""
                    while True:
                        chunk = self.rfile.readline()
                        if not chunk:
                            return
                        if chunk == b".\r\n":
                            break
                        data += chunk[1:] if chunk.startswith(b"..") else chunk
                    time.sleep(delay_ms / 1000)
                    if not self.alive():
                        return  # the client died before the message was accepted: not delivered
                    send("250 accepted")
                    message = message_from_bytes(data, policy=policy.default)
                    with lock, open(mails, "a") as f:
                        f.write(json.dumps({"to": str(message["to"]), "subject": str(message["subject"]), "at": time.time()}) + "\n")
                elif verb.startswith("QUIT"):
                    send("221 bye"); return
                else:
                    send("250 ok")

    socketserver.ThreadingTCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", port), Session) as server:
        server.daemon_threads = True
        server.serve_forever()


# ---- clients ---------------------------------------------------------------------------------------------------
def clients(base, admin, out, count=8):
    get = lambda p: json.loads(call(base, "GET", p, admin)[2])
    orgs, page = [], 1
    while True:
        items = get(f"/api/v1/organizations?page={page}")["items"]
        if not items:
            break
        orgs, page = orgs + items, page + 1
    lines = []
    for org in orgs:
        for a in get(f"/api/v1/organizations/{org['id']}/assessments"):
            if a["state"] != "draft":
                continue
            request = urllib.request.Request(base + "/api/v1/auth/token", method="POST", headers={"Content-Type": "application/json"},
                data=json.dumps({"email": f"coordinator@{org['code'].lower()}.demo.go.th", "password": "Demo-pass-2026"}).encode())
            try:
                token = json.load(urllib.request.urlopen(request))["token"]
            except Exception:
                continue
            lines.append(f"{a['id']}\t{token}\t{org['code'].lower()}")
        if len(lines) >= count:
            break
    if len(lines) < count:
        sys.exit(f"only {len(lines)} agencies with a coordinator")
    open(out, "w").write("\n".join(lines[:count]) + "\n")


def read_clients(path):
    return [line.split("\t")[:2] for line in open(path).read().splitlines() if line]


def pdf(marker):
    filler = os.urandom(random.randint(8_000, 64_000)).hex()
    return f"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% {marker}\n% {filler}\n%%EOF\n".encode()


def multipart(content, name):
    boundary = "drill" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"issueCodes\"\r\n\r\n1.1\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n").encode()
    return boundary, body + content + f"\r\n--{boundary}--\r\n".encode()


def burst(base, clients_file, logdir, stop, uploads="1"):
    os.makedirs(logdir, exist_ok=True)

    def client(index, assessment, token):
        path = f"/api/v1/assessments/{assessment}/issues/1.1"
        log = open(os.path.join(logdir, f"client-{index}.log"), "w", buffering=1)
        etag = None
        n = 0
        while not os.path.exists(stop):
            n += 1
            try:
                if etag is None:
                    status, headers, _ = call(base, "GET", path, token)
                    if status != 200:
                        log.write(f"ERR\t{status}\n"); time.sleep(0.1); continue
                    etag = headers.get("ETag") or headers.get("etag")
                body = {"checked": ["1.1.B1"] if n % 2 else ["1.1.B1", "1.1.B2"],
                        "explanations": {"Basic": f"บันทึกที่ {n} ของลูกข่าย {index} {uuid.uuid4().hex[:8]}"}}
                log.write(f"SENT\t{etag}\t{json.dumps(body, ensure_ascii=False)}\n")
                status, headers, _ = call(base, "PUT", path, token, body, {"If-Match": etag})
                if status == 200:
                    etag = headers.get("ETag") or headers.get("etag")
                    log.write(f"ACK\t{etag}\t{json.dumps(body, ensure_ascii=False)}\n")
                else:
                    log.write(f"REFUSED\t{status}\n"); etag = None
                if uploads == "1" and n % 2 == 0:
                    content = pdf(f"client {index} step {n}")
                    sha = hashlib.sha256(content).hexdigest()
                    log.write(f"UPSENT\t{sha}\n")
                    status, _, answer = call(base, "POST", f"/api/v1/assessments/{assessment}/evidence", token,
                                             multipart(content, f"drill-{index}-{n}.pdf"))
                    if status in (200, 201):
                        log.write(f"UPACK\t{sha}\t{json.loads(answer)['id']}\n")
                    else:
                        log.write(f"UPREFUSED\t{status}\t{answer[:300].decode(errors='replace')}\n")
            except Exception as e:  # the application died or is restarting
                log.write(f"ERR\t{type(e).__name__}\n")
                time.sleep(0.05)

    threads = [threading.Thread(target=client, args=(i, a, t)) for i, (a, t) in enumerate(read_clients(clients_file), start=1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


# ---- checks ----------------------------------------------------------------------------------------------------
def rows(db, target, sql):
    if db == "sqlite":
        connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        return [tuple(r) for r in connection.execute(sql)]
    out = subprocess.run(["psql", "-X", "-At", "-d", target, "-c", f"SELECT json_agg(t) FROM ({sql}) t"],
                         check=True, capture_output=True, text=True).stdout.strip()
    return [tuple(r.values()) for r in json.loads(out or "null") or []]


def verify(base, clients_file, logdir):
    failures, saves, uploads, maybe = 0, 0, 0, 0
    for index, (assessment, token) in enumerate(read_clients(clients_file), start=1):
        log = os.path.join(logdir, f"client-{index}.log")
        if not os.path.exists(log):
            continue
        last_ack, last_sent, sent_after_ack, acked_uploads = None, None, False, {}
        for entry in open(log).read().splitlines():
            parts = entry.split("\t")
            if parts[0] == "SENT":
                last_sent, sent_after_ack = (parts[1], parts[2]), True
            elif parts[0] == "ACK":
                last_ack, sent_after_ack = (parts[1], parts[2]), False
                saves += 1
            elif parts[0] == "UPACK":
                acked_uploads[parts[2]] = parts[1]
        if last_ack:
            status, headers, body = call(base, "GET", f"/api/v1/assessments/{assessment}/issues/1.1", token)
            version, acked = int((headers.get("ETag") or headers.get("etag")).strip('"')), int(last_ack[0].strip('"'))
            stored = json.loads(body)
            if version == acked:
                expected = last_ack[1]
            elif version == acked + 1 and sent_after_ack and last_sent[0] == last_ack[0]:
                expected, maybe = last_sent[1], maybe + 1  # committed, but its answer never arrived: the kill came first
            else:
                print(f"client {index}: stored version {version}, last acknowledged {acked}"); failures += 1
                continue
            expected = json.loads(expected)
            if sorted(stored["checked"]) != sorted(expected["checked"]) or stored["explanations"] != expected["explanations"]:
                print(f"client {index}: stored {json.dumps(stored, ensure_ascii=False)[:200]} differs from acknowledged {expected}"); failures += 1
        if acked_uploads:
            status, _, body = call(base, "GET", f"/api/v1/assessments/{assessment}/evidence", token)
            listed = {e["id"]: e["sha256"] for e in json.loads(body)}
            for evidence_id, sha in acked_uploads.items():
                uploads += 1
                if listed.get(evidence_id) != sha:
                    print(f"client {index}: acknowledged upload {evidence_id} ({sha[:12]}) is not listed"); failures += 1
    print(f"  acknowledged saves {saves}, uploads {uploads}: last save of every client and every upload found "
          f"({maybe} unanswered save(s) committed before the kill); failures {failures}")
    return failures


def store(db, target, blobs):
    failures = 0
    evidence = rows(db, target, 'SELECT "Sha256", "Length" FROM "Evidence"')
    referenced = set()
    for sha, length in evidence:
        referenced.add(sha)
        path = os.path.join(blobs, sha[:2], sha)
        try:
            data = open(path, "rb").read()
        except FileNotFoundError:
            print(f"  evidence row points at a missing file {sha}"); failures += 1; continue
        if hashlib.sha256(data).hexdigest() != sha or len(data) != int(length):
            print(f"  file {sha} is damaged or half-written ({len(data)} bytes, row says {length})"); failures += 1
    files = [f for d in os.listdir(blobs) if len(d) == 2 for f in os.listdir(os.path.join(blobs, d))]
    orphans = len(set(files) - referenced)
    temp = len(os.listdir(os.path.join(blobs, "tmp"))) if os.path.isdir(os.path.join(blobs, "tmp")) else 0
    print(f"  evidence rows {len(evidence)}: every one has its file with the right SHA-256 and length ({failures} not); "
          f"unreferenced files {orphans}, temporary leftovers {temp} (ignored: never listed nor served, the store sweeps tmp/ after 1 h)")
    return failures


def ticks(moment):  # .NET UTC ticks, as the SQLite schema stores instants
    return int(moment.timestamp() * 10_000_000) + 621_355_968_000_000_000


def seed_outbox(db, target, tag, count):
    now = datetime.now(timezone.utc)
    values = [(str(uuid.uuid4()), f"drill{i}@example.go.th", f"[PMQA drill] {tag}-{i}", f"Drill message {tag}-{i}") for i in range(int(count))]
    if db == "sqlite":
        connection = sqlite3.connect(target, timeout=30)
        with connection:
            connection.executemany('INSERT INTO "Outbox" ("Id","To","Subject","Body","CreatedAt","Attempts","NextAttemptAt") VALUES (?,?,?,?,?,0,?)',
                                   [(i.upper(), to, s, b, ticks(now), ticks(now)) for i, to, s, b in values])
    else:
        sql = "INSERT INTO \"Outbox\" (\"Id\",\"To\",\"Subject\",\"Body\",\"CreatedAt\",\"Attempts\",\"NextAttemptAt\") VALUES " + ",".join(
            f"('{i}','{to}','{s}','{b}',now(),0,now())" for i, to, s, b in values)
        subprocess.run(["psql", "-X", "-q", "-d", target, "-c", sql], check=True)


def outbox(db, target, mails, kills, wait="150"):
    deadline, started = time.time() + int(wait), time.time()
    while True:
        drill = rows(db, target, "SELECT \"Subject\", \"SentAt\" IS NOT NULL FROM \"Outbox\" WHERE \"Subject\" LIKE '[PMQA drill]%'")
        unsent = [s for s, sent in drill if not sent]
        if not unsent or time.time() > deadline:
            break
        time.sleep(1)
    delivered = {}
    for line in open(mails).read().splitlines() if os.path.exists(mails) else []:
        subject = json.loads(line)["subject"]
        delivered[subject] = delivered.get(subject, 0) + 1
    missing = [s for s, _ in drill if s not in delivered]
    twice = sum(c - 1 for c in delivered.values() if c > 1)
    failures = len(unsent) + len(missing) + (1 if twice > int(kills) else 0)
    print(f"  outbox: {len(drill)} drill e-mails, unsent {len(unsent)} (after {time.time() - started:.0f} s), never delivered {len(missing)}, "
          f"delivered twice {twice} (allowed: at most one per kill, {kills}: the message in flight, ADR 0009)")
    return failures


# ---- evidence store faults -------------------------------------------------------------------------------------
STORE_TITLE = "ที่เก็บไฟล์หลักฐานไม่พร้อมใช้งาน"


def uploads(base, clients_file, expect, count, size_kb):
    assessment, token = read_clients(clients_file)[0]
    stored, refused, other, saves_ok = 0, 0, [], 0
    for i in range(int(count)):
        content = pdf(f"store {expect} {i} {uuid.uuid4().hex}") + os.urandom(int(size_kb) * 1024 // 2).hex().encode()[: int(size_kb) * 1024]
        status, headers, body = call(base, "POST", f"/api/v1/assessments/{assessment}/evidence", token,
                                     multipart(content, f"store-{i}.pdf"), {"Accept-Language": "th"})
        if status == 201:
            stored += 1  # after a refusal too, when a smaller file still fits: the refused one's partial file was removed
        elif status == 503 and "Retry-After" in headers and json.loads(body).get("title") == STORE_TITLE:
            refused += 1
        else:
            other.append(f"{status} {body[:160].decode(errors='replace')}")
        # An autosave between uploads: the database keeps working whatever the store does.
        path = f"/api/v1/assessments/{assessment}/issues/1.1"
        _, h, _ = call(base, "GET", path, token)
        status, _, _ = call(base, "PUT", path, token, {"checked": ["1.1.B1"], "explanations": {"Basic": f"ระหว่างที่เก็บไฟล์{expect} {i}"}},
                            {"If-Match": h.get("ETag") or h.get("etag")})
        saves_ok += status == 200
    good = {"ok": stored == int(count), "refused": refused == int(count), "fill": stored > 0 and refused > 0}[expect] and not other
    print(f"  {expect}: {stored} stored, {refused} refused with 503 \"{STORE_TITLE}\" and Retry-After, {len(other)} other answers"
          f"{' ' + '; '.join(other[:3]) if other else ''}; autosaves in between {saves_ok}/{count}")
    return 0 if good and saves_ok == int(count) else 1


# ---- outage probe ----------------------------------------------------------------------------------------------
CLEAR_TITLES = ("ระบบขัดข้องชั่วคราว กรุณาลองใหม่", "ระบบไม่ว่างชั่วคราว")


def probe(base, token, assessment, cookie, out, stop):
    log = open(out, "w", buffering=1)

    def one(kind, path, headers):
        request = urllib.request.Request(base + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=5) as r:
                status, body, h = r.status, r.read(), dict(r.headers)
        except urllib.error.HTTPError as e:
            status, body, h = e.code, e.read(), dict(e.headers)
        except Exception as e:
            log.write(f"{time.time():.3f}\t{kind}\t0\tno-answer\t{type(e).__name__}\n"); return
        text = body.decode(errors="replace")
        if status == 200:
            verdict = "ok"
        elif kind == "health":
            verdict = "clear" if status == 503 and '"Unhealthy"' in text else "unclear"
        elif kind == "api":
            title = json.loads(text).get("title", "") if h.get("Content-Type", "").startswith("application/problem+json") else ""
            verdict = "clear" if status == 503 and "Retry-After" in h and title in CLEAR_TITLES else "unclear"
        else:
            verdict = "clear" if status == 503 and "Retry-After" in h and any(t.split()[0] in text for t in CLEAR_TITLES) and "Exception" not in text else "unclear"
        log.write(f"{time.time():.3f}\t{kind}\t{status}\t{verdict}\t{text[:120].replace(chr(9), ' ').replace(chr(10), ' ')}\n")

    while not os.path.exists(stop):
        one("health", "/health", {})
        one("api", f"/api/v1/assessments/{assessment}/issues/1.1", {"Authorization": "Bearer " + token, "Accept-Language": "th"})
        one("page", f"/assessments/{assessment}", {"Cookie": cookie, "Accept": "text/html"})
        time.sleep(0.1)


def outage(out, down_at, up_at, must_see_unhealthy="1"):
    down_at, up_at = float(down_at), float(up_at)
    lines = [l.split("\t") for l in open(out).read().splitlines()]
    answers = [(float(t), kind, int(status), verdict) for t, kind, status, verdict, *_ in lines]
    failing = [a for a in answers if a[3] != "ok" and a[0] >= down_at - 1]
    unclear = [a for a in answers if a[3] in ("unclear", "no-answer")]
    back = {}
    for kind in ("health", "api", "page"):
        bad = [a[0] for a in failing if a[1] == kind]
        good_after = [a[0] for a in answers if a[1] == kind and a[3] == "ok" and a[0] > (max(bad) if bad else down_at)]
        back[kind] = max(0.0, good_after[0] - up_at) if good_after else None  # 0: it never failed
    by_kind = lambda kind, verdict: sum(1 for a in failing if a[1] == kind and a[3] == verdict)
    print(f"  PostgreSQL down from restart to accepting again: {up_at - down_at:.1f} s; "
          f"answers during the outage: health 503 Unhealthy {by_kind('health', 'clear')}, API 503 problem {by_kind('api', 'clear')}, "
          f"page 503 friendly {by_kind('page', 'clear')}; unclear (500, stack trace, no answer) {len(unclear)}")
    for a in unclear[:5]:
        print(f"    unclear: {a}")
    recovered = all(v is not None and v <= 10 for v in back.values())
    print("  answering successfully again, seconds after PostgreSQL accepted connections: " +
          ", ".join(f"{k} {v:.1f}" if v is not None else f"{k} never" for k, v in back.items()) + " (target <= 10 s, no restart of the application)")
    # A plain restart can be over between two looks; a longer outage must show.
    saw_unhealthy = by_kind("health", "clear") > 0 or must_see_unhealthy != "1"
    if not saw_unhealthy:
        print("  /health never answered Unhealthy during the outage")
    return (0 if recovered else 1) + (1 if unclear else 0) + (0 if saw_unhealthy else 1)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "smtp":
        smtp(int(args[0]), args[1], int(args[2]))
    elif command == "clients":
        clients(args[0], args[1], args[2], int(args[3]) if len(args) > 3 else 8)
    elif command == "burst":
        burst(*args)
    elif command == "seed-outbox":
        seed_outbox(*args)
    elif command == "probe":
        probe(*args)
    else:
        sys.exit(1 if {"verify": verify, "store": store, "outbox": outbox, "outage": outage, "uploads": uploads}[command](*args) else 0)
