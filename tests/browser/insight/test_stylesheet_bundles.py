"""The add-on's stylesheets come from Plone's resource registry, not <link> tags."""

from pathlib import Path

import re
import threeb.opgavegrupper


PACKAGE = Path(threeb.opgavegrupper.__file__).parent


def bundles(html):
    return re.findall(r'<link data-bundle="([^"]+)"', html)


def test_no_template_links_a_stylesheet_itself():
    linking = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.pt")
        if re.search(r"<link\b[^>]*stylesheet", path.read_text(encoding="utf-8"))
    ]
    assert linking == []


def test_the_pages_bundle_is_on_every_page_and_the_print_bundle_is_not(browser_as):
    html = browser_as().get("/grupper").text
    assert "threeb-opgavegrupper" in bundles(html)
    assert "threeb-opgavegrupper-print" not in bundles(html)


def test_the_wheel_and_the_memo_ask_for_the_print_bundle(browser_as):
    for path in ("/grupper/@@aarshjul", "/grupper/gaarde/r3/@@decision-memo"):
        response = browser_as("board1").get(path)
        assert response.status_code == 200
        assert bundles(response.text).count("threeb-opgavegrupper-print") == 1
