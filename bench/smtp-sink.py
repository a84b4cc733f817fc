#!/usr/bin/python3
"""A local SMTP server for bench/http-benchmark (aiosmtpd, Debian package python3-aiosmtpd).

Accepts every message, takes DELAY seconds per message before answering (the number in the
file given as --delay-file, read for each message, so the benchmark can switch a slow server
on and off), and appends each message's Message-ID to --received, one per line, so the
benchmark can check that every queued email arrived exactly once.
"""
import argparse
import asyncio
import email.parser
import signal

from aiosmtpd.controller import Controller


class Sink:

    def __init__(self, delay_file, received):
        self.delay_file = delay_file
        self.received = open(received, "a", buffering=1)
        self.headers = email.parser.BytesHeaderParser()

    def delay(self):
        try:
            with open(self.delay_file) as f:
                return float(f.read().strip() or 0)
        except (OSError, ValueError):
            return 0.0

    async def handle_DATA(self, server, session, envelope):
        delay = self.delay()
        if delay > 0:
            await asyncio.sleep(delay)
        message_id = self.headers.parsebytes(envelope.content).get("Message-ID", "(none)")
        self.received.write(message_id.strip() + "\n")
        return "250 OK"


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--port", type=int, required=True)
    arguments.add_argument("--delay-file", required=True)
    arguments.add_argument("--received", required=True)
    options = arguments.parse_args()
    controller = Controller(Sink(options.delay_file, options.received), hostname="127.0.0.1", port=options.port)
    controller.start()
    signal.sigwait([signal.SIGTERM, signal.SIGINT])
    controller.stop()


if __name__ == "__main__":
    main()
