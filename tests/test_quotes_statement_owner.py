"""A statement speaks for whoever issued it (bench/quote_eval/GUIDELINES.md): "Mr Crosby's
statement said" is Mr Crosby's (bbc politics/212 gave the speaker "Mr Crosby's statement", so
a search for his quotes missed it); an owner only a possessive names."""

from __future__ import annotations

from storytrace.quotes import extract_quotes


def _speakers(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker_name, q.speaker_type) for q in extract_quotes(text, parser=False)]


def test_a_persons_statement_is_that_persons() -> None:
    t = (
        "The strategist Lynton Crosby denied the report on Monday. Mr Crosby's statement said: "
        '"The party has been making an impact on the issues that matter this week." It added: '
        '"Labour will want to distract attention from them."'
    )
    (first, second) = _speakers(t)
    assert first == ("Lynton Crosby", "person")
    assert second[0] == "Lynton Crosby"  # "It" is the statement, so its owner


def test_an_organisations_statement_is_that_organisations() -> None:
    t = 'Unilever\'s statement said: "Our sales grew in every region this quarter."'
    assert [name for name, _ in _speakers(t)] == ["Unilever"]


def test_no_possessive_names_no_owner() -> None:
    for t in (
        'His statement said: "We are ready to talk to anyone this week."',
        'The statement said: "We are ready to talk to anyone this week."',
    ):
        assert [name for name, _ in _speakers(t)] == [t.split(" said")[0]]
