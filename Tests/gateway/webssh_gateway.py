#!/usr/bin/env python3
"""The browser route: a participant with no SSH client takes the survey in a real browser.

An existing, maintained web-to-SSH gateway (webssh, from PyPI: an xterm.js page) stands in
front of `fieldwork serve`, pinned to the survey server's host key (policy reject, a host file
holding only that key, so the gateway reaches no other host). Headless Chromium, driven by
chromedriver through Selenium, opens the page, connects and answers every question; the test
then checks the response on disk.

Usage: python3 Tests/gateway/webssh_gateway.py BINARY   (exit 0: passed; prints why otherwise)
Needs: chromium, chromium-driver (Debian), webssh and selenium (PyPI).
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INSTRUMENT = os.path.join(ROOT, "instruments", "crisis-cafe-feedback.yaml")

# Keeps the xterm.js terminal the page makes, so the test can read its screen (the canvas
# renderer leaves no text in the page).
CAPTURE = """
let Real;
Object.defineProperty(window, 'Terminal', {
  configurable: true,
  set(value) { Real = value; },
  get() { return Real && function (options) { const t = new Real(options); window.__term = t; return t; }; }
});
"""
SCREEN = """
const t = window.__term; if (!t) return '';
const b = t.buffer.active || t.buffer; const lines = [];
for (let i = 0; i < b.length; i++) { const l = b.getLine(i); if (l) lines.push(l.translateToString(true)); }
return lines.join('\\n');
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        serve = subprocess.Popen([binary, "serve", INSTRUMENT, "--port", "0", "--listen", "127.0.0.1",
                                  "--responses", os.path.join(folder, "responses"),
                                  "--host-key", os.path.join(folder, "host_key")],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        gateway = None
        driver = None
        try:
            port = None
            for line in serve.stdout:
                if "on port " in line:
                    port = int(line.split("on port ")[1].split()[0])
                    break
            with open(os.path.join(folder, "host_key.pub")) as f:
                key = f.read().strip()
            hosts = os.path.join(folder, "known_hosts")
            with open(hosts, "w") as f:
                f.write(f"[127.0.0.1]:{port} {key}\n")
            web = free_port()
            gateway = subprocess.Popen(["wssh", "--address=127.0.0.1", f"--port={web}", "--policy=reject",
                                        f"--hostfile={hosts}", f"--syshostfile={os.devnull}", "--redirect=False"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            options = webdriver.ChromeOptions()
            # Debian's Chromium, named, so Selenium never looks for (or fetches) a browser of its own.
            options.binary_location = "/usr/bin/chromium"
            for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900"]:
                options.add_argument(argument)
            driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CAPTURE})
            for _ in range(100):
                try:
                    driver.get(f"http://127.0.0.1:{web}/")
                    break
                except Exception:
                    time.sleep(0.1)
            driver.find_element(By.ID, "hostname").send_keys("127.0.0.1")
            driver.find_element(By.ID, "port").send_keys(str(port))
            driver.find_element(By.ID, "username").send_keys("survey")
            driver.find_element(By.CSS_SELECTOR, "#connect button[type=submit]").click()

            def screen():
                return driver.execute_script(SCREEN) or ""

            def wait_for(text, seconds=30):
                end = time.monotonic() + seconds
                while time.monotonic() < end:
                    if text in screen():
                        return
                    time.sleep(0.1)
                status = driver.find_element(By.ID, "status").text
                has = driver.execute_script("return !!window.__term")
                driver.save_screenshot(os.environ.get("GATEWAY_SCREENSHOT", os.devnull))
                raise AssertionError(f"the page never showed {text!r} (status: {status!r}, terminal: {has}):\n{screen()}")

            def keys(text):
                driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(text)

            # The survey is in English and Welsh: the participant chooses first.
            wait_for("Dewiswch eich iaith")
            keys("1\n")
            wait_for("Four short questions about your visit today.")
            keys("\n")
            wait_for("Is this your first visit to the café?")
            keys("1\n")
            wait_for("How helpful was talking with a peer supporter today?")
            keys("4\n")
            wait_for("Were you offered support in the language of your choice?")
            keys("3\n")
            wait_for("Is there anything we could do better?")
            keys("From the browser")
            keys("\t")
            wait_for("Send my answers")
            keys("\n")
            wait_for("Your answers have been saved. Thank you.")
            keys("\n")
            folder_of = os.path.join(folder, "responses", "crisis-cafe-feedback")
            end = time.monotonic() + 10
            names = []
            while time.monotonic() < end and not names:
                names = [n for n in os.listdir(folder_of) if n.endswith(".json")]
                time.sleep(0.1)
            assert len(names) == 1, f"responses: {names}"
            with open(os.path.join(folder_of, names[0])) as f:
                answers = json.load(f)["answers"]
            assert answers == {"first_visit": 1, "helpful": 4, "language_offer": 3, "comment": "From the browser"}, answers
            print("1 passed, 0 failed")
            return 0
        finally:
            if driver:
                driver.quit()
            if gateway:
                gateway.terminate()
                gateway.wait(timeout=10)
            serve.send_signal(signal.SIGTERM)
            serve.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
