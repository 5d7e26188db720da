"""The report's page in headless Chromium (`.ci/run` installs it): the DOM keeps every chart and the screenshot
shows each chart's bars in their colours, over the area the SVG gives them."""
import collections
import re
import shutil
import subprocess

import numpy as np
import pytest
from PIL import Image

from pipeline import report
from tests.test_report import out  # noqa: F401 - the seeds and a rejected run, as a fixture

WIDTH, HEIGHT = 1280, 2400


def chromium(tmp_path, *args):
    binary = shutil.which("chromium")
    if not binary:
        pytest.fail("chromium is not installed: `.ci/run` installs it, or `apt-get install chromium`")
    done = subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--force-device-scale-factor=1", f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, timeout=180, check=True)
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def page(out, tmp_path_factory):  # noqa: F811
    path = tmp_path_factory.mktemp("page") / "report.html"
    path.write_text(report.render_html(report.gather(out)), encoding="utf-8")
    return path


def bar_areas(html):
    """Pixels of each fill colour the page's bars cover, from their SVG attributes."""
    areas = collections.Counter()
    for attributes in re.findall(r'<rect class="bar" ([^>]*)/>', html):
        a = dict(re.findall(r'(\w+)="([^"]*)"', attributes))
        areas[a["fill"]] += float(a["width"]) * float(a["height"])
    return areas


def test_dom_keeps_every_chart(page, tmp_path):
    source = page.read_text(encoding="utf-8")
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    charts = re.findall(r'data-chart="(\w+)"', dom)
    assert charts == re.findall(r'data-chart="(\w+)"', source)
    assert {"timeline", "pairs", "status", "format", "topics", "rejects"} == set(charts)
    assert dom.count('class="bar"') == source.count('class="bar"') > 10


def test_screenshot_shows_the_bars(page, tmp_path):
    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}", page.as_uri())
    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    assert pixels.shape == (HEIGHT, WIDTH, 3)
    expected = bar_areas(page.read_text(encoding="utf-8"))
    assert set(expected) >= {report.BAR, report.COLOURS["held"]}
    for colour, area in expected.items():
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        painted = int((np.abs(pixels - rgb).max(axis=2) <= 8).sum())
        legend = 100 * 2  # a 10 x 10 legend square over the timeline, and its share of antialiasing
        assert 0.9 * area <= painted <= area + legend + 0.05 * area, (colour, area, painted)
