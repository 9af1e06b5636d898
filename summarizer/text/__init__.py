"""Text: cleaning pasted text, sentences, words, language identification and the language profile."""

from .language import detect_language
from .normalize import Normalized, normalize
from .profile import LanguageProfile, count_words, profile
from .sentences import Sentence, split_sentences
from .words import Token, char_ngram_similarity, tokenize

__all__ = ["LanguageProfile", "Normalized", "Sentence", "Token", "char_ngram_similarity", "count_words",
           "detect_language", "normalize", "profile", "split_sentences", "tokenize"]
