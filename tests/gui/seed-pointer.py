#!/usr/bin/env python3
"""The founding scenario as a person does it, with real X pointer and keyboard events.

    seed-pointer.py BUILD_DIR [SCREENSHOT_DIR]

Starts Xvfb and `gatehouse --demo` on a throwaway workspace, then drives it with xdotool (XTEST: the
same events a mouse and a keyboard make): drags Model Weighted Round Robin from the palette onto the
Request lane of POST /chat/completions, fills gpt-4o 50 / gpt-4o-mini 50 / 30 s, Save, Save and
deploy, opens the Developer Portal, subscribes, replaces the body with the seed's o3-mini payload,
clicks Execute six times and Repeat 20.

Where to point comes from the widgets' geometry, asked of the app's test hook (GATEHOUSE_INSPECT_SOCKET,
src/app/WidgetInspector.h); what the results table holds is read from its model there too, never
guessed from pixels. It passes when the workspace holds the policy exactly as configured, the gateway's
access log holds 26 calls split 13/13 between gpt-4o and gpt-4o-mini, and the results model holds 26
rows (six after the six clicks, split 3/3). The screen at the end is saved as seed-pointer.png.
"""
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

SEED_BODY = '{"model":"o3-mini","messages":[{"role":"user","content":"Say this is a test!"}]}'
TIMING = float(os.environ.get("GATEHOUSE_TIMING_FACTOR") or 1)


class Failure(Exception):
    pass


def wait_for(what, check, timeout=15.0, interval=0.1):
    """Polls check() until it returns something true; fails naming `what` after the timeout."""
    deadline = time.monotonic() + timeout * TIMING
    last = None
    while time.monotonic() < deadline:
        try:
            last = check()
        except Failure as error:
            last = error
        if last and not isinstance(last, Failure):
            return last
        time.sleep(interval)
    raise Failure(f"timed out waiting for {what} (last: {last})")


class Inspector:
    """The app's test hook: one JSON question per line, one answer per line."""

    def __init__(self, path):
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.socket.connect(path)
        self.socket.settimeout(10)
        self.reader = self.socket.makefile("r", encoding="utf-8")

    def ask(self, **question):
        self.socket.sendall((json.dumps(question) + "\n").encode())
        answer = json.loads(self.reader.readline())
        if not answer.get("ok"):
            raise Failure(f"{question}: {answer.get('error')}")
        return answer


class Pointer:
    """Real X input through xdotool (XTEST)."""

    def __init__(self, env):
        self.env = env
        self.position = None

    def xdotool(self, *args):
        subprocess.run(["xdotool", *map(str, args)], env=self.env, check=True)

    def move(self, x, y):
        # `mousemove --sync` waits for the pointer to move, and gives up only after 15 s when it is
        # already there (clicking the same button again): only moves that move.
        if self.position == (x, y):
            return
        self.xdotool("mousemove", "--sync", x, y)
        self.position = (x, y)

    def click(self, place, clicks=1):
        self.move(place["centerX"], place["centerY"])
        time.sleep(0.05)
        self.xdotool("click", "--repeat", clicks, "--delay", 80, 1)
        time.sleep(0.1)

    def drag(self, start, end, steps=12):
        """Press, move in steps past Qt's drag distance, hover, release: what a hand does."""
        x0, y0, x1, y1 = start["centerX"], start["centerY"], end["centerX"], end["centerY"]
        self.move(x0, y0)
        self.xdotool("mousedown", 1)
        time.sleep(0.1)
        for step in range(1, steps + 1):
            self.move(x0 + (x1 - x0) * step // steps, y0 + (y1 - y0) * step // steps)
            time.sleep(0.03)
        time.sleep(0.3)  # the drop target highlights the lane under the pointer
        self.xdotool("mouseup", 1)
        time.sleep(0.2)

    def key(self, *keys):
        self.xdotool("key", "--clearmodifiers", *keys)
        time.sleep(0.05)

    def type(self, text):
        self.xdotool("type", "--delay", 4, "--", text)
        time.sleep(0.05)


class Session:
    def __init__(self, build, screenshots):
        self.build = build
        self.screenshots = screenshots
        self.folder = tempfile.mkdtemp(prefix="gatehouse-seed-pointer.")
        self.workspace = os.path.join(self.folder, "workspace")
        self.processes = []

    def start_xvfb(self):
        read_end, write_end = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            pass_fds=[write_end], stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.folder, "xvfb.log"), "w"))
        os.close(write_end)
        self.processes.append(xvfb)
        with os.fdopen(read_end) as display:
            number = display.readline().strip()
        if not number:
            raise Failure("Xvfb did not start: " + open(os.path.join(self.folder, "xvfb.log")).read()[-400:])
        return ":" + number

    def start_app(self, display):
        env = dict(os.environ)
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("QT_SCALE_FACTOR", None)
        env.update({
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "LANGUAGE": "en",
            "GATEHOUSE_INSPECT_SOCKET": os.path.join(self.folder, "inspect.sock"),
            # Its own settings: no window size or mode remembered from another test.
            "XDG_CONFIG_HOME": os.path.join(self.folder, "config"),
        })
        self.env = env
        log = open(os.path.join(self.folder, "app.log"), "w")
        app = subprocess.Popen(
            [os.path.join(self.build, "src/app/gatehouse"), "--demo", "--workspace", self.workspace,
             "--listen", "127.0.0.1:0"], env=env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(app)
        self.app = app
        wait_for("the app's test hook", lambda: os.path.exists(env["GATEHOUSE_INSPECT_SOCKET"]) or app.poll() is not None,
                 timeout=30)
        if app.poll() is not None:
            raise Failure(f"the app exited with {app.returncode}: {self.app_log()}")
        return Inspector(env["GATEHOUSE_INSPECT_SOCKET"])

    def app_log(self):
        with open(os.path.join(self.folder, "app.log")) as log:
            return log.read()[-2000:]

    def close(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def shown(inspector, name):
    """The widget's geometry once it is shown and enabled."""
    def check():
        answer = inspector.ask(op="widget", name=name)
        return answer if answer["visible"] and answer["enabled"] and answer["width"] > 0 else None
    return wait_for(f"{name} to be shown", check)


def replace_text(pointer, inspector, name, text):
    """Click into the field, select all, type: what a person does to replace a value."""
    pointer.click(shown(inspector, name))
    wait_for(f"keyboard focus in {name}", lambda: inspector.ask(op="state").get("focus") in (name, "")
             or inspector.ask(op="widget", name=name)["focus"], timeout=5)
    pointer.key("ctrl+a")
    pointer.type(text)


def run(session):
    display = session.start_xvfb()
    inspector = session.start_app(display)
    pointer = Pointer(session.env)
    steps = []

    def step(text):
        steps.append(text)
        print(f"seed-pointer: {text}", flush=True)

    # Publisher: SmartChat, its Policies tab.
    step("open SmartChat's policy editor")
    pointer.click(wait_for("SmartChat in the API list",
                           lambda: inspector.ask(op="item", name="apiTable", path=["SmartChat"])))
    pointer.click(wait_for("the Policies tab", lambda: inspector.ask(op="tab", name="apiTabs", text="Policies")))

    # The drag: palette entry onto the Request lane of POST /chat/completions.
    step("drag Model Weighted Round Robin onto the Request lane of POST /chat/completions")
    source = wait_for("the palette entry", lambda: inspector.ask(
        op="item", name="paletteRequest", path=["Model Weighted Round Robin"]))
    target = inspector.ask(op="item", name="policyFlowView", path=["POST /chat/completions", "Request"],
                           match="prefix")
    pointer.drag(source, target)
    shown(inspector, "policyConfigPanel")
    title = shown(inspector, "policyConfigTitle")["text"]
    if "Weighted Round Robin" not in title:
        raise Failure(f"the drawer opened for {title!r}")

    step("fill gpt-4o 50, gpt-4o-mini 50, suspend 30 s, and save the policy")
    replace_text(pointer, inspector, "productionModel0", "gpt-4o")
    replace_text(pointer, inspector, "productionWeight0", "50")
    pointer.click(shown(inspector, "productionAdd"))
    replace_text(pointer, inspector, "productionModel1", "gpt-4o-mini")
    replace_text(pointer, inspector, "productionWeight1", "50")
    replace_text(pointer, inspector, "suspendDuration", "30")
    pointer.key("Tab")
    pointer.click(shown(inspector, "policySaveButton"))
    wait_for("the drawer to close", lambda: not inspector.ask(op="widget", name="policyConfigPanel")["visible"]
             or not inspector.ask(op="widget", name="policySaveButton")["visible"])

    step("Save, then Save and deploy")
    pointer.click(shown(inspector, "saveApiButton"))
    pointer.click(shown(inspector, "saveAndDeployButton"))
    wait_for("a deployment", lambda: glob.glob(os.path.join(session.workspace, "apis/*/revisions/*.json")))
    state = inspector.ask(op="state")
    if state.get("modal"):
        raise Failure(f"a dialog is open after deploying: {state.get('modalTitle')}")

    # Developer Portal: subscribe and try.
    step("Developer Portal: Subscribe and try")
    pointer.click(inspector.ask(op="toolAction", text="Developer Portal"))
    pointer.click(wait_for("the APIs tab", lambda: inspector.ask(op="tab", name="devPortalTabs", text="APIs")))
    pointer.click(wait_for("SmartChat in the catalogue",
                           lambda: inspector.ask(op="item", name="apiCatalog", path=["SmartChat 1.0.0"],
                                                 match="prefix")))
    pointer.click(shown(inspector, "subscribeAndTry"))
    wait_for("the subscribe dialog", lambda: inspector.ask(op="state").get("modal") == "subscribeDialog")
    application = shown(inspector, "subscribeApplication")
    if not application.get("text"):
        raise Failure("the subscribe dialog proposes no application name")
    pointer.click(inspector.ask(op="button", text="OK"))
    wait_for("the token", lambda: "expires in" in inspector.ask(op="widget", name="consoleTokenStatus").get("text", ""),
             timeout=20)

    step("replace the body with the seed's o3-mini payload")
    replace_text(pointer, inspector, "consoleBody", SEED_BODY)
    body = inspector.ask(op="widget", name="consoleBody")["text"]
    if json.loads(body) != json.loads(SEED_BODY):
        raise Failure(f"the body reads {body!r}")

    step("click Execute six times")
    execute = shown(inspector, "consoleExecute")
    for _ in range(6):
        pointer.click(execute)
    rows = lambda: inspector.ask(op="rows", name="consoleResults")["rows"]
    wait_for("six rows", lambda: rows() == 6 or None, timeout=20)
    time.sleep(0.3)  # a seventh row would show up now if a click had counted twice
    models = inspector.ask(op="column", name="consoleResults", column=1)["values"]
    if rows() != 6 or sorted(models) != ["gpt-4o"] * 3 + ["gpt-4o-mini"] * 3:
        raise Failure(f"after six Execute clicks the table holds {rows()} rows: {models}")

    step("Repeat 20")
    replace_text(pointer, inspector, "consoleRepeatCount", "20")
    pointer.click(shown(inspector, "consoleRepeat"))
    wait_for("26 rows", lambda: rows() == 26 or None, timeout=30)
    wait_for("the run to finish", lambda: inspector.ask(op="widget", name="consoleRepeat")["enabled"], timeout=30)
    models = inspector.ask(op="column", name="consoleResults", column=1)["values"]
    if sorted(models) != ["gpt-4o"] * 13 + ["gpt-4o-mini"] * 13:
        raise Failure(f"the results model's models: {models}")

    if session.screenshots:
        os.makedirs(session.screenshots, exist_ok=True)
        inspector.ask(op="screenshot", file=os.path.join(session.screenshots, "seed-pointer.png"))

    step("quit with Ctrl+Q")
    pointer.click(inspector.ask(op="widget", name="consolePercentiles"))  # the pointer over the window
    pointer.key("ctrl+q")
    try:
        session.app.wait(15 * TIMING)
    except subprocess.TimeoutExpired:
        raise Failure("the app did not quit on Ctrl+Q")
    if session.app.returncode != 0:
        raise Failure(f"the app exited with {session.app.returncode}: {session.app_log()}")
    check_workspace(session.workspace)


def check_workspace(workspace):
    """What the person did, as the workspace and the gateway's access log recorded it."""
    [api_file] = glob.glob(os.path.join(workspace, "apis/*/api.json"))
    with open(api_file) as file:
        api = json.load(file)
    [operation] = [o for o in api["operations"] if o["verb"] == "POST" and o["path"] == "/chat/completions"]
    request = operation["policies"]["request"]
    if [p["policyName"] for p in request] != ["modelWeightedRoundRobin"]:
        raise Failure(f"the request flow holds {request}")
    config = request[0]["parameters"]
    config = config["weightedRoundRobinConfigs"]
    production = [(t["model"], t["weight"], t["endpointId"]) for t in config["production"]]
    if production != [("gpt-4o", 50, "default_production_endpoint"), ("gpt-4o-mini", 50, "default_production_endpoint")]:
        raise Failure(f"the policy's production targets are {config['production']}")
    if config["sandbox"] != [] or config["suspendDuration"] != 30:
        raise Failure(f"the policy reads {config}")

    records = []
    for log in sorted(glob.glob(os.path.join(workspace, "logs/access-*.jsonl"))):
        with open(log) as file:
            records += [json.loads(line) for line in file if line.strip()]
    calls = [r for r in records if r["operation"] == "POST /chat/completions"]
    models = sorted(r.get("model") for r in calls)
    if len(calls) != 26 or models != ["gpt-4o"] * 13 + ["gpt-4o-mini"] * 13:
        raise Failure(f"the access log holds {len(calls)} calls: {models}")
    if any(r.get("status") != 200 for r in calls):
        raise Failure(f"statuses in the access log: {[r.get('status') for r in calls]}")


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    for tool in ("Xvfb", "xdotool"):
        if not shutil.which(tool):
            print(f"seed-pointer: {tool} is missing (./dev installs it)", file=sys.stderr)
            return 1
    session = Session(os.path.abspath(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None)
    try:
        run(session)
        print("seed-pointer: passed: 26 calls, 13 to gpt-4o and 13 to gpt-4o-mini, 26 rows in the console")
        return 0
    except (Failure, subprocess.CalledProcessError, OSError, ValueError, KeyError) as error:
        print(f"seed-pointer: FAILED: {error}", file=sys.stderr)
        try:
            print(session.app_log(), file=sys.stderr)
        except OSError:
            pass
        return 1
    finally:
        session.close()


if __name__ == "__main__":
    sys.exit(main())
