"""A named group told something is the listener, not the content's first words (BBC politics
007, 147, 351: "Mr Blair told Labour members the Tories offered a 'hard right agenda'" had
"Labour members" inside the quote)."""

from __future__ import annotations

import pytest

from storytrace.quotes import extract_quotes


@pytest.mark.parametrize("parser", [False, True])
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Mr Blair told Labour members the Tories offered a "hard right agenda".',
            'the Tories offered a "hard right agenda"',
        ),
        ("She told Tory activists their votes mattered.", "their votes mattered"),
    ],
)
def test_a_named_group_is_the_listener(text, content, parser):
    (q,) = extract_quotes(text, parser=parser)
    assert [text[s:e] for s, e in q.parts] == [content]
