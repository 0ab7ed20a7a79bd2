"""Direct quotations and their speakers.

A quotation is the text between curly quotes, or between straight double quotes paired
within a paragraph; it may run over several sentences. Its speaker is found, in order,
from:

* the words right after it: ``,” said a source``, ``,” Trump said``, ``” – PM Modi``;
* the words right before it: ``Trump said: “...``, ``According to X, “...``;
* a speech verb with no speaker of its own (``adding, “...``), or no attribution at all
  in the same paragraph: the speaker of the previous quotation (a continuation).

This stage runs before event coding because events inside a quotation take its speaker
as their source (``I``, ``we``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from entente.actors.resolve import is_codable
from entente.lexicons.lexicon import Lexicon
from entente.model import (
    Actor,
    Analysis,
    Mention,
    MentionKind,
    Provenance,
    Quote,
    Span,
    Token,
    make_id,
)

LAYER = "quotes"
_OPEN = "“"
_CLOSE = "”"
_MAX_QUOTE = 2000
_WINDOW = 6
_DASHES = frozenset({"-", "–", "—", "--"})
_SPEAKER_KINDS = (
    MentionKind.PERSON,
    MentionKind.SECTOR,
    MentionKind.GOVERNMENT,
    MentionKind.ORGANISATION,
    MentionKind.COUNTRY,
)


@dataclass(frozen=True, slots=True)
class _Marks:
    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark


def analyze_quotes(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Add quotations with their speakers."""
    analysis.require("text", "actors")
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_paragraph = -1
    for marks in find_quote_marks(analysis.text):
        inner = _inner_span(analysis.text, marks)
        if inner is None:
            continue
        paragraph = _paragraph_at(analysis, marks.open_at)
        speaker, rule = _attribute(analysis, lexicon, marks)
        if (
            speaker is None
            and previous is not None
            and (
                rule == "continuation-verb"
                or paragraph in (previous_paragraph, previous_paragraph + 1)
            )
        ):
            quote = _make(
                analysis,
                inner,
                previous.speaker_text,
                previous.speaker,
                previous.speaker_span,
                "continuation",
            )
        else:
            quote = _make_from_mention(analysis, inner, speaker, rule)
        quotes.append(quote)
        previous, previous_paragraph = quote, paragraph
    return analysis.with_layer(LAYER, quotes=tuple(quotes))


def find_quote_marks(text: str) -> Iterator[_Marks]:
    """Pairs of quotation marks: curly pairs, and straight pairs within a paragraph."""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in (_OPEN, '"'):
            closer = _CLOSE if ch == _OPEN else '"'
            j = text.find(closer, i + 1, i + 1 + _MAX_QUOTE)
            if ch == _OPEN:
                # a quote reopened before closing ends the first at the paragraph break
                reopen = text.find(_OPEN, i + 1, j if j >= 0 else i + 1 + _MAX_QUOTE)
                if reopen >= 0:
                    i = reopen
                    continue
            if j >= 0 and (ch == _OPEN or "\n\n" not in text[i:j]):
                yield _Marks(i, j)
                i = j + 1
                continue
        i += 1


def _inner_span(text: str, marks: _Marks) -> Span | None:
    start, end = marks.open_at + 1, marks.close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Span(start, end) if end > start else None


def _attribute(analysis: Analysis, lexicon: Lexicon, marks: _Marks) -> tuple[Mention | None, str]:
    after = _tokens_after(analysis, marks.close_at + 1)
    speech = lexicon.grammar.speech_verbs
    mention = _speaker_after(analysis, after, speech)
    if mention is not None:
        return mention, "after-quote"
    before = _tokens_before(analysis, marks.open_at)
    mention = _speaker_before(analysis, lexicon, before, speech)
    if mention is not None:
        return mention, "before-quote"
    if any(analysis.tokens[k].norm in speech for k in before[-3:]):
        return None, "continuation-verb"
    return None, "none"


def _speaker_after(analysis: Analysis, after: list[int], speech: frozenset[str]) -> Mention | None:
    words = [analysis.tokens[k].norm for k in after]
    if not words:
        return None
    if words[0] in _DASHES:  # ” – PM Modi
        return _mention_starting(analysis, after[1:2])
    for n, word in enumerate(words[:_WINDOW]):
        if word in speech:  # ,” said a source  |  ,” Trump said
            return _mention_starting(analysis, after[n + 1 : n + 4]) or _mention_ending(
                analysis, after[max(0, n - 4) : n]
            )
    return None


def _speaker_before(
    analysis: Analysis, lexicon: Lexicon, before: list[int], speech: frozenset[str]
) -> Mention | None:
    words = [analysis.tokens[k].norm for k in before]
    if words and words[-1] in (":", ","):
        for n in range(len(words) - 2, max(-1, len(words) - 2 - _WINDOW), -1):
            if words[n] in speech:
                return _mention_ending(analysis, before[max(0, n - 5) : n])
    for opener in lexicon.grammar.speaker_openers:
        for n in range(len(words) - len(opener)):
            if tuple(words[n : n + len(opener)]) == opener:
                return _mention_starting(analysis, before[n + len(opener) : n + len(opener) + 3])
    return None


def _tokens_after(analysis: Analysis, offset: int) -> list[int]:
    """Token indices after ``offset`` in the same sentence, up to the next quote."""
    out: list[int] = []
    for token in _from_offset(analysis, offset):
        if token.text in (_OPEN, '"') or token.text in (".", "!", "?", ";"):
            break
        if token.text not in (",", _CLOSE):
            out.append(token.index)
    return out[:12]


def _tokens_before(analysis: Analysis, offset: int) -> list[int]:
    sentence = _sentence_at(analysis, offset)
    if sentence is None:
        return []
    return [
        t.index
        for t in analysis.sentence_tokens(sentence)
        if t.span.end <= offset and t.text not in (_CLOSE, '"')
    ][-12:]


def _from_offset(analysis: Analysis, offset: int) -> Iterator[Token]:
    sentence = _sentence_at(analysis, offset)
    if sentence is None:
        return
    sentence_index = sentence
    for token in analysis.tokens[analysis.sentences[sentence_index].token_start :]:
        if token.sentence != sentence_index:
            return
        if token.span.start >= offset:
            yield token


def _sentence_at(analysis: Analysis, offset: int) -> int | None:
    for s in analysis.sentences:
        if s.span.start <= offset < s.span.end:
            return s.index
    return None


def _paragraph_at(analysis: Analysis, offset: int) -> int:
    index = _sentence_at(analysis, offset)
    return analysis.sentences[index].paragraph if index is not None else -1


def _mention_starting(analysis: Analysis, tokens: list[int]) -> Mention | None:
    wanted = set(tokens)
    for m in analysis.mentions:
        if m.token_start in wanted and m.kind in _SPEAKER_KINDS:
            return m
    return None


def _mention_ending(analysis: Analysis, tokens: list[int]) -> Mention | None:
    wanted = {k + 1 for k in tokens}
    best: Mention | None = None
    for m in analysis.mentions:
        if m.token_end in wanted and m.kind in _SPEAKER_KINDS:
            best = m
    return best


def _make_from_mention(
    analysis: Analysis, inner: Span, mention: Mention | None, rule: str
) -> Quote:
    if mention is None:
        return _make(analysis, inner, None, None, None, rule)
    actor = (
        mention.actors[0] if len(mention.actors) == 1 and is_codable(mention.actors[0]) else None
    )
    return _make(analysis, inner, mention.text, actor, mention.span, rule)


def _make(
    analysis: Analysis,
    inner: Span,
    speaker_text: str | None,
    speaker: Actor | None,
    speaker_span: Span | None,
    rule: str,
) -> Quote:
    return Quote(
        quote_id=make_id("q", analysis.article.article_id, inner.start, inner.end),
        span=inner,
        text=inner.text_of(analysis.text),
        speaker_text=speaker_text,
        speaker=speaker,
        speaker_span=speaker_span,
        provenance=Provenance(LAYER, rule),
    )
