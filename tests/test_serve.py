"""The launcher's workaround of Streamlit's legacy `pages/` handling, guarded: these fail if an upgrade changes
what it relies on (then revisit `liptako.serve` and the README's note on hosting)."""

from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli
from streamlit.web.server.app_discovery import discover_asgi_app

from liptako import serve
from liptako.data import locate_data_dir

from .conftest import ROOT


@pytest.fixture
def restore_flag():  # noqa: ANN201
    saved = PagesManager.uses_pages_directory
    yield
    PagesManager.uses_pages_directory = saved


def test_streamlit_still_decides_legacy_mode_from_a_pages_folder_once_per_server(restore_flag) -> None:  # noqa: ANN001
    """The cause: with the flag unset, the first session's manager turns legacy mode on for this layout."""
    PagesManager.uses_pages_directory = None
    PagesManager(str(ROOT / "app.py"))
    assert PagesManager.uses_pages_directory is True


def test_a_flag_set_before_the_first_session_is_kept(restore_flag) -> None:  # noqa: ANN001
    """The workaround: set to False before any session, the flag survives the first session's manager."""
    PagesManager.uses_pages_directory = False
    PagesManager(str(ROOT / "app.py"))
    assert PagesManager.uses_pages_directory is False


def test_the_launcher_sets_the_flag_then_runs_this_app(monkeypatch, restore_flag) -> None:  # noqa: ANN001
    seen = {}
    monkeypatch.setattr(
        cli, "main", lambda: seen.update(flag=PagesManager.uses_pages_directory, argv=list(serve.sys.argv))
    )
    monkeypatch.setattr(serve.sys, "argv", ["liptako.serve", "--server.port", "9999"])
    PagesManager.uses_pages_directory = None
    serve.main()
    assert seen["flag"] is False
    assert seen["argv"] == ["streamlit", "run", str(serve.LAUNCHER), "--server.port", "9999"]


def test_streamlit_run_finds_the_launchers_app_and_the_app_is_this_checkouts() -> None:
    """`streamlit run` serves the launcher as an `st.App` (the host preamble's middleware) only if it finds one."""
    found = discover_asgi_app(serve.LAUNCHER)
    assert found.is_asgi_app and found.import_string == f"{serve.LAUNCHER.stem}:app"
    assert sorted(p.name for p in serve.LAUNCHER.parent.glob("*.py")) == ["__init__.py", serve.LAUNCHER.name]
    assert serve.entrypoint() == ROOT / "app.py"


def test_app_and_data_are_found_from_a_checkout_or_from_the_current_folder(tmp_path: Path) -> None:
    """An editable install finds the checkout's files; an installed wheel (its module under site-packages) finds
    the ones of the folder it is started from, unless LIPTAKO_DATA_DIR says otherwise."""
    module = ROOT / "src" / "liptako" / "serve.py"
    assert serve.app_path(module, tmp_path) == ROOT / "app.py"
    assert locate_data_dir(None, module, tmp_path) == ROOT / "data"
    wheel = tmp_path / "venv" / "lib" / "site-packages" / "liptako" / "serve.py"
    assert serve.app_path(wheel, tmp_path / "app") == tmp_path / "app" / "app.py"
    assert locate_data_dir(None, wheel, tmp_path / "app") == tmp_path / "app" / "data"
    assert locate_data_dir(str(tmp_path / "mine"), module, tmp_path) == tmp_path / "mine"


def test_every_documented_way_to_start_the_app_goes_through_the_launcher() -> None:
    """`make run`, the container, the local deployment and the README all start `python -m liptako.serve`; none
    runs plain `streamlit run app.py` (which the workaround above would not reach)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "-m liptako.serve" in run
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    cmd = next(line for line in dockerfile.splitlines() if line.startswith("CMD"))
    assert '"-m", "liptako.serve"' in cmd
    assert '"-m", "liptako.serve"' in (ROOT / "deploy" / "local.py").read_text(encoding="utf-8")
    for name in ("compose.yaml", "kubernetes.yaml"):  # the image's CMD is not overridden by a plain streamlit run
        assert "streamlit run" not in (ROOT / "deploy" / name).read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "python -m liptako.serve" in readme
