"""A real SMTP server for the tests: aiosmtpd on 127.0.0.1, writing each message it accepts to a folder,
and the client port of the connection it came on to connections.log there (one line per message).

Usage: /usr/bin/python3 smtp_sink.py PORT FOLDER
Prints "ready" once it accepts connections, then runs until killed.
"""
import asyncio
import os
import sys
import uuid

from aiosmtpd.controller import Controller


class FolderHandler:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.folder, uuid.uuid4().hex)
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        # Renamed when complete, so the tests never read half a message.
        os.rename(name + ".tmp", name + ".eml")
        with open(os.path.join(self.folder, "connections.log"), "a") as log:
            log.write(f"{session.peer[1]}\n")
        return "250 Message accepted for delivery"


def main():
    port = int(sys.argv[1])
    folder = sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(FolderHandler(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        asyncio.new_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
