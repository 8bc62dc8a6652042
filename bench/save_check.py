#!/usr/bin/env python3
"""Helpers of bench/save-load.sh.

  agents OUT BASE KIND COUNT [TOKENS]   write COUNT agents (path, authorization, current ETag, kind) for save.lua;
                                        product agents come from TOKENS (lines "assessmentId<TAB>token")
  verify AGENTS LOGDIR BASE             prove every acknowledged save is stored exactly as sent (exit 1 if not)
  cpu PID                               the process's user + system CPU time in milliseconds
  report RESULTS                        the table: product beside ceiling, with the ratio
"""
import json, os, sys, urllib.request


def get(base, path, auth):
    request = urllib.request.Request(base + path, headers={"Authorization": auth} if auth else {})
    with urllib.request.urlopen(request) as response:
        return response.headers.get("ETag"), response.read().decode()


def agents(out, base, kind, count, tokens=None):
    lines = []
    if kind == "ceiling":
        for i in range(1, count + 1):
            etag, _ = get(base, f"/rows/{i}", "")
            lines.append(f"/rows/{i}\t\t{etag}\tceiling")
    else:
        for row in list(open(tokens))[:count]:
            assessment, token = row.split()
            path, auth = f"/api/v1/assessments/{assessment}/issues/1.1", f"Bearer {token}"
            etag, _ = get(base, path, auth)
            lines.append(f"{path}\t{auth}\t{etag}\tproduct")
    if len(lines) < count:
        sys.exit(f"only {len(lines)} agents for {count} connections")
    open(out, "w").write("\n".join(lines) + "\n")


def stored_matches(kind, sent, body):
    sent = json.loads(sent)
    if kind == "ceiling":
        return json.loads(body) == sent
    view = json.loads(body)
    return sorted(view["checked"]) == sorted(sent["checked"]) and view["explanations"] == sent["explanations"]


def verify(agents_file, logdir, base):
    failures, acknowledged = 0, 0
    for index, line in enumerate(open(agents_file).read().splitlines(), start=1):
        path, auth, _, kind = line.split("\t")
        log = os.path.join(logdir, f"agent-{index}.log")
        if not os.path.exists(log):
            continue
        last_ack, last_sent, acks = None, None, []
        for entry in open(log).read().splitlines():
            what, tag, body = entry.split("\t", 2)
            if what == "SENT":
                last_sent = (tag, body)
            elif what == "ACK":
                last_ack = (tag, body)
                acks.append(int(tag.strip('"')))
        acknowledged += len(acks)
        # Versions acknowledged on one connection follow each other: no acknowledged save was lost in between.
        if any(b != a + 1 for a, b in zip(acks, acks[1:])):
            print(f"agent {index}: acknowledged versions not consecutive"); failures += 1
        if last_ack is None:
            continue
        etag, body = get(base, path, auth)
        version, acked_version = int(etag.strip('"')), int(last_ack[0].strip('"'))
        if version == acked_version:
            expected = last_ack[1]
        elif version == acked_version + 1 and last_sent and last_sent[0] == last_ack[0]:
            expected = last_sent[1]  # the last request was committed but its answer came after wrk stopped
        else:
            print(f"agent {index}: stored version {version}, last acknowledged {acked_version}"); failures += 1
            continue
        if not stored_matches(kind, expected, body):
            print(f"agent {index}: stored {body[:200]} differs from the acknowledged {expected}"); failures += 1
    print(f"verified: {acknowledged} acknowledged saves, {failures} failures")
    sys.exit(1 if failures else 0)


def cpu(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of the whole line)
    print(ticks * 1000 // os.sysconf("SC_CLK_TCK"))


def report(results):
    rows = []
    for line in open(results).read().splitlines():
        db, what, side, conns, cpu_ms, *pairs = line.split("\t")
        figures = dict(p.split("=") for p in pairs)
        seconds = int(figures["duration_us"]) / 1e6
        rps = int(figures["requests"]) / seconds
        rows.append((db, what, side, int(conns), rps, float(figures["p50"]), float(figures["p95"]), float(figures["p99"]),
                     int(cpu_ms) / max(int(figures["requests"]), 1), int(figures["non2xx"]) + int(figures["errors"])))
    ceilings = {(r[0], r[1], r[3]): r for r in rows if r[2] == "ceiling"}
    print("| database | request | conn. | req/s | p50 ms | p95 ms | p99 ms | app CPU ms/req | ceiling req/s | ceiling p95 ms | ceiling CPU ms/req | share of ceiling | non-2xx/errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        if r[2] == "ceiling":
            continue
        c = ceilings.get((r[0], "save" if r[1] == "save" else "read", r[3]))
        ceiling = f"{c[4]:,.0f} | {c[6]:.1f} | {c[8]:.2f} | {r[4] / c[4]:.0%}" if c else "| | |"
        print(f"| {r[0]} | {r[1]} | {r[3]} | {r[4]:,.0f} | {r[5]:.1f} | {r[6]:.1f} | {r[7]:.1f} | {r[8]:.2f} | {ceiling} | {r[9]} |")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "agents":
        agents(args[0], args[1], args[2], int(args[3]), args[4] if len(args) > 4 else None)
    elif command == "verify":
        verify(*args)
    elif command == "cpu":
        cpu(args[0])
    elif command == "report":
        report(args[0])
