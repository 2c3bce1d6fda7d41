#!/usr/bin/env python3
"""paramiko client for the SFTP end-to-end tests (a second, independent SFTP implementation).

Every command prints one JSON object on stdout and exits 0 when its own steps worked.
"""
import argparse
import hashlib
import json
import os
import sys
import threading
import time
import traceback

import paramiko


def connect(args, user=None, key=None, password=None):
    transport = paramiko.Transport(("127.0.0.1", args.port))
    transport.banner_timeout = 30
    if password is not None:
        transport.connect(username=user or args.user, password=password)
    else:
        transport.connect(username=user or args.user, pkey=paramiko.Ed25519Key.from_private_key_file(key or args.key))
    return transport, paramiko.SFTPClient.from_transport(transport)


def roundtrip(args):
    """Upload, wait for both acknowledgments in /outbox, download them, delete them."""
    transport, sftp = connect(args)
    sftp.put(args.file, "/inbox/" + args.name, confirm=True)
    deadline = time.time() + args.timeout
    wanted = ("_%s_999.x12" % args.name, "_%s_277CA.x12" % args.name)
    found = []
    while time.time() < deadline:
        found = [n for n in sftp.listdir("/outbox") if n.endswith(wanted)]
        if len(found) == 2:
            break
        time.sleep(0.1)
    downloaded = {}
    for name in found:
        local = os.path.join(args.out, name)
        sftp.get("/outbox/" + name, local)
        downloaded[name] = os.path.getsize(local)
        sftp.remove("/outbox/" + name)
    left = [n for n in sftp.listdir("/outbox") if n.endswith(wanted)]
    sftp.close()
    transport.close()
    print(json.dumps({"downloaded": downloaded, "left": left}))
    return 0 if len(downloaded) == 2 else 1


def password_listing(args):
    transport, sftp = connect(args, password=sys.stdin.readline().rstrip("\n"))
    print(json.dumps({"root": sorted(sftp.listdir("/"))}))
    transport.close()
    return 0


def load(args):
    """Many sessions at once; each uploads its file and downloads its partner's outbox file."""
    jobs = json.loads(args.jobs)
    results = [None] * len(jobs)

    def work(index, job):
        try:
            transport, sftp = connect(args, user=job["user"], key=job["key"])
            sftp.put(job["upload"], "/inbox/" + job["name"], confirm=False)
            data = sftp.open("/outbox/" + job["download"], "rb").read()
            sftp.close()
            transport.close()
            results[index] = {"ok": True, "sha256": hashlib.sha256(data).hexdigest()}
        except Exception as error:  # reported, not raised: the test counts failures
            trace = traceback.extract_tb(error.__traceback__)
            where = ["%s:%d" % (os.path.basename(frame.filename), frame.lineno) for frame in trace]
            results[index] = {"ok": False, "error": repr(error), "where": where}

    threads = [threading.Thread(target=work, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps(results))
    return 0


def stall(args):
    """Start an upload, write the first half, say so, then hang until killed."""
    transport, sftp = connect(args)
    with open(args.file, "rb") as source:
        data = source.read()
    remote = sftp.open("/inbox/" + args.name, "wb")
    remote.write(data[: len(data) // 2])
    remote.flush()
    sftp.stat("/inbox/" + args.name)  # a round trip: the half is on the server
    print(json.dumps({"written": len(data) // 2}), flush=True)
    while True:
        time.sleep(60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["roundtrip", "password-ls", "load", "stall"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user")
    parser.add_argument("--key")
    parser.add_argument("--file")
    parser.add_argument("--name")
    parser.add_argument("--out")
    parser.add_argument("--jobs")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    handlers = {"roundtrip": roundtrip, "password-ls": password_listing, "load": load, "stall": stall}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
