#!/usr/bin/env python3
"""A minimal SMTP server for the drills: accepts every message and appends one line per recipient
("<recipient>\t<subject>") to a file, so a script can count how often each message arrived.
Usage: smtp_sink.py <port> <file> [delay-seconds-per-message]"""
import socketserver, sys, threading, time

port, out = int(sys.argv[1]), sys.argv[2]
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
lock = threading.Lock()

class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode()); self.wfile.flush()

    def handle(self):
        self.reply("220 sink ESMTP")
        recipients, subject = [], ""
        while True:
            line = self.rfile.readline()
            if not line: return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"): self.reply("250 sink")
            elif verb == "MAIL": recipients, subject = [], ""; self.reply("250 OK")
            elif verb == "RCPT": recipients.append(command.split(":", 1)[1].strip().strip("<>")); self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go ahead")
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"): break
                    if data.lower().startswith(b"subject:") and not subject: subject = data[8:].decode("utf-8", "replace").strip()
                time.sleep(delay)
                with lock, open(out, "a") as f:
                    for r in recipients: f.write(f"{r}\t{subject}\n")
                self.reply("250 queued")
            elif verb == "QUIT": self.reply("221 bye"); return
            else: self.reply("250 OK")

class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

Server(("127.0.0.1", port), Session).serve_forever()
