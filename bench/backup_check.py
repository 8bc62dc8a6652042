#!/usr/bin/env python3
"""Compares a restored instance with its backup's manifest, independently of the application's own check:
every table's row count (read with sqlite3 / psql), every evidence file re-hashed (sha256 of its bytes equals
its name and the manifest's entry), and at least `min_evidence` evidence rows (those acknowledged before the
backup began). Prints one line per difference and a summary; exits 1 on any difference.
Usage: backup_check.py MANIFEST BLOB_DIR sqlite FILE MIN_EVIDENCE
       backup_check.py MANIFEST BLOB_DIR postgres DBNAME MIN_EVIDENCE   (PGHOST/PGPORT/PGUSER from the environment)"""
import hashlib, json, os, sqlite3, subprocess, sys

manifest_path, blob_dir, provider, target, min_evidence = sys.argv[1:6]
manifest = json.load(open(manifest_path))

def counts_sqlite(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}

def psql(db, sql):
    return subprocess.run(["psql", "-X", "-At", "-d", db, "-c", sql], check=True, capture_output=True, text=True).stdout.split()

def counts_postgres(db):
    tables = psql(db, "SELECT tablename FROM pg_tables WHERE schemaname='public'")
    return {t: int(psql(db, f'SELECT COUNT(*) FROM "{t}"')[0]) for t in tables}

restored = counts_sqlite(target) if provider == "sqlite" else counts_postgres(target)
problems = []
for table in sorted(set(manifest["rowCounts"]) | set(restored)):
    want, got = manifest["rowCounts"].get(table, -1), restored.get(table, -1)
    if want != got:
        problems.append(f"table {table}: backup {want} rows, restored {got}")
hashed = 0
for blob in manifest["blobs"]:
    path = os.path.join(blob_dir, blob["sha256"][:2], blob["sha256"])
    try:
        data = open(path, "rb").read()
    except FileNotFoundError:
        problems.append(f"blob {blob['sha256']} missing"); continue
    if hashlib.sha256(data).hexdigest() != blob["sha256"] or len(data) != blob["length"]:
        problems.append(f"blob {blob['sha256']} damaged")
    hashed += 1
evidence = restored.get("Evidence", 0)
if evidence < int(min_evidence):
    problems.append(f"only {evidence} evidence rows restored; {min_evidence} were acknowledged before the backup began")
for p in problems:
    print("  DIFFERENCE", p)
print(f"  compared {len(restored)} tables ({sum(restored.values())} rows) and {hashed} blob hashes "
      f"({sum(b['length'] for b in manifest['blobs'])} bytes): {'ALL EQUAL' if not problems else f'{len(problems)} DIFFERENCES'}")
sys.exit(1 if problems else 0)
