"""Hostile SSH clients against `fieldwork serve`, written with paramiko (which webssh brings).

Usage: hostile_ssh.py PORT ATTACK. Each attack logs in to an open survey as a real client would,
then breaks the rules in one way, and prints one line saying what the server did:

  huge-pty        a pty-req of 4294967295 by 4294967295 with a 30 000-byte TERM
  resize-flood    a shell, then 20 000 window changes (sizes up to 4294967295), then a key
  oversize-data   a channel data packet of 1 MB, far past the packet size and window
  malformed-pty   a pty-req cut short (no sizes)

The Swift test (ServeHostileTests) reads the line, the server's log and its other sessions.
"""
import socket
import sys
import time

import paramiko
from paramiko.common import cMSG_CHANNEL_DATA, cMSG_CHANNEL_REQUEST
from paramiko.message import Message

HUGE = 2**32 - 1


def connect(port):
    transport = paramiko.Transport(socket.create_connection(("127.0.0.1", port), timeout=20))
    transport.start_client(timeout=20)
    transport.auth_none("survey")
    return transport


def read_until(channel, text, seconds=20):
    """What the channel says until `text` appears, it closes, or `seconds` pass."""
    seen = b""
    end = time.monotonic() + seconds
    channel.settimeout(0.2)
    while time.monotonic() < end and text.encode() not in seen:
        try:
            chunk = channel.recv(65536)
        except socket.timeout:
            continue
        if not chunk:
            break
        seen += chunk
    return seen.decode("utf-8", "replace")


def closed_by_server(transport, seconds=20):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not transport.is_active():
            return True
        time.sleep(0.05)
    return False


def send_raw(transport, message):
    # Past paramiko's own checks (window, packet size): what a hostile client can put on the wire.
    transport._send_user_message(message)


def huge_pty(port):
    transport = connect(port)
    channel = transport.open_session()
    try:
        channel.get_pty(term="x" * 30000, width=HUGE, height=HUGE)
        print("huge-pty: accepted")
    except paramiko.SSHException:
        # paramiko closes a channel whose request failed (OpenSSH goes on in it without a PTY):
        # a second session channel, without a PTY, asks for the survey.
        channel = transport.open_session()
        channel.invoke_shell()
        said = read_until(channel, "Dewiswch eich iaith")
        print("huge-pty: refused, then " + ("served" if "Dewiswch eich iaith" in said else "not served: " + repr(said[:200])))
    transport.close()


def resize_flood(port):
    transport = connect(port)
    channel = transport.open_session()
    channel.get_pty(term="xterm", width=80, height=24)
    channel.invoke_shell()
    read_until(channel, "Dewiswch eich iaith")
    for i in range(20000):
        channel.resize_pty(width=HUGE - i if i % 2 else 80 + i % 50, height=HUGE if i % 3 == 0 else 24 + i % 7)
    channel.resize_pty(width=90, height=30)
    channel.send(b"1\r")
    said = read_until(channel, "Four short questions", seconds=60)
    print("resize-flood: " + ("answered" if "Four short questions" in said else "no answer: " + repr(said[-300:])))
    transport.close()


def oversize_data(port):
    transport = connect(port)
    channel = transport.open_session()
    channel.invoke_shell()
    read_until(channel, "Dewiswch eich iaith")
    message = Message()
    message.add_byte(cMSG_CHANNEL_DATA)
    message.add_int(channel.remote_chanid)
    message.add_string(b"x" * 1_000_000)
    send_raw(transport, message)
    print("oversize-data: " + ("closed" if closed_by_server(transport) else "still open"))
    transport.close()


def malformed_pty(port):
    transport = connect(port)
    channel = transport.open_session()
    message = Message()
    message.add_byte(cMSG_CHANNEL_REQUEST)
    message.add_int(channel.remote_chanid)
    message.add_string("pty-req")
    message.add_boolean(True)
    message.add_string("xterm")
    send_raw(transport, message)
    print("malformed-pty: " + ("closed" if closed_by_server(transport) else "still open"))
    transport.close()


ATTACKS = {"huge-pty": huge_pty, "resize-flood": resize_flood, "oversize-data": oversize_data, "malformed-pty": malformed_pty}

if __name__ == "__main__":
    ATTACKS[sys.argv[2]](int(sys.argv[1]))
