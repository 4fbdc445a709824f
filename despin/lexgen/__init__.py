"""Lexicon generators: build `lexicons/generated/*.tsv` and `lexicons/signals/` from thesauri.

Run with `python -m despin.lexgen`. They run only when the lexicons are rebuilt (they need
Debian's `wordnet-base` and `mythes-en-us` data and wordfreq), never when despin checks text.
"""
