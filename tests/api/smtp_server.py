"""A mail server on loopback for the notification tests and the outbox benchmark.

    /usr/bin/python3 smtp_server.py PORT RECORD_FILE MODE_FILE

Runs aiosmtpd (Debian's python3-aiosmtpd) on 127.0.0.1:PORT. Every accepted message is appended
to RECORD_FILE as one JSON line: envelope, Message-ID, the decoded subject and body. MODE_FILE,
read on every message, says how to answer: empty or missing accepts; an SMTP reply such as
"451 4.3.0 try again later" or "550 5.1.1 no such user" refuses with it. Prints "ready" once
listening; stops on SIGTERM.
"""
import json
import signal
import sys
import threading
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, record_file, mode_file):
        self.record_file = record_file
        self.mode_file = mode_file
        self.lock = threading.Lock()

    def mode(self):
        try:
            with open(self.mode_file, encoding="utf-8") as f:
                return f.read().strip()
        except FileNotFoundError:
            return ""

    async def handle_DATA(self, server, session, envelope):
        refusal = self.mode()
        if refusal:
            return refusal
        message = message_from_bytes(envelope.content, policy=policy.default)
        record = {
            "peer": list(session.peer) if session.peer else None,
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "message_id": message["Message-ID"],
            "subject": str(message["Subject"]),
            "to": str(message["To"]),
            "from": str(message["From"]),
            "date": str(message["Date"]),
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "body": message.get_content(),
        }
        with self.lock, open(self.record_file, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        return "250 OK"


def main():
    port, record_file, mode_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    controller = Controller(Recorder(record_file, mode_file), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
