"""Text handling: parsing raw transcripts, cleaning, and an extractive summarizer."""
import re
from collections import Counter

SEGMENT = re.compile(r"^\[(\d\d):(\d\d):(\d\d)\]\s+([A-Z]+):\s+(.*)$")
HEADER = re.compile(r"^#\s*(\w+):\s*(.*)$")
WORD = re.compile(r"[A-Za-z0-9']+")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# Sentences that belong to the show, not the content.
BOILERPLATE = re.compile(
    r"sponsor|brought to you by|use code|percent off|subscribe|leave us a review|rate the show|"
    r"welcome (back )?to|thanks for having me|thank you|glad to be here|visit \w+ dot com|new users get|months free",
    re.IGNORECASE,
)
FILLERS_LIGHT = re.compile(r",?\s*\b(?:um)\b,?", re.IGNORECASE)
FILLERS_FULL = re.compile(r",?\s*\b(?:um|uh|you know|honestly)\b,?", re.IGNORECASE)
ABBREVIATIONS = ("Dr.", "Prof.", "Mr.", "Ms.", "Mrs.")
STOPWORDS = frozenset(
    """a an the and or but if of to in on at for with by from as is are was were be been it its this that
    these those we our you your they their he she his her i me my so do does did not no yes about into than
    then there here what which who how why can could would should will just also more most very much many
    one two some any all each every our us them have has had""".split()
)


def parse_episode(text):
    """Raw transcript -> {'title', 'duration_min', 'segments': [(seconds, speaker, text)]}."""
    meta = {"title": "", "duration_min": 0, "segments": []}
    for line in text.splitlines():
        header = HEADER.match(line)
        if header:
            key, value = header.groups()
            meta[key] = int(value) if key == "duration_min" else value
            continue
        segment = SEGMENT.match(line)
        if segment:
            h, m, s, speaker, words = segment.groups()
            meta["segments"].append((int(h) * 3600 + int(m) * 60 + int(s), speaker, words.strip()))
    return meta


def words(text):
    return WORD.findall(text.lower())


def split_sentences(text):
    protected = text
    for abbreviation in ABBREVIATIONS:
        protected = protected.replace(abbreviation, abbreviation.replace(".", "\u2024"))
    parts = re.split(r"(?<=[.!?])\s+", protected)
    return [p.replace("\u2024", ".").strip() for p in parts if p.strip()]


def clean_transcript(segments, light=False):
    """Drops timestamps, speaker labels, boilerplate sentences and fillers. `light`: keeps 'you know'."""
    fillers = FILLERS_LIGHT if light else FILLERS_FULL
    kept = []
    for _, _, text in segments:
        for sentence in split_sentences(text):
            if BOILERPLATE.search(sentence):
                continue
            sentence = fillers.sub("", sentence).strip()
            sentence = re.sub(r"\s+", " ", sentence)
            sentence = re.sub(r"^[,\s]+", "", sentence)
            if sentence:
                kept.append(sentence[0].upper() + sentence[1:])
    return " ".join(kept)


def summarize(text, sentences_wanted, position_bias=0.0):
    """Extractive: score sentences by content-word frequency (numbers weigh more), keep the best in order.

    `position_bias` > 0 favours sentences near the start, < 0 near the end. The bundled mode uses a
    small negative one: a single pass over a long raw prompt attends more to its end (recency), which
    shifts the choice a little.
    """
    sentences = [s for s in split_sentences(text) if not s.endswith("?") and len(words(s)) >= 6]
    frequency = Counter(w for w in words(text) if w not in STOPWORDS)
    scored = []
    for index, sentence in enumerate(sentences):
        tokens = [w for w in words(sentence) if w not in STOPWORDS]
        if not tokens:
            continue
        score = sum(frequency[w] for w in tokens) / len(tokens) ** 0.7
        score *= 1.0 + 0.35 * len(NUMBER.findall(sentence))
        score *= 1.0 + position_bias * (1.0 - index / max(1, len(sentences)))
        scored.append((score, index, sentence))
    best = sorted(scored, reverse=True)[:sentences_wanted]
    return " ".join(sentence for _, _, sentence in sorted(best, key=lambda item: item[1]))


def keywords(text, count=6):
    frequency = Counter(w for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 3)
    return [w for w, _ in frequency.most_common(count)]
