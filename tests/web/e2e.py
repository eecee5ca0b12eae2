#!/usr/bin/env python3
"""The trainer in a real browser: Debian's Chromium driven by Selenium through chromedriver,
drawing with software WebGL (SwiftShader).

    tests/web/e2e.py URL OUT

URL serves `scripts/web.sh`'s folder. With LAUNCH (a query of cmi5's launch parameters: an
LMS's launch against a test LRS) the page is opened as an LMS opens it. The test types a
participant code, starts the first scenario, flags a line, reloads the page and resumes the
session, plays it to its debrief by keyboard, and checks the session's record in the page's
storage; launched, it waits until the page says nothing is left to send to the LRS, writes
the session's record into OUT/session/ for the caller to compare with what the LRS holds, and
finishes the launch, which must take the page to RETURN_URL (the LMS's return address). With BROKEN_URL (the same build, its
first scenario with a mistake) and BROKEN_EXPECTED (the line the desktop's `validate` prints
for it), it checks that the page says the same. It writes
screenshots at desktop and phone sizes into OUT and prints the figures: time to the first
interactive frame, frames and browser CPU while idle, memory.

The app tells the page what is on screen on its canvas (`data-screen`, `data-scene`,
`data-scenarios`, `data-frames`, see src/app/web.rs), so the test reads no pixels to know
where it is. Clicks go where the desktop's real-window test clicks: the layout at 1280x800 is
the same in both.
"""

import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

URL, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
PREFIX = "mpa-trainer:file:"
FIRST_SCENARIO = "scenarios/s1-bar-worker.ron"


def fail(message):
    print(f"web-e2e: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
        "--use-gl=angle",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,800",
        f"--user-data-dir={OUT}/profile",
    ]:
        options.add_argument(arg)
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def viewport(driver, width, height, mobile=False, scale=1):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile},
    )


def state(driver):
    return driver.execute_script(
        "const c = document.getElementById('mpa-trainer');"
        "return c ? Object.assign({}, c.dataset) : {};"
    )


def wait_for(driver, what, test, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        now = state(driver)
        if test(now):
            return now
        time.sleep(0.05)
    fail(f"waited {timeout} s for {what}; the page says {state(driver)}")


def canvas(driver):
    return driver.find_element(By.ID, "mpa-trainer")


def click(driver, x, y):
    """A click at (x, y) of the canvas, as on the desktop's window."""
    c = canvas(driver)
    size = c.size
    ActionChains(driver).move_to_element_with_offset(
        c, x - size["width"] / 2, y - size["height"] / 2
    ).click().perform()
    time.sleep(0.4)


def tap(driver, x, y):
    """A finger's tap at (x, y) of the page (the canvas fills it), as a phone's screen sends it."""
    point = [{"x": x, "y": y}]
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
    time.sleep(0.1)  # a finger rests on the glass for a tenth of a second or so
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    time.sleep(0.4)


def swipe(driver, x, y_from, y_to, steps=10):
    """A finger drawn up (or down) the page, as a phone's screen sends it."""
    def touch(kind, y):
        points = [] if y is None else [{"x": x, "y": y}]
        driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", y_from)
    for i in range(1, steps + 1):
        touch("touchMove", y_from + (y_to - y_from) * i / steps)
        time.sleep(0.03)
    touch("touchEnd", None)
    time.sleep(0.8)


def keys(driver, *pressed):
    ActionChains(driver).send_keys(*pressed).perform()
    time.sleep(0.4)


def chord(driver, modifier, key):
    ActionChains(driver).key_down(modifier).send_keys(key).key_up(modifier).perform()
    time.sleep(0.4)


def shot(driver, name):
    path = os.path.join(OUT, f"{name}.png")
    driver.save_screenshot(path)
    print(f"screenshot: {path}")


def records(driver):
    """The session files in the page's storage: {path: text}."""
    return driver.execute_script(
        "const out = {};"
        "for (let i = 0; i < localStorage.length; i++) {"
        "  const k = localStorage.key(i);"
        f"  if (k.startsWith('{PREFIX}') && k.endsWith('.jsonl')) out[k] = localStorage.getItem(k);"
        "}"
        "return out;"
    )


def events(text):
    return [json.loads(line)["event"] for line in text.splitlines() if line.strip()]


def browser_processes():
    """The /proc folders of Chromium's processes (not the driver's)."""
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/comm") as f:
                name = f.read().strip()
        except OSError:
            continue
        if name.startswith("chrom") and name != "chromedriver":
            yield f"/proc/{pid}"


def browser_cpu_seconds():
    """User and system time of every Chromium process, in seconds."""
    total = 0
    for proc in browser_processes():
        try:
            with open(f"{proc}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def browser_rss_bytes():
    """Resident memory of every Chromium process (the page's renderer, the GPU process, the
    browser), in bytes."""
    total = 0
    for proc in browser_processes():
        try:
            with open(f"{proc}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            continue
    return total


def enter_code(driver, code, press=click):
    press(driver, 22, 305)  # Practice
    press(driver, 125, 216)  # the code field
    keys(driver, Keys.END, *[Keys.BACKSPACE] * 12)  # a launch has filled it in already
    for letter in code:  # as a person types: a key at a time
        keys(driver, letter)


LAUNCH = os.environ.get("LAUNCH", "")


def open_page(driver, launched=True):
    started = time.time()
    driver.get(URL + (LAUNCH if launched else ""))
    now = wait_for(
        driver,
        "the start screen with the course loaded",
        lambda s: s.get("screen") == "start" and int(s.get("scenarios", "0")) > 0,
    )
    ready = driver.execute_script("return performance.now()")
    return now, ready, time.time() - started


driver = start_browser()
try:
    viewport(driver, 1280, 800)
    now, ready_ms, _ = open_page(driver)
    print(f"web: first interactive frame with the course loaded {ready_ms:.0f} ms after navigation")
    print(f"web: {now['scenarios']} playable scenarios")

    enter_code(driver, "T07")
    shot(driver, "1-start")
    keys(driver, Keys.RETURN)
    wait_for(driver, "the scenario list", lambda s: s.get("screen") == "select")
    keys(driver, "1")
    first = wait_for(driver, "the first scene", lambda s: s.get("screen") == "play")
    print(f"web: playing, first scene {first['scene']}")
    time.sleep(1.5)  # the people and the place are drawn one picture per frame
    shot(driver, "2-scene-desktop")

    # Idle: nothing happens for 10 s, so nothing is drawn.
    time.sleep(1)
    before, cpu_before = int(state(driver)["frames"]), browser_cpu_seconds()
    time.sleep(10)
    after, cpu_after = int(state(driver)["frames"]), browser_cpu_seconds()
    print(
        f"web: idle on a scene: {after - before} frames in 10 s, "
        f"browser CPU {100 * (cpu_after - cpu_before) / 10:.1f} % of one core"
    )
    heap = driver.execute_script(
        "return performance.memory ? performance.memory.usedJSHeapSize : 0"
    )
    print(
        f"web: memory on a scene: JavaScript heap {heap / 1e6:.1f} MB; "
        f"all of Chromium's processes {browser_rss_bytes() / 1e6:.0f} MB resident"
    )
    if after - before > 3:
        fail(f"the idle scene drew {after - before} frames in 10 s")

    def step():
        keys(driver, "w")  # the confidence question, where there is one
        keys(driver, "1")
        chord(driver, Keys.CONTROL, Keys.RETURN)

    # Something to lose before the reload: a flag (Tab to the first line, Space). A choice could
    # end the session at once (the choices are shown in a new order each session).
    keys(driver, Keys.TAB)
    keys(driver, Keys.SPACE)
    stored = records(driver)
    if len(stored) != 1:
        fail(f"expected one session file in the page's storage, found {list(stored)}")
    key, text = next(iter(stored.items()))
    if "flagged" not in events(text):
        fail(f"the flag (Tab, Space) was not recorded: {events(text)}")
    print(f"web: {len(text.splitlines())} record lines in {key[len(PREFIX):]} before the reload")
    before_reload = state(driver)["scene"]

    # The tab is reloaded in the middle: the session is offered again and carries on.
    # This time by taps, as on a touch screen: a tap works where a click does.
    now, _, _ = open_page(driver)
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    enter_code(driver, "T07", press=tap)
    shot(driver, "3-resume-offered")
    tap(driver, 642, 431)  # Resume, beside the interrupted session
    resumed = wait_for(driver, "the resumed session", lambda s: s.get("screen") == "play")
    if resumed["scene"] != before_reload:
        fail(f"resumed at {resumed['scene']}, left at {before_reload}")
    print(f"web: resumed at {resumed['scene']} after the reload")

    for _ in range(60):
        text = records(driver).get(key, "")
        if "session_finished" in text:
            break
        step()
    text = records(driver).get(key, "")
    got = events(text)
    if "session_finished" not in got:
        fail(f"the session did not reach an ending: {got[-5:]}")
    if "session_resumed" not in got or "flagged" not in got:
        fail(f"the record lacks the flag or the resumption: {got}")
    wait_for(driver, "the debrief", lambda s: s.get("screen") == "debrief")
    time.sleep(0.5)
    shot(driver, "4-debrief-desktop")
    print(f"web: the session ended with {len(got)} record lines, resumed once")
    if LAUNCH:
        sent = wait_for(
            driver,
            "everything sent to the LRS",
            lambda s: s.get("lrsWaiting") == "0" and s.get("lrsProblem", "") == "",
        )
        print(f"web: sent to the LRS, {sent.get('lrsRefused')} statements refused")
        os.makedirs(os.path.join(OUT, "session"), exist_ok=True)
        with open(os.path.join(OUT, "session", os.path.basename(key)), "w") as f:
            f.write(text)

    # Phone sizes: the same screens at 390x844 portrait and 1366x768 landscape.
    viewport(driver, 390, 844, mobile=True)
    time.sleep(1)
    shot(driver, "5-debrief-phone")
    viewport(driver, 1366, 768)
    time.sleep(1)
    shot(driver, "6-debrief-landscape")
    if LAUNCH:
        # The trainee finishes: the LMS is told (cmi5's terminated, after everything else) and
        # the page goes back to it.
        shown = wait_for(
            driver,
            "the button that finishes the launch",
            lambda s: s.get("lms") == "open" and s.get("finish"),
        )
        shot(driver, "6b-finish-offered")
        x, y = (float(v) for v in shown["finish"].split(","))
        click(driver, x, y)
        back = os.environ.get("RETURN_URL", "")
        end = time.time() + 20
        while time.time() < end and not driver.current_url.startswith(back):
            time.sleep(0.1)
        if not back or not driver.current_url.startswith(back):
            fail(f"finishing did not go back to the LMS ({back!r}); the page is at {driver.current_url}")
        print("web: finished the launch, and the page went back to the LMS")
    # A full storage: the session is played on, kept in memory, and the trainee is told; once
    # there is room again, every line is written, none lost.
    open_page(driver, launched=False)
    filled = driver.execute_script(
        "let n = 0;"
        "for (const size of [1 << 20, 1 << 14, 1 << 8]) {"
        "  const chunk = 'x'.repeat(size);"
        "  try { for (;;) { localStorage.setItem('filler-' + n, chunk); n++; } } catch (e) {}"
        "}"
        "return n;"
    )
    enter_code(driver, "T08")
    keys(driver, Keys.RETURN)
    wait_for(driver, "the scenario list", lambda s: s.get("screen") == "select")
    keys(driver, "1")
    wait_for(driver, "a scene with the storage full", lambda s: s.get("screen") == "play")
    keys(driver, Keys.TAB)
    keys(driver, Keys.SPACE)
    full = wait_for(driver, "the lines kept in memory", lambda s: int(s.get("unsaved", "0")) > 0)
    shot(driver, "7-storage-full")
    print(f"web: storage full ({filled} fillers): {full['unsaved']} record lines kept in memory, and said")
    driver.execute_script(
        "Object.keys(localStorage).filter(k => k.startsWith('filler-'))"
        ".forEach(k => localStorage.removeItem(k));"
    )
    # Nothing is pressed: the page retries by itself every few seconds while lines wait.
    wait_for(driver, "every line written, with no key pressed", lambda s: s.get("unsaved") == "0", timeout=12)
    t08 = [t for k, t in records(driver).items() if "/T08_" in k]
    if len(t08) != 1 or not {"session_started", "flagged"} <= set(events(t08[0])):
        fail(f"the session played with the storage full was not written whole: {[events(t) for t in t08]}")
    print(f"web: room again: all {len(t08[0].splitlines())} lines written")

    # A phone: its browser's name, a small screen, a finger and the on-screen keyboard, which
    # types into bevy_egui's hidden text field (not the canvas). The code typed there must
    # reach the start screen at once, with nothing else happening. (The screen is emulated at
    # one pixel per point: Chromium's emulated pixel ratio does not reach the canvas's size, so
    # the app would draw for a screen half as large; started with --force-device-scale-factor=2
    # the canvas has two pixels per point and the layout is the same.)
    driver.execute_cdp_cmd(
        "Network.setUserAgentOverride",
        {"userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                      "(KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"},
    )
    viewport(driver, 390, 844, mobile=True)
    driver.get(URL)
    wait_for(
        driver,
        "the start screen on a phone",
        lambda s: s.get("screen") == "start" and int(s.get("scenarios", "0")) > 0,
    )
    time.sleep(1)
    shot(driver, "8-start-phone")
    tap(driver, 22, 409)  # Practice
    tap(driver, 125, 301)  # the code field, at 390x844
    agent = driver.execute_script("return document.activeElement && document.activeElement.id")
    if agent != "egui_text_agent":
        fail(f"a tap on the code field does not bring up the phone's keyboard (focus on {agent!r})")
    ActionChains(driver).send_keys("P01").perform()
    wait_for(driver, "the code typed on the phone's keyboard", lambda s: s.get("code") == "P01", timeout=3)
    ActionChains(driver).send_keys(Keys.RETURN).perform()  # the keyboard's Go key
    wait_for(driver, "the scenario list after Enter on a phone's keyboard",
             lambda s: s.get("screen") == "select", timeout=10)
    time.sleep(0.5)
    shot(driver, "9-scenarios-phone")
    print("web: on a phone, the keyboard typed the code at once and its Enter started the session")
    # A scene on a phone: the picture above the text, the rest reached by a finger's swipe, and
    # the answer tapped (how sure, then the first choice shown).
    # A trainee reads before tapping: the first tap after a pause counts (a tap once lasted,
    # to egui, from the frame drawn before the pause and was no click).
    time.sleep(2)
    tap(driver, 103, 186)  # Play the suggestion
    scene = wait_for(driver, "a scene on a phone", lambda s: s.get("screen") == "play")
    time.sleep(1.5)
    shot(driver, "10-scene-phone")
    drawn = int(state(driver)["frames"])
    swipe(driver, 200, 700, 300)
    if int(state(driver)["frames"]) - drawn < 3:
        fail("a swipe on the scene did not scroll it")
    shot(driver, "11-scene-phone-swiped")
    time.sleep(2)
    tap(driver, 330, 429)  # 70 %
    tap(driver, 195, 584)  # the first choice
    after = wait_for(
        driver,
        "the next step after a tapped choice",
        lambda s: s.get("scene") != scene["scene"] or s.get("screen") != "play",
    )
    print(
        f"web: on a phone, a swipe scrolled the scene and taps answered it "
        f"(now {after.get('screen')} {after.get('scene', '')})"
    )
    broken_url = os.environ.get("BROKEN_URL")
    if broken_url:
        viewport(driver, 1280, 800)
        driver.get(broken_url)
        now = wait_for(
            driver,
            "the broken course loaded",
            lambda s: s.get("screen") == "start" and int(s.get("scenarios", "0")) > 0,
        )
        expected = os.environ["BROKEN_EXPECTED"]
        if now.get("problem") != expected:
            fail(f"the page says {now.get('problem')!r}; the desktop says {expected!r}")
        print(f"web: a broken scenario is told as on the desktop: {expected[:60]}...")
    print("web-e2e: passed")
finally:
    driver.quit()
