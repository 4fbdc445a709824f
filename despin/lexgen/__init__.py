"""Lexicon generators: build `lexicons/generated/*.tsv` and `lexicons/signals/` from thesauri.

Run with `python -m despin.lexgen`. They run only when the lexicons are rebuilt (they need
Debian's `wordnet-base` and `mythes-en-us` data and wordfreq; the near-miss signal's loose tier
also the Moby thesaurus, `pip install -e '.[lexgen]'`; `--only terms` also `dict-foldoc`,
`dict-vera` and apt's Translation-en lists), never when despin checks text.
"""
