"""`parley watch`: cycles over new files and entries only; Ctrl-C and SIGTERM stop it after the cycle in flight."""
import os
import signal
import subprocess
import sys
import threading

from pipeline import cli
from tests.httpserver import Reply, server  # noqa: F401 - the fixture
from tests.test_feeds import LONG, PROFILE, rss, rss_item

ARTICLE = "Talks in the capital\n\nThe foreign ministers met on Monday to discuss trade and energy.\n"


def test_each_cycle_takes_only_new_files(tmp_path, monkeypatch, capsys):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    cycles = []

    def run_then_add_a_file(args, beam_args):
        code = cli_run(args, beam_args)
        cycles.append(args.run_id)
        if len(cycles) == 1:
            (folder / "b.txt").write_text(ARTICLE.replace("Monday", "Friday"), encoding="utf-8")
        return code
    cli_run = cli.run
    monkeypatch.setattr(cli, "run", run_then_add_a_file)
    assert cli.main(["watch", str(folder), "--out", str(out), "--every", "0", "--max-cycles", "3"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("parley: run ")]
    assert len(lines) == 3 and cycles == [None] * 3  # a fresh run id every cycle
    assert "1 inputs, 1 articles" in lines[0]
    assert "1 inputs, 1 articles, 0 duplicates skipped, 0 meetings, 0 rejects; 1 files unchanged" in lines[1]
    assert "0 inputs, 0 articles, 0 duplicates skipped, 0 meetings, 0 rejects; 2 files unchanged" in lines[2]
    assert len(list((out / "_runs").glob("*.json"))) == 3


def profile_file(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return str(path)


def feed(server, delay=0):
    server.routes["/wire.xml"] = Reply(body=rss(rss_item("Full", server.url("/1"), guid="1", content=f"<p>{LONG}</p>")),
                                       delay=delay)
    return server.url("/wire.xml")


def test_ctrl_c_stops_after_the_cycle_in_flight(server, tmp_path, capsys):
    url = feed(server)
    before = signal.getsignal(signal.SIGINT)  # the default, or SIG_IGN when the tests run in the background
    server.on_request = lambda _: os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the cycle fetches its feed
    args = ["watch", url, "--out", str(tmp_path / "out"), "--every", "3600", "--config", profile_file(tmp_path),
            "--allow-private-addresses"]
    assert cli.main(args) == 0
    err = capsys.readouterr().err
    assert "stopping after the cycle in flight" in err and "1 inputs, 1 articles" in err
    assert "stopped after 1 cycle(s)" in err
    assert signal.getsignal(signal.SIGINT) is before  # the handler the run found is put back


def test_sigterm_stops_a_watch_process_after_its_cycle(server, tmp_path):
    url = feed(server, delay=0.2)  # the signal arrives while the feed is fetched (read timeout 0.5 s)
    fetched = threading.Event()
    server.on_request = lambda _: fetched.set()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "watch", url, "--out", str(tmp_path / "out"),
                             "--every", "3600", "--config", profile_file(tmp_path), "--allow-private-addresses"],
                            stderr=subprocess.PIPE, text=True)
    try:
        assert fetched.wait(120)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "1 inputs, 1 articles" in err and "stopped after 1 cycle(s)" in err and "Traceback" not in err
