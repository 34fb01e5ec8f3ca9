"""Reading inputs: encodings, JSONL variants, stdin, passim names, dates, duplicate ids."""

from __future__ import annotations

import codecs
import gzip
import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace import corpus
from storytrace.articles import (
    Article,
    InputError,
    InputWarning,
    decode_bytes,
    iter_articles,
    iter_jsonl,
    read_article,
    record_to_article,
)
from storytrace.cli import app

runner = CliRunner()
FRENCH = "Le café était fermé à Zürich, où les élèves attendaient le maire."
RUSSIAN = "Мэр города заявил, что новый мост откроется в следующем месяце."
BODY = (
    "The council voted on Friday to close the old harbour bridge for repairs, and the mayor "
    "said the work would take at least six months to finish."
)


def articles(*paths: str) -> list[tuple[str, Article | InputError]]:
    return list(iter_articles(list(paths)))


# --- encodings of single files -------------------------------------------------


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + FRENCH.encode(), "f") == FRENCH


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_or_without_bom(codec: str) -> None:
    # "utf-16"/"utf-32" write a BOM; the -le/-be forms do not.
    assert decode_bytes(FRENCH.encode(codec), "f") == FRENCH


def test_one_bad_byte_in_utf8_is_replaced_not_mojibake() -> None:
    data = FRENCH.encode() + b" \x92 " + FRENCH.encode()
    with pytest.warns(InputWarning, match=r"f: 1 byte\(s\) invalid in UTF-8"):
        text = decode_bytes(data, "f")
    assert text == f"{FRENCH} \ufffd {FRENCH}"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (FRENCH, "latin-1"),
        (FRENCH, "cp1252"),
        (RUSSIAN, "cp1251"),
        ("Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για τη στέγαση.", "cp1253"),
        # Too short for detection: charset-normalizer alone reads these as
        # UTF-16 or Urdu; Windows-1252 is the default without evidence.
        ("café", "cp1252"),
        ("It cost £3m.", "cp1252"),
    ],
)
def test_legacy_encodings_are_detected(text: str, codec: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a clean legacy file is no warning
        assert decode_bytes(text.encode(codec), "f") == text


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(256)) * 10, "f")


def test_read_article_file_in_utf16(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(BODY.encode("utf-16"))
    assert read_article(p).text == BODY


# --- JSONL ---------------------------------------------------------------------


def jsonl(*recs: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def test_jsonl_bom_does_not_skip_line_one(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_bytes(
        codecs.BOM_UTF8 + jsonl({"id": 1, "text": BODY}, {"id": 2, "text": BODY}).encode()
    )
    got = articles(str(p))
    assert [aid for aid, _ in got] == ["1", "2"]
    assert all(isinstance(a, Article) for _, a in got)


def test_latin1_jsonl_is_decoded(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_bytes(jsonl({"id": "x", "text": FRENCH}).encode("latin-1"))
    ((_, art),) = articles(str(p))
    assert isinstance(art, Article) and art.text == FRENCH


def test_utf16_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_bytes(jsonl({"id": "x", "text": RUSSIAN}, {"id": "y", "text": BODY}).encode("utf-16"))
    got = articles(str(p))
    assert [a.text for _, a in got] == [RUSSIAN, BODY]  # type: ignore[union-attr]


def test_stray_byte_spoils_one_jsonl_line_only(tmp_path: Path) -> None:
    good = jsonl({"id": "a", "text": FRENCH}).encode()
    bad = jsonl({"id": "b", "text": FRENCH}).encode().replace("café".encode(), b"caf\xe9 \xc3\xa9")
    p = tmp_path / "d.jsonl"
    p.write_bytes(good + bad)
    with pytest.warns(InputWarning, match=r"d.jsonl:2: 1 byte"):
        got = dict(articles(str(p)))
    assert got["a"].text == FRENCH  # type: ignore[union-attr]
    assert "caf\ufffd é" in got["b"].text  # type: ignore[union-attr]


def test_gzipped_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl.gz"
    p.write_bytes(gzip.compress(jsonl({"id": "g1", "text": BODY}).encode()))
    ((aid, art),) = articles(str(p))
    assert aid == "g1" and isinstance(art, Article) and art.text == BODY


def test_truncated_gzip_is_an_error_after_the_good_records(tmp_path: Path) -> None:
    data = gzip.compress(jsonl(*({"id": i, "text": BODY * 30} for i in range(50))).encode())
    p = tmp_path / "d.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    got = articles(str(p))
    assert isinstance(got[-1][1], InputError) and "truncated gzip" in str(got[-1][1])
    assert sum(isinstance(a, Article) for _, a in got) >= 1


def test_folder_finds_gzipped_jsonl_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(jsonl({"id": "z", "text": BODY}).encode()))
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(BODY)
    ids = [aid for aid, _ in articles(str(tmp_path))]
    assert ids == [str(tmp_path / "a.txt"), "z"]


def test_a_folders_readme_and_licence_are_skipped_with_a_warning(tmp_path: Path) -> None:
    """BBC News's folder holds README.TXT, ECB+'s COPYING-CC.TXT: not articles."""
    from storytrace.errors import InputWarning

    for name in ("README.TXT", "COPYING-CC.TXT", "licence.txt", "readme.html", "a.txt"):
        (tmp_path / name).write_text(BODY)
    (tmp_path / "licensed-cabs.txt").write_text(BODY)  # an article whose name starts alike
    with pytest.warns(InputWarning) as caught:
        ids = [aid for aid, _ in articles(str(tmp_path))]
    assert ids == [str(tmp_path / "a.txt"), str(tmp_path / "licensed-cabs.txt")]
    said = sorted(str(w.message) for w in caught)
    assert len(said) == 4 and all("readme or licence, not an article; skipped" in m for m in said)
    # Named on its own, a readme is read like any file.
    assert [aid for aid, _ in articles(str(tmp_path / "README.TXT"))] == [
        str(tmp_path / "README.TXT")
    ]


def test_malformed_and_invalid_records_are_errors_in_order(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(
        jsonl({"id": "ok", "text": BODY})
        + "{not json\n"
        + jsonl({"id": ["list"], "text": BODY}, {"id": "n", "text": 5}, {"id": "e", "text": " "})
        + "[1, 2]\n"
        + jsonl({"id": "t", "text": BODY, "title": {"x": 1}}, {"id": "last", "text": BODY})
    )
    got = articles(str(p))
    kinds = [type(a).__name__ for _, a in got]
    assert kinds == ["Article"] + ["InputError"] * 6 + ["Article"]
    msgs = [str(a) for _, a in got[1:-1]]
    assert msgs[0].startswith(f"{p}:2: malformed JSON")
    assert "needs an 'id'" in msgs[1]
    assert "needs a string 'text'" in msgs[2]
    assert "'text' is empty" in msgs[3]
    assert "expected a JSON object" in msgs[4]
    assert "'title' must be a string" in msgs[5]


def test_duplicate_ids_first_kept_and_reported(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(jsonl({"id": "x", "text": BODY}, {"id": "x", "text": FRENCH + " " + BODY}))
    got = articles(str(p))
    assert got[0][1].text == BODY  # type: ignore[union-attr]
    assert isinstance(got[1][1], InputError)
    assert str(got[1][1]) == f"{p}:2: duplicate id 'x' (first at {p}:1); skipped"
    r = corpus.index([str(p)], tmp_path / "db", quotes=False)
    assert (r.added, len(r.errors)) == (1, 1)
    stored = list(corpus.Store(tmp_path / "db").iter_articles())
    assert [a["text"] for a in stored] == [BODY]


def test_huge_jsonl_line_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storytrace.articles as arts

    monkeypatch.setattr(arts, "MAX_BYTES", 1000)
    p = tmp_path / "d.jsonl"
    p.write_text(jsonl({"id": "big", "text": "word " * 1000}, {"id": "small", "text": BODY}))
    got = list(iter_jsonl(p))
    assert isinstance(got[0][1], InputError) and "longer than" in str(got[0][1])
    assert got[1] == (2, {"id": "small", "text": BODY})


# --- metadata: passim names and dates --------------------------------------------


def test_compare_reads_a_one_record_jsonl_as_its_article(tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"id": "x", "text": BODY, "title": "Bridge shut"}) + "\n")
    art = read_article(one)
    # The record's text, not the JSON source with its braces and keys.
    assert (art.id, art.text, art.title) == ("x", BODY, "Bridge shut")


def test_compare_refuses_jsonl_with_many_or_bad_records(tmp_path: Path) -> None:
    two = tmp_path / "two.jsonl"
    two.write_text("".join(json.dumps({"id": i, "text": BODY}) + "\n" for i in (1, 2)))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text"\n')
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    for path, message in (
        (two, "holds more than one record"),
        (bad, "bad.jsonl:1: malformed JSON"),
        (empty, "empty.jsonl: file is empty"),
    ):
        result = runner.invoke(app, ["compare", str(path), str(two)])
        assert result.exit_code != 0
        assert message in result.output and "Traceback" not in result.output


def test_an_empty_jsonl_dump_is_named_like_an_empty_text_file(tmp_path: Path) -> None:
    """Found building a corpus: an empty .txt among the inputs printed "skipped: e.txt: file
    is empty", an empty .jsonl (or one of blank lines) nothing at all, so a dump that
    failed to download went unnoticed beside the files that were indexed."""
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    for body in ("", "\n\n"):
        empty = tmp_path / "dump.jsonl"
        empty.write_text(body)
        db = tmp_path / f"db{len(body)}"
        result = runner.invoke(app, ["index", str(good), str(empty), "--db", str(db)])
        assert result.exit_code == 1, result.output
        assert f"skipped: {empty}: file is empty" in result.stderr
        assert "1 added, 0 unchanged, 1 skipped" in result.stderr


def test_passim_series_and_date_are_aliases() -> None:
    art = record_to_article(
        {"id": "p1", "text": BODY, "series": "gazette", "date": "1851-03-04"}, "w"
    )
    assert (art.outlet, art.series) == ("gazette", "gazette")
    assert (art.published, art.published_raw) == ("1851-03-04T00:00:00Z", "1851-03-04")


def test_outlet_and_published_win_over_aliases() -> None:
    rec = {
        "id": 1,
        "text": BODY,
        "outlet": "O",
        "series": "S",
        "published": "2019-05-30T07:00:00-05:00",
    }
    rec["date"] = "1999-01-01"
    art = record_to_article(rec, "w")
    assert (art.outlet, art.series, art.published) == ("O", "S", "2019-05-30T12:00:00Z")


def test_the_url_host_is_the_outlet_when_none_is_given() -> None:
    def outlet(**meta: str) -> str | None:
        return record_to_article({"id": 1, "text": BODY, **meta}, "w").outlet

    assert outlet(url="https://www.Harbour-Gazette.example/news/1?x=2") == "harbour-gazette.example"
    assert outlet(url="sports.example.com/a") == "sports.example.com"
    assert outlet(url="https://example.com/a", series="S") == "S"
    assert outlet(url="https://example.com/a", outlet="O") == "O"
    assert outlet(url="article 17") is None
    assert outlet(url="http://[::1") is None  # malformed: no host, no error


def test_unreadable_date_is_a_warning_naming_the_record() -> None:
    with pytest.warns(InputWarning, match=r"d.jsonl:3: record r9: cannot read the date 'soon'"):
        art = record_to_article({"id": "r9", "text": BODY, "published": "soon"}, "d.jsonl:3")
    assert art.published is None and art.published_raw == "soon"


def test_published_is_stored_as_utc(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(jsonl({"id": "a", "text": BODY, "date": "Thu, 30 May 2019 07:00:00 -0500"}))
    corpus.index([str(p)], tmp_path / "db", quotes=False)
    (stored,) = corpus.Store(tmp_path / "db").iter_articles()
    assert stored["published"] == "2019-05-30T12:00:00Z"


# --- the index command --------------------------------------------------------------


def test_index_reads_jsonl_from_stdin(tmp_path: Path) -> None:
    dump = jsonl({"id": "s1", "text": BODY}, {"id": "s2", "text": FRENCH + " " + BODY})
    res = runner.invoke(
        app, ["index", "-", "--db", str(tmp_path / "db"), "--workers", "1"], input=dump
    )
    assert res.exit_code == 0, res.output
    ids = sorted(a["id"] for a in corpus.Store(tmp_path / "db").iter_articles())
    assert ids == ["s1", "s2"]


def test_index_refuses_plain_text_on_stdin(tmp_path: Path) -> None:
    res = runner.invoke(app, ["index", "-", "--db", str(tmp_path / "db")], input=BODY)
    assert res.exit_code == 1
    assert "<stdin>: expected JSON Lines" in res.output
    assert "Traceback" not in res.output


def test_index_exit_status_and_warnings(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(jsonl({"id": "a", "text": BODY, "date": "not a date"}) + "{oops\n")
    res = runner.invoke(app, ["index", str(p), "--db", str(tmp_path / "db"), "--workers", "1"])
    assert res.exit_code == 1
    assert f"warning: {p}:1: record a: cannot read the date 'not a date'" in res.output
    assert f"skipped: {p}:2: malformed JSON" in res.output
    assert "1 added, 0 unchanged, 1 skipped" in res.output
    res = runner.invoke(app, ["index", str(p), "--db", str(tmp_path / "db"), "--workers", "1"])
    assert "0 added, 1 unchanged, 1 skipped" in res.output


def test_index_nothing_indexed_is_failure(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    res = runner.invoke(app, ["index", str(empty), "--db", str(tmp_path / "db")])
    assert res.exit_code == 1 and "no article was indexed" in res.output


def test_index_help_documents_fields() -> None:
    res = runner.invoke(app, ["index", "--help"], env={"COLUMNS": "300"})
    for word in ('"series"', '"date"', '"published"', ".jsonl.gz", "- for JSONL on stdin"):
        assert word in res.output


def test_html_publication_time_keeps_time_and_zone(tmp_path: Path) -> None:
    body = " ".join(
        f"<p>Paragraph {i}: the council approved the budget for the harbour bridge repairs "
        "after a long debate about local taxes.</p>"
        for i in range(6)
    )
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><title>Budget</title><meta property="article:published_time" '
        'content="2019-05-30T07:00:00-05:00"></head>'
        f"<body><article><h1>Budget</h1>{body}</article></body></html>"
    )
    art = read_article(page)
    # 07:00 at UTC-5 is 12:00 UTC; the day alone (htmldate's default) loses the order
    # of two articles published the same day.
    assert art.published == "2019-05-30T12:00:00Z"
    assert art.published_raw == "2019-05-30T07:00:00-0500"


def test_html_year_in_the_text_is_no_publication_date(tmp_path: Path) -> None:
    """Found indexing ECB+ pages saved as HTML without date markup: "his 2013 Toyota Camry"
    became the page's publication date, 2013-01-01 (htmldate's last resort reads a lone
    year, or a copyright year, as 1 January; a month and year as its first day), and
    `stories` named the article the source of two reports of September 2013, "by time".
    A date is kept only when the page gives it whole, in its markup or its text."""

    def page(name: str, head: str, lead: str) -> Path:
        body = " ".join(
            f"<p>{lead if i == 0 else 'Police said the driver fled the scene.'} The victim"
            " was pronounced dead at the hospital and a man was later charged.</p>"
            for i in range(5)
        )
        path = tmp_path / name
        path.write_text(
            f"<html><head><title>Driver charged</title>{head}</head><body><article>"
            f"<h1>Driver charged</h1>{body}</article><footer>© 2013 Example News</footer>"
            "</body></html>"
        )
        return path

    car = page("car.html", "", "He struck her with his 2013 Toyota Camry.")
    assert read_article(car).published is None
    month = page("month.html", "", "The crash was the third on the street since May 2013.")
    assert read_article(month).published is None
    # A whole date is kept: in the markup, even when it is the first of a month, and in the
    # text.
    meta = '<meta property="article:published_time" content="2013-09-01T00:00:00Z">'
    assert read_article(page("meta.html", meta, "A crash.")).published == "2013-09-01T00:00:00Z"
    said = page("said.html", "", "Published Monday, September 16, 2013. A crash.")
    assert read_article(said).published == "2013-09-16T00:00:00Z"


def test_utf16_jsonl_on_stdin() -> None:
    dump = jsonl({"id": "u1", "text": RUSSIAN}).encode("utf-16")
    res = runner.invoke(app, ["quotes", "-", "--json", "--no-parser"], input=dump)
    assert res.exit_code == 0, res.output
    (d,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert (d["id"], d["text"]) == ("u1", RUSSIAN)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_refuse_cleanly(data: bytes) -> None:
    # Arbitrary bytes: text, or a one-line InputError; never another exception.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        try:
            text = decode_bytes(data, "f")
        except InputError as e:
            assert "\n" not in str(e) and str(e).startswith("f: ")
        else:
            assert isinstance(text, str)


@settings(max_examples=200, deadline=None)
# (A leading U+FEFF is a byte-order mark and dropped, by design.)
@given(st.text(max_size=200).filter(lambda t: "\x00" not in t and not t.startswith("\ufeff")))
def test_valid_utf8_round_trips(text: str) -> None:
    try:
        assert decode_bytes(text.encode(), "f") == text
    except InputError as e:  # control-heavy text is refused as binary, never mangled
        assert "binary" in str(e)
