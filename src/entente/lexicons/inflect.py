"""English inflection for pattern words: lemmas are written once, every form matches.

Irregular verbs and consonant doubling come from data files; the rest follows the
regular spelling rules (``-e`` dropped before ``-ing``, ``-y`` to ``-ies``/``-ied``).
"""

from __future__ import annotations

from dataclasses import dataclass

_VOWELS = frozenset("aeiou")
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


@dataclass(frozen=True, slots=True)
class Inflector:
    """Generates inflected forms from a lemma."""

    irregular: dict[str, tuple[str, ...]]
    doubling: frozenset[str]

    def verb_forms(self, lemma: str) -> frozenset[str]:
        """Every form of a verb: ``hold`` → hold, holds, held, holding."""
        words = lemma.split()
        head, rest = words[0], words[1:]
        forms = self.irregular.get(head) or self._regular(head)
        return frozenset(" ".join([form, *rest]) for form in {head, *forms})

    def noun_forms(self, noun: str) -> frozenset[str]:
        """Singular and plural of a noun (the last word inflects)."""
        *rest, head = noun.split()
        return frozenset(" ".join([*rest, form]) for form in {head, plural(head)})

    def _regular(self, lemma: str) -> tuple[str, ...]:
        if lemma in self.doubling:
            stem = lemma + lemma[-1]
            return (third_person(lemma), stem + "ed", stem + "ing")
        if lemma.endswith("ie"):
            return (lemma + "s", lemma + "d", lemma[:-2] + "ying")
        if lemma.endswith("e"):
            ing = lemma + "ing" if lemma.endswith(("ee", "ye", "oe")) else lemma[:-1] + "ing"
            return (lemma + "s", lemma + "d", ing)
        if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
            return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
        return (third_person(lemma), lemma + "ed", lemma + "ing")


def third_person(lemma: str) -> str:
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return lemma[:-1] + "ies"
    if lemma.endswith(_SIBILANT_ENDINGS):
        return lemma + "es"
    return lemma + "s"


def plural(noun: str) -> str:
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun  # already plural, or invariant ("talks", "arms")
    if noun.endswith("y") and noun[-2:-1] not in _VOWELS:
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"
