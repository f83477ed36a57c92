"""A real browser for the web app: Debian's Chromium driven by Playwright, its microphone an espeak-ng WAV."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from vori.testing.speech import Speech

CHROMIUM = os.environ.get("VORI_TEST_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# Without the networking flags Chromium keeps reaching for Google's hosts, which this machine refuses.
QUIET_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]

@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: `scripts/install --test` installs Debian's chromium")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def standup_wav(standup: Speech, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return standup.save_wav(tmp_path_factory.mktemp("speech") / "standup.wav")


def launch(playwright: Playwright, microphone: Path) -> Browser:
    """Headless Chromium whose microphone plays `microphone` (a WAV) once, from the moment a page opens it;
    the permission prompt is answered yes."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True,
        args=[*QUIET_FLAGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
              f"--use-file-for-fake-audio-capture={microphone}%noloop", "--autoplay-policy=no-user-gesture-required"],
    )


@pytest.fixture(scope="session")
def browser(playwright: Playwright, standup_wav: Path) -> Iterator[Browser]:
    """The spoken stand-up is every page's microphone."""
    browser = launch(playwright, standup_wav)
    yield browser
    browser.close()


@pytest.fixture
def browser_hearing(playwright: Playwright, tmp_path: Path) -> Iterator[Callable[[Speech], Browser]]:
    """A browser of its own whose microphone says something else."""
    launched: list[Browser] = []

    def factory(speech: Speech) -> Browser:
        launched.append(launch(playwright, speech.save_wav(tmp_path / f"speech-{len(launched)}.wav")))
        return launched[-1]

    yield factory
    for browser in launched:
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="en-US")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def screenshot() -> Callable[[Page, str], None]:
    """Saves a page as docs/screenshots/NAME.png (the README shows them)."""

    def save(page: Page, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return save
