"""Direct quotations and their speakers.

A quotation is the text between curly quotes, or between straight double quotes paired
within a paragraph; it may run over several sentences. Its speaker is found, in order,
from:

* the words right after it: ``,” said a source``, ``,” Trump said``, ``” – PM Modi``;
* the words right before it: ``Trump said: “...``, ``According to X, “...``;
* a partial quotation inside a sentence: the subject of the nearest verb before it that
  takes quoted words (``Beijing dismissed the allegations as “...”``, ``what the Kremlin
  called a “...”``, ``Trump, who wrote that he was “...”``), else the sentence's main
  subject;
* a speech verb with no speaker of its own (``adding, “...``), or no attribution at all
  in the same paragraph: the speaker of the previous quotation (a continuation).

A speaker written as a pronoun (``,” he said``) keeps the pronoun's span here; the
coreference stage, which runs next, gives it the pronoun's referent.

This stage runs before event coding because events inside a quotation take its speaker
as their source (``I``, ``we``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from entente.actors.resolve import is_codable
from entente.lexicons.lexicon import Grammar, Lexicon
from entente.model import (
    Actor,
    Analysis,
    Mention,
    MentionKind,
    Provenance,
    Quote,
    Sentence,
    Span,
    Token,
    make_id,
)
from entente.text.phrases import governing_preposition

LAYER = "quotes"
_OPEN = "“"
_CLOSE = "”"
_MAX_QUOTE = 2000
_MARK = re.compile(f'[{_OPEN}"]')  # where a quotation may open
_WINDOW = 8
_NEXT_SENTENCE_GAP = 2  # characters between a closing mark and an attribution line
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
    next_mark = _MARK.search
    i = 0
    while (found := next_mark(text, i)) is not None:
        i = found.start()
        ch = text[i]
        closer = _CLOSE if ch == _OPEN else '"'
        j = text.find(closer, i + 1, i + 1 + _MAX_QUOTE)
        if ch == _OPEN:
            # a quote reopened before closing ends the first at the paragraph break
            reopen = text.find(_OPEN, i + 1, j if j >= 0 else i + 1 + _MAX_QUOTE)
            if reopen >= 0:
                i = reopen
                continue
        if j >= 0 and (ch == _OPEN or text.find("\n\n", i, j) < 0):
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
    mention = _speaker_after(analysis, after, speech, lexicon.grammar.events.audience_verbs)
    if mention is not None:
        return mention, "after-quote"
    before = _tokens_before(analysis, marks.open_at)
    mention = _speaker_before(analysis, lexicon, before, speech)
    if mention is not None:
        return mention, "before-quote"
    mention = _speaker_of_clause(analysis, lexicon, marks)
    if mention is not None:
        return mention, "clause-subject"
    if any(analysis.tokens[k].norm in speech for k in before[-3:]):
        return None, "continuation-verb"
    return None, "none"


def _speaker_of_clause(analysis: Analysis, lexicon: Lexicon, marks: _Marks) -> Mention | None:
    """A partial quotation inside a sentence: the subject of the nearest verb before it
    that takes quoted words (``Beijing dismissed the allegations as “...”``, ``what the
    Kremlin called a “...”``), else the sentence's main subject (``Trump gave Russia 50
    days ... or face “very severe” tariffs``)."""
    sentence = _sentence_at(analysis, marks.open_at)
    if sentence is None:
        return None
    g = lexicon.grammar
    verbs = g.speech_verbs | g.quote_verbs
    tokens = analysis.sentence_tokens(sentence)
    before = [t for t in tokens if t.span.end <= marks.open_at]
    if not before:
        return None  # a quotation opening its sentence is no partial quote
    for k in range(len(before) - 1, -1, -1):
        if (
            before[k].norm in verbs
            and not _in_mention(analysis, before[k].index)
            and _verb_form(before, k, g)
        ):
            subject = _subject_of(analysis, lexicon, before, k)
            if subject is not None:
                return subject
            break
    return _main_subject(analysis, lexicon, before)


def _in_mention(analysis: Analysis, token: int) -> bool:
    return any(m.token_start <= token < m.token_end for m in analysis.mentions)


def _verb_form(before: list[Token], k: int, g: Grammar) -> bool:
    """Whether the word at ``k`` reads as a verb: a past or -ing form, a present ``-s``
    form after no determiner, a bare form after ``to``, a modal or a pronoun (``Rakhine
    state`` and ``a social media post`` are nouns)."""
    word = before[k].norm
    previous = before[k - 1].norm if k > 0 else ""
    if word.endswith(("ed", "ing")) or word in g.quotes.irregular_pasts:
        return True
    if word.endswith("s"):
        return previous not in g.determiners
    return previous in g.events.modal_openers or previous in g.subject_pronouns


def _subject_of(
    analysis: Analysis, lexicon: Lexicon, before: list[Token], v: int
) -> Mention | None:
    """The mention that is the subject of the verb at ``before[v]``: right before it, past
    adverbs, auxiliaries and a day (``Manila on Monday summoned``), or before ``who``;
    ``None`` for a verb coordinated with an earlier one or opening a participle clause."""
    g = lexicon.grammar
    k = v - 1
    while k >= 0 and (
        before[k].norm in g.quotes.subject_gap
        or before[k].norm in g.events.days
        or (before[k].norm.endswith("ly") and before[k].norm.isalpha())
        or (before[k].norm == "on" and k + 1 < v and before[k + 1].norm in g.events.days)
    ):
        k -= 1
    if k >= 0 and before[k].norm in g.quotes.relatives:
        k -= 1
        while k >= 0 and before[k].norm == ",":
            k -= 1
    if k < 0:
        return None
    subject = _mention_ending(analysis, [before[k].index])
    if subject is None and before[k].norm in g.quotes.bare_pronouns:
        # "Manila summoned a Chinese diplomat to protest what it called": "it" is the
        # subject of an earlier clause, the nearest one opening a clause
        return _clause_opening_subject(analysis, lexicon, before, k)
    return subject


def _clause_opening_subject(
    analysis: Analysis, lexicon: Lexicon, before: list[Token], k: int
) -> Mention | None:
    """The nearest speaker-like mention before ``before[k]`` that opens its clause (after
    ``and``, a comma, a clause word or the sentence start)."""
    first = before[0].index
    openers = lexicon.grammar.coordinators | lexicon.grammar.clause_words | {","}
    for m in reversed(analysis.mentions):
        if m.token_end > before[k].index or m.token_start < first or not _can_speak(m):
            continue
        j = m.token_start - 1
        while j >= first and analysis.tokens[j].norm in lexicon.grammar.determiners:
            j -= 1
        if j < first or analysis.tokens[j].norm in openers:
            return m
    return None


def _main_subject(analysis: Analysis, lexicon: Lexicon, before: list[Token]) -> Mention | None:
    """The first speaker-like mention of the sentence that no preposition governs."""
    start = before[0].index
    end = before[-1].index + 1
    for m in analysis.mentions:
        if not (start <= m.token_start < end) or not _can_speak(m):
            continue
        if governing_preposition(analysis.tokens, m.token_start, start, lexicon.grammar) is None:
            return m
    return None


def _can_speak(m: Mention) -> bool:
    """A mention that can be a speaker: a person, body, country or sector, or a pronoun
    (``he said``, ``what it called``), which the coreference stage resolves later."""
    return m.kind in _SPEAKER_KINDS or m.kind is MentionKind.PRONOUN


def _speaker_after(
    analysis: Analysis, after: list[int], speech: frozenset[str], audience: frozenset[str]
) -> Mention | None:
    words = [analysis.tokens[k].norm for k in after]
    if not words:
        return None
    if words[0] in _DASHES:  # ” – PM Modi
        return _mention_starting(analysis, after[1:2])
    for n, word in enumerate(words[:_WINDOW]):
        if word in speech:  # ,” Trump said  |  ,” said a source  (not ,” he told reporters)
            subject = _mention_ending(analysis, after[max(0, n - 6) : n])
            if subject is not None or word in audience:
                return subject
            return _mention_starting(analysis, after[n + 1 : n + 4])
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
        if token.text in (_OPEN, '"', ";"):
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
    """Tokens from ``offset`` to the end of its sentence; from the sentence that starts
    right after it when the offset falls between sentences (``together.” – Modi``)."""
    sentence = _sentence_at(analysis, offset)
    if sentence is None:
        sentence = next(
            (
                s.index
                for s in analysis.sentences
                if 0 <= s.span.start - offset <= _NEXT_SENTENCE_GAP
                and _attribution_line(analysis, s.token_start)
            ),
            None,
        )
    if sentence is None:
        return
    sentence_index = sentence
    for token in analysis.tokens[analysis.sentences[sentence_index].token_start :]:
        if token.sentence != sentence_index:
            return
        if token.span.start >= offset:
            yield token


def _attribution_line(analysis: Analysis, first: int) -> bool:
    """Whether a sentence opening right after a closing mark attributes the quotation:
    it opens with a dash (``– Prime Minister Narendra Modi``) or in lower case (``he
    said``), not as a sentence of its own."""
    text = analysis.tokens[first].text
    return text in _DASHES or text[:1].islower()


def _sentence_at(analysis: Analysis, offset: int) -> int | None:
    """The sentence holding ``offset``: sentences go forward without overlapping, so
    the last one opening at or before it, if it has not ended."""
    sentences = analysis.sentences
    k = bisect_right(sentences, offset, key=_sentence_start) - 1
    if k >= 0 and offset < sentences[k].span.end:
        return sentences[k].index
    return None


def _sentence_start(sentence: Sentence) -> int:
    return sentence.span.start


def _paragraph_at(analysis: Analysis, offset: int) -> int:
    index = _sentence_at(analysis, offset)
    return analysis.sentences[index].paragraph if index is not None else -1


def _mention_starting(analysis: Analysis, tokens: list[int]) -> Mention | None:
    wanted = set(tokens)
    for m in analysis.mentions:
        if m.token_start in wanted and _can_speak(m):
            return m
    return None


def _mention_ending(analysis: Analysis, tokens: list[int]) -> Mention | None:
    wanted = {k + 1 for k in tokens}
    best: Mention | None = None
    for m in analysis.mentions:
        if m.token_end in wanted and _can_speak(m):
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
