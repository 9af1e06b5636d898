"""End-to-end: the page served over HTTP by `python app.py`, driven in Debian's Chromium (headless).

Chromium comes from the `chromium` apt package (CI installs it; `.ci/run`); Playwright drives it
through `executable_path` and never downloads a browser. Without Chromium the tests are skipped,
unless SUMMARIZER_REQUIRE_BROWSER=1 (as in CI), where that is a failure. Screenshots go to
test-artifacts/ (or $SUMMARIZER_ARTIFACTS).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer.web import EXAMPLE_MT

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("SUMMARIZER_ARTIFACTS", ROOT / "test-artifacts"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TIMEOUT = 120_000  # ms; the first request loads the model

if not CHROMIUM:
    if os.environ.get("SUMMARIZER_REQUIRE_BROWSER") == "1":
        raise RuntimeError("SUMMARIZER_REQUIRE_BROWSER=1 but no chromium on PATH (apt-get install chromium)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
expect.set_options(timeout=TIMEOUT)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """`python app.py` on a free port, in its own process; yields the URL it prints."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    url, output, deadline = None, [], time.monotonic() + 90
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        output.append(line)
        if m := re.search(r"serving on (http://\S+)", line):
            url = m.group(1)
            break
        if proc.poll() is not None:
            break
    if url is None:
        proc.kill()
        pytest.fail("the page did not start:\n" + "".join(output))
    assert url == f"http://127.0.0.1:{port}/"
    yield url
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(server)
    yield page
    context.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for close in page.get_by_role("status").get_by_role("button", name="Close").all():  # notices over the page
        if close.is_visible():
            close.click()
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_check_example_highlights_the_awkward_phrase_and_accepting_its_suggestion_corrects_the_text(page):
    page.get_by_role("tab", name="Check").click()
    page.get_by_text("MT with its post-edited reference").click()
    expect(page.locator("#mt textarea")).to_have_value(EXAMPLE_MT)
    page.locator("#check").click()
    flag = page.locator("#pairs td.mt mark", has_text="production ring")
    expect(flag).to_be_visible()
    expect(flag).to_have_attribute("title", "→ production line")
    expect(page.locator("#pairs td.ref mark", has_text="production line")).to_be_visible()
    expect(page.locator("#flags")).to_contain_text("production line")
    expect(page.locator("#scores")).to_contain_text("Document score")
    expect(page.locator("#corrected textarea")).to_have_value(EXAMPLE_MT)
    _shot(page, "check")
    page.locator("#choices label", has_text="production ring").click()
    expect(page.locator("#corrected textarea")).to_have_value(re.compile("battery production line at"))
    assert "production ring" not in page.locator("#corrected textarea").input_value()
    with page.expect_download() as download:
        page.locator("#download-corrected").click()
    assert "battery production line at" in Path(download.value.path()).read_text(encoding="utf-8")
    _shot(page, "check-accepted")


def test_multi_article_page_gets_one_summary_per_article(page):
    text = (ROOT / "examples" / "page.txt").read_text(encoding="utf-8")
    page.locator("#page textarea").fill(text)
    page.locator("#summarise").click()
    expect(page.locator("#cards article")).to_have_count(4)
    expect(page.locator("#cards article").first).to_contain_text("Da Nang opens first floating solar farm")
    expect(page.locator("#model-status")).to_contain_text("is loaded")
    _shot(page, "summaries")


def test_batch_upload_gives_the_results_table_and_downloads(page, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "1", "system": "A", "mt": "They built a drone production ring.", "ref": "They built a drone production line."},
        {"id": "1", "system": "B", "mt": "They built a drone production line.", "ref": "They built a drone production line."},
        {"id": "2", "system": "A", "mt": "Prices rose sharply in May.", "ref": "Prices rose sharply in May."},
        {"id": "2", "system": "B", "mt": "Prices went up a lot in May.", "ref": "Prices rose sharply in May."},
    ]), encoding="utf-8")
    page.get_by_role("tab", name="Batch").click()
    page.locator("#corpus input[type=file]").set_input_files(str(corpus))
    expect(page.locator("#corpus")).to_contain_text("corpus.jsonl")
    page.get_by_label("Lexical only (faster, no model)").check()
    page.locator("#score").click()
    expect(page.locator("#results")).to_contain_text("production ring → production line")
    expect(page.locator("#results [role=grid]")).to_have_attribute("aria-rowcount", "5")  # header + 4 segments
    expect(page.locator("#ranking")).to_contain_text("p vs best")
    page.get_by_label("score: lowest first").check()
    expect(page.locator("#results [role=row][aria-rowindex='2']")).to_contain_text("Prices went up a lot")
    link = page.locator("#batch-files a[download='results.csv']")
    expect(link).to_be_visible()
    with page.expect_download() as download:
        link.click()
    rows = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("id,system,score") and len(rows) == 5
    _shot(page, "batch")


def test_an_error_after_a_good_run_clears_the_results_and_keeps_its_message(page):
    page.get_by_role("tab", name="Check").click()
    page.get_by_text("MT with its post-edited reference").click()
    page.locator("#check").click()
    expect(page.locator("#flags")).to_contain_text("production line")
    page.locator("#mt textarea").fill("")
    page.locator("#ref textarea").fill("")
    page.locator("#check").click()
    message = page.get_by_text("Paste a machine-translated text first.")
    expect(message).to_be_visible()
    expect(page.locator("#pairs td.mt mark")).to_have_count(0)  # no stale results under the message
    expect(page.locator("#scores")).not_to_contain_text("Document score")
    page.wait_for_timeout(12_000)  # Gradio's notices fade after 10 s by default; this one stays
    expect(message).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "check-error.png"), full_page=True)


def test_batch_table_shows_mt_reference_score_and_flags_without_sideways_scrolling(page, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    long_mt = ("The provincial People's Committee has approved a plan to expand the battery production ring at the "
               "Tan Phu industrial park, which is expected to create about 2,000 jobs for local labourers.")
    corpus.write_text(json.dumps({"id": "1", "system": "A", "mt": long_mt,
                                  "ref": long_mt.replace("production ring", "production line")}) + "\n",
                      encoding="utf-8")
    page.get_by_role("tab", name="Batch").click()
    page.locator("#corpus input[type=file]").set_input_files(str(corpus))
    page.get_by_label("Lexical only (faster, no model)").check()
    page.locator("#score").click()
    table = page.locator("#results")
    expect(table).to_contain_text("production ring → production line")
    for header in ("score", "flags", "machine translation", "reference"):
        expect(table.get_by_role("columnheader", name=header)).to_be_visible()
    expect(table).to_contain_text("Tan Phu industrial park, which is expected to create about 2,000 jobs")
    wide = page.evaluate("""() => [...document.querySelectorAll('#results *')]
        .filter(e => e.scrollWidth > e.clientWidth + 2 && getComputedStyle(e).overflowX !== 'visible')
        .map(e => e.tagName + ':' + e.scrollWidth + '>' + e.clientWidth)""")
    assert wide == [], wide
    _shot(page, "batch-wide")


def test_a_summary_card_of_an_mt_page_shows_the_flag_and_its_suggestion(page):
    text = (ROOT / "examples" / "page.txt").read_text(encoding="utf-8")
    mt_page = "Drone plan for the city\n\nThe ministry will build a drone production ring next year. " \
              "The plan was approved on Monday. Officials said it would create 500 jobs.\n\n" + text
    page.locator("#page textarea").fill(mt_page)
    page.locator("#summarise").click()
    flag = page.locator("#cards article").first.locator("p.summary mark", has_text="production ring")
    expect(flag).to_be_visible()
    expect(flag).to_have_attribute("title", "→ production line")
    page.locator("#summary-choices label", has_text="production ring").click()
    expect(page.locator("#summary-text textarea")).to_have_value(re.compile("drone production line next year"))
    _shot(page, "summaries-flags")
