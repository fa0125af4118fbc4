"""The review pages in Debian's headless Chromium (no network): every figure of a record has a
highlight in the DOM, a click on a flag scrolls to and marks its evidence, the overview has one
row per commune, and a screenshot is not blank. Skipped, saying why, where Chromium is absent."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.core import i18n
from extractor.outputs import links
from extractor.pipeline import document_to_record
from extractor.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    if not (CHROMIUM and DRIVER):
        pytest.skip("Chromium and chromedriver are not installed (Debian: apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-dev-shm-usage"):  # no network
        options.add_argument(arg)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ingest of three reports: two communes, one of them twice (so flags across reports)."""
    from extractor.ingest.run import run_ingest

    src = tmp_path_factory.mktemp("in")
    for name in ("luc-binh-2023.txt", "luc-binh-2023.docx"):
        shutil.copy(ROOT / "corpus" / name, src / name)
    generated = sorted((ROOT / "corpus" / "generated").glob("*.docx"))[:1]
    for path in generated:
        shutil.copy(path, src / path.name)
    out = tmp_path_factory.mktemp("out")
    with i18n.language_set("vi"):
        run_ingest([str(src)], out, jobs=1)
    return out


def test_every_figure_has_a_highlight_and_a_flag_click_marks_its_evidence(browser, site: Path) -> None:  # noqa: ANN001
    import pandas as pd
    from selenium.webdriver.common.by import By

    communes = pd.read_csv(site / "communes.csv", encoding="utf-8-sig")
    # the .txt and the .docx of the sample are one report: one row, listing both files
    row = communes[communes["files"].str.contains("luc-binh-2023.txt", regex=False)].iloc[0]
    record = document_to_record(read_document(row["file"]))
    browser.get((site / row["review"]).as_uri())  # the CSV row points to the page
    ids = {m.get_attribute("id") for m in browser.find_elements(By.TAG_NAME, "mark")}
    for fig in record.figures:
        assert links.figure_anchor(fig.location.block, fig.location.start) in ids, fig.text
    flag = next(f for f in browser.find_elements(By.CSS_SELECTOR, ".flag[data-evidence]")
                if f.get_attribute("data-evidence").strip())
    evidence = flag.get_attribute("data-evidence").split()
    assert browser.execute_script("return window.scrollY") == 0
    flag.click()
    marked = [m.get_attribute("id") for m in browser.find_elements(By.CSS_SELECTOR, "mark.active")]
    assert marked and set(marked) <= set(evidence)
    target = browser.find_element(By.ID, marked[0])
    in_view = browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", target)
    assert in_view and browser.execute_script("return window.scrollY") > 0


def test_overview_has_one_row_per_commune_and_links_to_pages(browser, site: Path) -> None:  # noqa: ANN001
    import pandas as pd
    from selenium.webdriver.common.by import By

    browser.get((site / links.REVIEW_DIR / "index.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.commune")
    communes = pd.read_csv(site / "criteria.csv", encoding="utf-8-sig")
    assert len(rows) == len(communes) == 2
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "tr.commune a")]
    for href in hrefs:
        assert Path(href.removeprefix("file://").split("#")[0]).exists(), href
    cell = browser.find_element(By.CSS_SELECTOR, "tr.commune td.met")
    assert cell.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"


def test_screenshot_is_not_blank(browser, site: Path, tmp_path: Path) -> None:  # noqa: ANN001
    browser.get((site / links.REVIEW_DIR / "index.html").as_uri())
    shot = tmp_path / "overview.png"
    assert browser.save_screenshot(str(shot))
    from PIL import Image

    colours = Image.open(shot).convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 20  # text, grid and status colours, not one flat page
