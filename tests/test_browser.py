"""The built book as a website, in a real browser: Debian's Chromium driven by Playwright.

The book (built once per test run by the `build` fixture of tests/conftest.py) is served from
`_build/html` by a local `http.server` on 127.0.0.1 in a thread. Every request a page makes is recorded;
any request for another host fails (Chromium sends it to a proxy nobody runs) and fails the test, so the
site is proved to work offline.
Screenshots of the welcome page and a chapter are written to `_build/screenshots/`, with the measured
weight of the chapter page (`weight.json`).

Chromium comes from the system (`make browser` installs Debian's package); Playwright's own browser
download is never used. Without /usr/bin/chromium these tests are skipped with the reason.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from agnocourse import toc

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
SCREENSHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
# As root in a container, with a closed network: no sandbox, no GPU, and none of Chromium's own
# background connections (updates, sync, field trials), which would otherwise be refused at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every request for another host goes to a proxy nobody runs, and fails; Chromium never proxies 127.0.0.1. This keeps
# the site offline without intercepting each request in Python, which costs a fifth of the pages' CPU time.
OFFLINE_ARGS = ["--proxy-server=http://127.0.0.1:9"]
# A chapter page with its CSS, JS, fonts and figures must stay small enough for a workshop's Wi-Fi.
CHAPTER_BUDGET_KB = 3000

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: run `make browser` (as root) first"),
]


def first_chapter() -> str:
    return next(page for page in toc.pages() if page.startswith("notebooks/"))


def exercise_pages() -> list[str]:
    return [page for page in toc.pages() if page.startswith("exercises/")]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(build) -> Iterator[str]:
    """The base URL of the built book, served on 127.0.0.1 for the module's tests."""
    if build.returncode != 0:
        pytest.fail("the book did not build: see tests/test_book.py::test_book_builds_without_warnings")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(HTML)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS + OFFLINE_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Visit:
    """What one browser tab did: every request, console errors, page errors, failed and outside requests."""

    page: Any
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    responses: list[Any] = field(default_factory=list)


VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture
def tab(browser) -> Iterator[Visit]:
    """A fresh tab in a fresh context (empty cache), with every request recorded; outside ones fail (OFFLINE_ARGS)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        yield watched(context.new_page())
    finally:
        context.close()


@pytest.fixture(scope="module")
def shared_context(browser) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def warm_tab(shared_context) -> Iterator[Visit]:
    """A fresh tab in the one context this worker shares among its page tests, recorded as `tab` is: the CSS, scripts
    and fonts an earlier page loaded come from its cache, as for a reader going from page to page (a fifth less CPU)."""
    page = shared_context.new_page()
    try:
        yield watched(page)
    finally:
        page.close()


def watched(page: Any) -> Visit:
    """`page` with every request, response, console error, page error and failed request recorded."""
    visit = Visit(page)

    def on_request(request: Any) -> None:
        visit.requests.append(request.url)
        if urlsplit(request.url).scheme in ("http", "https") and urlsplit(request.url).hostname != "127.0.0.1":
            visit.outside.append(request.url)

    page.on("request", on_request)
    page.on("response", lambda response: visit.responses.append(response))
    page.on("console", lambda msg: msg.type == "error" and visit.errors.append(f"console: {msg.text}"))
    page.on("pageerror", lambda error: visit.errors.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: visit.errors.append(f"request failed: {request.url} ({request.failure})"))
    page.on(
        "response",
        lambda response: response.status >= 400 and visit.errors.append(f"HTTP {response.status}: {response.url}"),
    )
    return visit


def images_not_loaded(page: Any) -> list[str]:
    """Every <img> on the page, lazy ones included, decoded: the sources of those with no natural size."""
    return page.evaluate(
        """async () => {
            const images = Array.from(document.images);
            images.forEach((img) => { img.loading = "eager"; });
            await Promise.all(images.map((img) => img.decode().catch(() => null)));
            return images.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src);
        }"""
    )


def test_a_request_for_another_host_is_recorded_and_never_leaves_the_machine(tab):
    outside = ["https://example.com/logo.png", "http://192.0.2.1/figure.png"]  # a name and an address
    tab.page.set_content("".join(f'<img src="{url}">' for url in outside))
    tab.page.wait_for_load_state("networkidle")
    assert tab.outside == outside
    failed = {f"request failed: {url} (net::ERR_PROXY_CONNECTION_FAILED)" for url in outside}
    assert failed <= set(tab.errors) and all("ERR_PROXY_CONNECTION_FAILED" in error for error in tab.errors)


@pytest.mark.parametrize("page_name", [*toc.pages(), "index", "search", "genindex"])
def test_every_page_loads_offline_without_errors(site, warm_tab, page_name):
    response = warm_tab.page.goto(f"{site}{page_name}.html", wait_until="networkidle")
    assert response is not None and response.ok, page_name
    if 'http-equiv="Refresh"' in (HTML / f"{page_name}.html").read_text(encoding="utf-8"):
        # index.html sends the reader on to the first page: its checks run once that page has loaded, not while
        # the redirect replaces the page under them (a busy machine can delay it past "networkidle").
        warm_tab.page.wait_for_url(lambda url: not url.endswith(f"/{page_name}.html"))
        warm_tab.page.wait_for_load_state("networkidle")
    assert warm_tab.outside == [], f"{page_name} requested another host: {warm_tab.outside}"
    assert warm_tab.errors == [], f"{page_name}: {warm_tab.errors}"
    assert images_not_loaded(warm_tab.page) == [], f"{page_name} has figures that did not load"


def test_chapter_figures_render(site, tab):
    tab.page.goto(f"{site}{first_chapter()}.html", wait_until="networkidle")
    sizes = tab.page.eval_on_selector_all("article img", "imgs => imgs.map(i => [i.naturalWidth, i.naturalHeight])")
    assert sizes, f"{first_chapter()} shows no figure"
    assert all(width > 0 and height > 0 for width, height in sizes), sizes


def result_pages(page: Any) -> set[str]:
    hrefs = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    return {urlsplit(href).path.lstrip("/").removesuffix(".html") for href in hrefs}


def pages_teaching(word: str) -> set[str]:
    """Pages of the book with `word` in a heading: the pages that teach it."""
    found = set()
    for page_name in toc.pages():
        headings = re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", (HTML / f"{page_name}.html").read_text(), re.S)
        if any(word in re.sub(r"<[^>]+>", "", heading) for heading in headings):
            found.add(page_name)
    return found


def test_search_finds_the_chapters_that_teach_taskgroup(site, tab):
    expected = pages_teaching("TaskGroup")
    assert expected, "no page of the book has TaskGroup in a heading"
    tab.page.goto(f"{site}search.html?q=TaskGroup", wait_until="networkidle")
    tab.page.wait_for_function("document.querySelectorAll('#search-results li a').length > 0", timeout=15000)
    tab.page.wait_for_selector("#search-results .search-summary", timeout=15000)
    found = result_pages(tab.page)
    assert expected <= found, f"search for TaskGroup missed {sorted(expected - found)}; found {sorted(found)}"
    assert tab.errors == [] and tab.outside == []


def test_dropdown_opens_on_click(site, tab):
    tab.page.goto(f"{site}book/grading.html", wait_until="networkidle")
    dropdown = tab.page.locator(".admonition.dropdown").first
    body = dropdown.locator("p").last
    assert body.is_hidden(), "the dropdown's content shows before it is opened"
    dropdown.locator(".admonition-title").click()
    body.wait_for(state="visible", timeout=5000)
    assert body.is_visible()


def test_light_and_dark_mode(site, tab):
    page = tab.page
    page.goto(f"{site}{first_chapter()}.html", wait_until="networkidle")
    background = "getComputedStyle(document.body).backgroundColor"
    themes = []
    for _ in range(3):
        page.locator(".theme-switch-button").first.click()
        themes.append((page.evaluate("document.documentElement.dataset.theme"), page.evaluate(background)))
    colours = dict(themes)
    assert {"light", "dark"} <= set(colours), themes
    brightness = {theme: sum(map(int, re.findall(r"\d+", colour)[:3])) for theme, colour in colours.items()}
    assert brightness["dark"] < brightness["light"], colours


def test_chapter_has_navigation_objectives_download_and_exercises(site, tab):
    page = tab.page
    chapter = first_chapter()
    page.goto(f"{site}{chapter}.html", wait_until="networkidle")
    assert page.locator(".prev-next-area a.left-prev").count() == 1
    assert page.locator(".prev-next-area a.right-next").count() == 1
    top = page.locator("article").inner_text()[:1500].lower()
    assert "minutes" in top or "time" in top, "the chapter does not state its estimated time at the top"
    assert "able to" in top or "objective" in top or "you will" in top, "the chapter does not state its objectives"
    exercises = page.eval_on_selector_all("article a[href*='exercises/']", "links => links.map(a => a.href)")
    assert any(href.split("#")[0].endswith(".html") for href in exercises), "no link to the chapter's exercises"
    download = page.locator("a.btn-download-source-button").first.get_attribute("href")
    assert download and download.endswith(".ipynb"), download
    notebook = page.request.get(f"{site}{chapter}.html".rsplit("/", 1)[0] + "/" + download).json()
    assert notebook["cells"], "the downloaded chapter notebook is empty"


@pytest.mark.parametrize("exercise", exercise_pages())
def test_exercise_page_offers_the_learners_notebook_and_not_its_solution(site, tab, exercise):
    page = tab.page
    page.goto(f"{site}{exercise}.html", wait_until="networkidle")
    download = page.locator("a.btn-download-source-button").first.get_attribute("href")
    assert download and download.endswith(".ipynb"), download
    notebook = page.request.get(f"{site}{exercise}.html".rsplit("/", 1)[0] + "/" + download).json()
    sources = ["".join(cell["source"]) for cell in notebook["cells"]]
    assert any("= NotImplemented" in source for source in sources), "the download is not the learner's notebook"
    assert not any(cell.get("outputs") for cell in notebook["cells"]), "the learner's notebook has outputs"
    solution = exercise.replace("exercises/", "solutions/")
    next_page = page.locator(".prev-next-area a.right-next").first.get_attribute("href") or ""
    assert not next_page.split("#")[0].endswith(f"{Path(solution).name}.html"), "the solution comes right after"
    assert page.locator(f"nav a[href$='{Path(solution).name}.html']").count() >= 1, "the solution is not reachable"


def test_screenshots_and_chapter_weight(site, tab):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = tab.page
    chapter = first_chapter()
    page.goto(f"{site}{chapter}.html", wait_until="networkidle")  # first: the tab's cache is still empty
    page.screenshot(path=str(SCREENSHOTS / "chapter.png"))
    weights: dict[str, int] = {}
    for response in tab.responses:  # read before the next page: a body is gone once its page is left
        kind = Path(urlsplit(response.url).path).suffix.lstrip(".") or "html"
        weights[kind] = weights.get(kind, 0) + len(response.body())
    page.goto(f"{site}index.html", wait_until="networkidle")
    page.screenshot(path=str(SCREENSHOTS / "welcome.png"))
    total_kb = round(sum(weights.values()) / 1024)
    report = {
        "page": f"{chapter}.html",
        "total_kb": total_kb,
        "kb_by_type": {k: round(v / 1024) for k, v in weights.items()},
    }
    (SCREENSHOTS / "weight.json").write_text(json.dumps(report, indent=2) + "\n")
    assert (SCREENSHOTS / "welcome.png").stat().st_size > 10_000
    assert (SCREENSHOTS / "chapter.png").stat().st_size > 10_000
    assert total_kb < CHAPTER_BUDGET_KB, report


def test_the_room_report_renders_its_numbers_and_fetches_nothing(tab, tmp_path):
    """The instructor's HTML report of a room, opened from a file as an instructor would: it shows each exercise's
    share of passes, as a number and as a bar of that length, and a row per learner; learners' hostile strings stay
    text, and the page requests nothing but itself."""
    from agnocourse.grading.room import aggregate
    from agnocourse.grading.room_html import render
    from agnocourse.grading.runner import ExerciseResult, NotebookResult

    def results(points: int, message: str = "") -> list[ExerciseResult]:
        status = "passed" if points else "failed"
        return [ExerciseResult("1.1", "Dual paths", points, 3, status, message)]

    hostile = '<script>window.pwned = 1</script><img src="http://example.invalid/x.png">'
    named = '<img src="y.png" onerror="window.pwned = 2">'  # a file name has no "/"
    room = aggregate(
        [
            NotebookResult(Path("room/ada/01.ipynb"), results(3)),
            NotebookResult(Path("room/bob/01.ipynb"), results(0, f"ValueError: {hostile}")),
            NotebookResult(Path(f"room/{named}/01.ipynb"), results(0, f"ValueError: {hostile}")),
            NotebookResult(Path("room/cy/01.ipynb"), results(3)),
        ],
        ["01"],
        Path("room"),
    )
    report = tmp_path / "room.html"
    report.write_text(render(room), encoding="utf-8")
    page = tab.page
    page.goto(report.as_uri(), wait_until="load")
    assert page.locator("#exercises td.share").inner_text() == "2/4 passed (50%)"
    bar = page.locator("#exercises .bar")
    share = bar.locator("span").bounding_box()["width"] / bar.bounding_box()["width"]
    assert abs(share - 0.5) < 0.02, share
    assert page.locator("#exercises li").inner_text() == f"2× ValueError: {hostile}"
    rows = page.locator("#learners tbody tr")
    assert rows.count() == 4
    assert rows.nth(0).inner_text().split("\t")[:3] == [named, "✗ failed", "0"]
    assert page.evaluate("window.pwned") is None and page.locator("img").count() == 0
    assert tab.requests == [report.as_uri()] and tab.outside == [] and tab.errors == []
