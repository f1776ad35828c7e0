#!/usr/bin/env python3
"""Measure how much of a news source a corpus article repeats.

Usage (from the repository root):

    python3 src/tools/overlap.py ARTICLE SOURCE.txt
    python3 src/tools/overlap.py --sources DIR [--write] [CORPUS_DIR...]

ARTICLE is a corpus article (.txt, .html/.htm or one-record .jsonl); SOURCE.txt is the excerpt of the news
article it was written from, as plain text.  The second form measures every article of the corpus folders
(default src/test/resources/corpus/dev and .../test) against DIR/ID.txt and prints one line each; --write
records the figures in the corpus's sources.tsv (columns ngram8_share, longest_run, source_words).  Source
excerpts are read here only: they are never committed.

Two figures, both on words compared after NFC, lower case and one tone-mark placement ("hoà" = "hòa"):

  ngram8_share  the share of the source excerpt's word 8-grams (counted by position) that also occur in the
                article.  At most 0.20.
  longest_run   the longest run of words that article and source share, counting only words that are more
                than names, titles and numbers: a word with a digit, a word written with a capital letter in
                the article (names, places, bodies, titles) and a word of a title or body phrase of the
                project's lexicon (titles.tsv, bodies.tsv: "thư" of "Bí thư", "ủy" of "Tỉnh ủy") do not
                count, but they do not break a run either.  At most 20.

Exit status: 0 when every article measured is within both limits, 1 otherwise, 2 on a usage error.
"""
import csv, html.parser, json, os, re, sys, unicodedata

MAX_SHARE, MAX_RUN, N = 0.20, 20, 8
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
LEXICON = os.path.join(ROOT, "src", "main", "resources", "org", "vietpol", "lexicon")
CORPUS = os.path.join(ROOT, "src", "test", "resources", "corpus")
TONES = {"\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5"}
WORD = re.compile(r"\w+", re.UNICODE)


def key(word):
    """A word's comparison form: lower case, tone mark moved to the end of the syllable."""
    tone, base = "", []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in TONES:
            tone = TONES[ch]
        else:
            base.append(ch)
    return unicodedata.normalize("NFC", "".join(base)) + tone


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"): self.skip += 1
        if tag in ("p", "div", "br", "li", "h1", "h2", "h3", "tr", "figcaption"): self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip: self.skip -= 1

    def handle_data(self, data):
        if not self.skip: self.parts.append(data)


def html_text(markup):
    p = _Text()
    p.feed(markup)
    return "".join(p.parts)


def article_text(path):
    """The readable text of a corpus article, whatever its format."""
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    ext = os.path.splitext(path)[1].lower()
    if ext in (".html", ".htm"):
        return html_text(raw)
    if ext == ".jsonl":
        out = []
        for line in raw.splitlines():
            if line.strip():
                rec = json.loads(line)
                out += [rec.get("title") or "", rec.get("text") or html_text(rec.get("html") or "")]
        return "\n".join(out)
    return raw


def fact_words():
    """Lower-case words of the lexicon's title and body phrases."""
    words = set()
    for name in ("titles.tsv", "bodies.tsv"):
        with open(os.path.join(LEXICON, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                words.update(key(w) for w in WORD.findall(line.split("\t")[0]))
    return words


def words(text):
    return WORD.findall(unicodedata.normalize("NFC", text))


def measure(article, source, facts):
    """(ngram8_share, longest_run, source_words) of an article's text against a source excerpt's text."""
    a_raw, s_raw = words(article), words(source)
    a, s = [key(w) for w in a_raw], [key(w) for w in s_raw]
    grams = {tuple(a[i:i + N]) for i in range(len(a) - N + 1)}
    total = max(len(s) - N + 1, 0)
    share = sum(tuple(s[i:i + N]) in grams for i in range(total)) / total if total else 0.0
    # A word "counts" unless it is a name, title or number as written in the article.
    counts = [0 if (any(c.isdigit() for c in w) or w[:1].isupper() or k in facts) else 1
              for w, k in zip(a_raw, a)]
    # Longest common run by dynamic programming over (article, source) positions, weighted by counts.
    best, prev_len, prev_w = 0, [0] * (len(s) + 1), [0] * (len(s) + 1)
    for i in range(1, len(a) + 1):
        cur_len, cur_w = [0] * (len(s) + 1), [0] * (len(s) + 1)
        ai, ci = a[i - 1], counts[i - 1]
        for j in range(1, len(s) + 1):
            if ai == s[j - 1]:
                cur_len[j] = prev_len[j - 1] + 1
                cur_w[j] = prev_w[j - 1] + ci
                if cur_w[j] > best:
                    best = cur_w[j]
        prev_len, prev_w = cur_len, cur_w
    return share, best, len(s)


def article_id(path):
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    return json.loads(line)["id"]
    return os.path.splitext(os.path.basename(path))[0]


def corpus_articles(dirs):
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if os.path.splitext(name)[1].lower() in (".txt", ".html", ".htm", ".jsonl"):
                yield os.path.join(d, name)


def write_tsv(figures):
    path = os.path.join(CORPUS, "sources.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    head = rows[0]
    for col in ("ngram8_share", "longest_run", "source_words"):
        if col not in head:
            head.append(col)
    at = {c: head.index(c) for c in head}
    for row in rows[1:]:
        row += [""] * (len(head) - len(row))
        fig = figures.get(row[0])
        if fig:
            row[at["ngram8_share"]] = f"{fig[0]:.3f}"
            row[at["longest_run"]] = str(fig[1])
            row[at["source_words"]] = str(fig[2])
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t", lineterminator="\n").writerows(rows)


def main(argv):
    facts = fact_words()
    if len(argv) == 2 and not argv[0].startswith("-"):
        with open(argv[1], encoding="utf-8") as f:
            share, run, n = measure(article_text(argv[0]), f.read(), facts)
        ok = share <= MAX_SHARE and run <= MAX_RUN
        print(f"ngram8_share={share:.3f} longest_run={run} source_words={n} {'ok' if ok else 'OVER'}")
        return 0 if ok else 1
    if not argv or argv[0] != "--sources" or len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    sources, rest = argv[1], argv[2:]
    write = "--write" in rest
    dirs = [d for d in rest if d != "--write"] or [os.path.join(CORPUS, "dev"), os.path.join(CORPUS, "test")]
    figures, bad, missing = {}, 0, 0
    for path in corpus_articles(dirs):
        aid = article_id(path)
        src = os.path.join(sources, aid + ".txt")
        if not os.path.exists(src):
            print(f"{aid}\tno source excerpt at {src}")
            missing += 1
            continue
        with open(src, encoding="utf-8") as f:
            share, run, n = measure(article_text(path), f.read(), facts)
        figures[aid] = (share, run, n)
        ok = share <= MAX_SHARE and run <= MAX_RUN
        bad += not ok
        print(f"{aid}\t{share:.3f}\t{run}\t{n}\t{'ok' if ok else 'OVER'}")
    print(f"{len(figures)} measured, {bad} over a limit, {missing} without a source excerpt")
    if write:
        write_tsv(figures)
    return 1 if bad or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
