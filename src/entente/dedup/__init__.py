"""Grouping reports of the same story: syndicated copies and light edits (near-duplicates).

Exact duplicates need nothing here: an article's id is the hash of its date and
normalized text, so the same text on the same day is one row. :class:`StoryLibrary`
compares a MinHash signature of a new article's word shingles with those of the stored
articles dated within a few days of it, and puts the article in the story of its nearest
neighbour when their estimated Jaccard similarity reaches the threshold, else starts a
story of its own.
"""

from entente.dedup.library import StoryLibrary, StoryLink
from entente.dedup.outlet import outlet_of
from entente.dedup.shingles import shingles

__all__ = ["StoryLibrary", "StoryLink", "outlet_of", "shingles"]
