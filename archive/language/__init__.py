"""Everything the archive knows about languages, in one place.

Script detection and look-alike folding (``scripts``), language detection (``detect``),
per-language vocabularies as data files (``profiles``: ``data/languages/<code>.json``),
month names (``months``), country names (``countries``) and language names (``names``),
from Babel/CLDR for every locale it has plus small data files for what CLDR lacks. The
parser and the search both use it, so a text gets one label and one spelling.
"""

from archive.language.detect import detect_language, function_words
from archive.language.profiles import Profile, phrase_pattern, profile, profiles
from archive.language.scripts import detect_script, fold_lookalikes, fold_word, script_of, word_script

__all__ = [
    "Profile",
    "detect_language",
    "detect_script",
    "fold_lookalikes",
    "fold_word",
    "function_words",
    "phrase_pattern",
    "profile",
    "profiles",
    "script_of",
    "word_script",
]
