"""Simple, honest versions of the scorer's metrics, summary vs reference (standard library only).

- rouge1_f1 / rouge2_f1: unigram / bigram overlap F1; rougeL_f1: longest-common-subsequence F1.
- bleu: corpus BLEU-4 with brevity penalty (add-one smoothing for n > 1).
- wer: word edit distance / reference length (lower is better).
- embedding_cosine: there is no embedding model here, so this is the cosine of bag-of-words vectors
  of content words: a lexical stand-in, named like the real metric so the same thresholds apply.
- coverage_ratio: share of the reference's distinct content words found in the summary.
- numbers_retained: share of the reference's numbers found in the summary (null when it has none).
"""
import math
import re
from collections import Counter

from .text import NUMBER, STOPWORDS, words


def _ngrams(tokens, n):
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap, candidate_total, reference_total):
    if overlap == 0 or candidate_total == 0 or reference_total == 0:
        return 0.0
    precision = overlap / candidate_total
    recall = overlap / reference_total
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate, reference, n):
    c, r = _ngrams(words(candidate), n), _ngrams(words(reference), n)
    return _f1(sum((c & r).values()), sum(c.values()), sum(r.values()))


def _lcs(a, b):
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_l(candidate, reference):
    c, r = words(candidate), words(reference)
    return _f1(_lcs(c, r), len(c), len(r))


def corpus_bleu(candidates, references):
    log_precisions = []
    for n in range(1, 5):
        matched = total = 0
        for c, r in zip(candidates, references):
            cn, rn = _ngrams(words(c), n), _ngrams(words(r), n)
            matched += sum((cn & rn).values())
            total += sum(cn.values())
        smooth = 0 if n == 1 else 1
        if total + smooth == 0 or matched + smooth == 0:
            return 0.0
        log_precisions.append(math.log((matched + smooth) / (total + smooth)))
    c_len = sum(len(words(c)) for c in candidates)
    r_len = sum(len(words(r)) for r in references)
    if c_len == 0:
        return 0.0
    brevity = 1.0 if c_len > r_len else math.exp(1 - r_len / c_len)
    return brevity * math.exp(sum(log_precisions) / 4)


def wer(candidate, reference):
    c, r = words(candidate), words(reference)
    if not r:
        return 0.0 if not c else 1.0
    previous = list(range(len(c) + 1))
    for i, rw in enumerate(r, 1):
        current = [i]
        for j, cw in enumerate(c, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (rw != cw)))
        previous = current
    return previous[-1] / len(r)


def _content(text):
    return [w for w in words(text) if w not in STOPWORDS]


def bow_cosine(candidate, reference):
    c, r = Counter(_content(candidate)), Counter(_content(reference))
    dot = sum(c[w] * r[w] for w in c)
    norm = math.sqrt(sum(v * v for v in c.values())) * math.sqrt(sum(v * v for v in r.values()))
    return dot / norm if norm else 0.0


def coverage_ratio(candidate, reference):
    ref = set(_content(reference))
    return len(ref & set(_content(candidate))) / len(ref) if ref else 0.0


def numbers_retained(candidate, reference):
    ref = set(NUMBER.findall(reference))
    if not ref:
        return None
    return len(ref & set(NUMBER.findall(candidate))) / len(ref)


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def versus_reference(summaries, references):
    """Metrics over the episodes both sides have, in the scorer's vs_reference layout."""
    ids = sorted(set(summaries) & set(references))
    cands = [summaries[i] for i in ids]
    refs = [references[i] for i in ids]
    pairs = list(zip(cands, refs))
    return {
        "rouge1_f1": mean(rouge_n(c, r, 1) for c, r in pairs),
        "rouge2_f1": mean(rouge_n(c, r, 2) for c, r in pairs),
        "rougeL_f1": mean(rouge_l(c, r) for c, r in pairs),
        "bleu": corpus_bleu(cands, refs),
        "wer": mean(wer(c, r) for c, r in pairs),
        "embedding_cosine": mean(bow_cosine(c, r) for c, r in pairs),
        "coverage_ratio": mean(coverage_ratio(c, r) for c, r in pairs),
        "numbers_retained": mean(numbers_retained(c, r) for c, r in pairs),
    }


SPEAKER_LABEL = re.compile(r"\b(?:HOST|GUEST)\s*:")
SPEAKER_WORD = re.compile(r"\b(?:host|guest)\b", re.IGNORECASE)
TERMINAL = re.compile(r"[.!?]\"?$")
