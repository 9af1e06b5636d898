"""The review page: Summaries, Check and Batch tabs over the library (Gradio).

    python app.py [--host 127.0.0.1] [--port 7860]      # or: summarizer serve --port 7860

The callbacks (``summarize_page``, ``check_texts``, ``apply_choices``, ``score_corpus``) call the
library and only turn its records into what the page shows; they are plain functions, tested
without a browser. The models load once per process, on the first request that needs them; every
request that uses a model holds one lock while it does (:func:`_model_slot`), so the model is
never loaded twice nor run by two requests at once, while model-free requests (a phrasebook-only
Check, a lexical-only Batch) never wait for it. Inputs are limited per request (characters,
segment and sentence length, segments, time: the ``MAX_*`` constants), memory is handed back after
each request, uploads come only through Gradio's upload handling, and no path is taken from what
a user types. Gradio's copies of uploads and downloads are deleted after an hour and at exit.
"""

from __future__ import annotations

import argparse
import atexit
import ctypes
import gc
import html
import io
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import gradio as gr

from .batch import (CorpusCheck, RowWriter, batched, flag_summaries, flags_text, format_ranking, format_signatures,
                    read_corpus, records)
from .batch.pages import joined
from .check import Checker, DocumentResult, Span, apply_suggestions, marked_html
from .check.scores import label
from .check.spans import gap_marks, keep, numbered, reference_marks
from .inputs import InputError
from .models import Encoder
from .summarize import Summarizer, split_articles
from .text import detect_language

MAX_PAGE_CHARS = 200_000  # a pasted page
MAX_CHECK_CHARS = 50_000  # each side of the Check tab
MAX_UPLOAD_BYTES = 10_000_000  # each uploaded corpus file
MAX_BATCH_SEGMENTS = 5_000  # larger corpora: use `summarizer check`
MAX_SEGMENT_CHARS = 5_000  # each Batch segment, and each sentence of the Check tab
MAX_REQUEST_S = 300  # a Batch request stops (with a message) after this long; the command line has no limit
LANGUAGES = ["auto", "en", "vi", "de", "fr", "es", "zh", "ja", "ko"]
FLAG_COLUMNS = ["#", "flagged", "suggestion", "type", "severity", "confidence", "note"]
RESULT_COLUMNS = ["#", "id", "system", "score", "flags", "machine translation", "reference", "flagged phrases"]
RESULT_WIDTHS = ["4%", "6%", "8%", "6%", "5%", "27%", "27%", "17%"]  # fits 1280 px without scrolling sideways
FLAG_WIDTHS = ["5%", "24%", "22%", "12%", "9%", "10%", "18%"]

EXAMPLE_PAGE = """City opens new riverside park

Thu Trang |

The city opened a 12-hectare riverside park on Saturday, turning a former industrial site into green space for residents.

The park includes walking paths, a playground and a small outdoor stage. Officials said about 3,000 trees were planted during the two-year project.

Residents welcomed the change, although some complained about the lack of parking near the main entrance.

Related news

Bus fares to stay unchanged next year

|

The transport department said bus fares will not rise next year despite higher fuel costs.
"""

EXAMPLE_MT = (
    "The provincial People's Committee has approved a plan to expand the battery production ring at the Tan Phu "
    "industrial park. The project is expected to create about 2,000 jobs for local labourers. According to the plan, "
    "the factory will be put into operation in the third quarter of 2027. Officials said the civil infrastructure "
    "around the park, including roads and drainage, will also be upgraded.")
EXAMPLE_REF = (
    "The provincial People's Committee has approved a plan to expand the battery production line at the Tan Phu "
    "industrial park. The project is expected to create about 2,000 jobs for local workers. Under the plan, the "
    "factory will start operating in the third quarter of 2027. Officials said the civilian infrastructure around "
    "the park, including roads and drainage, will also be upgraded.")

CSS = """
.cards article{border:1px solid #d0d7de;border-radius:8px;padding:.6em 1em;margin:.6em 0}
.cards h3{margin:.1em 0 .3em}.cards .meta{color:#57606a;font-size:.9em}
table.pairs{border-collapse:collapse;width:100%}table.pairs td,table.pairs th{border:1px solid #d0d7de;
padding:.4em .6em;vertical-align:top;text-align:left}table.pairs td.score{white-space:nowrap;text-align:right}
mark.critical{background:#f47c7c;color:#000}mark.major{background:#f8b4b4;color:#000}mark.minor{background:#fde68a;color:#000}
mark.omission{background:none;color:inherit;text-decoration:underline wavy #c0392b}
mark.gap{background:none;color:#c0392b;font-weight:bold;padding:0 1px}
.legend mark{padding:0 .3em}.mt-only{white-space:pre-wrap;line-height:1.5}
#results td,#results td *,#flags td,#flags td *{white-space:normal !important;overflow-wrap:anywhere;text-overflow:clip}
"""

_lock = threading.Lock()
_model_lock = threading.Lock()  # one request at a time runs a model; model-free requests never wait for it
_summarizer: Summarizer | None = None
# The sentence encoders the page offers (None: the bundled one), the first the default; `serve --encoder`
# sets them. Only these can be chosen on the page: a visitor never makes the server load a model of their own.
ENCODERS: list[str | None] = [None]
BUNDLED = "all-MiniLM-L6-v2 (bundled)"
_summarizers: dict[str | None, Summarizer] = {}
_checkers: dict[tuple[str, str | None], Checker] = {}


def encoder_choices() -> list[str]:
    """The encoder field's choices, as the page shows them."""
    return [BUNDLED if e is None else e for e in ENCODERS]


def _encoder(choice: str | None) -> str | None:
    """The encoder a page request chose (the default when it chose none), among those offered."""
    if choice in (None, ""):
        return ENCODERS[0]
    if choice not in encoder_choices():
        raise _user_error(f"Encoder {choice!r} is not offered here; choose one of: {', '.join(encoder_choices())}.")
    return None if choice == BUNDLED else choice


def get_summarizer(encoder: str | None = None) -> Summarizer:
    """The process-wide summariser of an offered encoder (default: the first), created on first use."""
    encoder = _encoder(encoder)
    with _lock:
        if encoder not in _summarizers:
            _summarizers[encoder] = Summarizer(encoder, backend="extractive")
        return _summarizers[encoder]


def get_checker(lang: str, encoder: str | None = None) -> Checker:
    """The process-wide checker for a target language and an offered encoder (default: the first)."""
    encoder = _encoder(encoder)
    with _lock:
        if (lang, encoder) not in _checkers:
            _checkers[lang, encoder] = Checker(lang=lang, encoder=encoder)
        return _checkers[lang, encoder]


def model_status(encoder: str | None = None) -> str:
    """One line for the top of the page: whether the model is loaded or loads on the first request."""
    model = Encoder(_encoder(encoder))
    if model.loaded:
        return f"Model **{model.name}** is loaded ({model.device})."
    return (f"Model **{model.name}** loads on the first request that needs it (a few seconds, once); "
            "later requests are fast.")


def starting_status(needs_model: bool = True, encoder: str | None = None) -> str:
    """The status line while a request starts: the model is loading when this is the first request
    that needs it (the line is replaced by :func:`model_status` when the request ends)."""
    model = Encoder(_encoder(encoder))
    if needs_model and not model.loaded:
        return f"Loading model **{model.name}** for the first request (a few seconds, once)…"
    return model_status(encoder)


@contextmanager
def _model_slot(needed: bool = True) -> Iterator[None]:
    """Hold the model for a request (when ``needed``); afterwards return freed memory to the system,
    so one large request does not keep the server's memory high."""
    try:
        if needed:
            with _model_lock:
                yield
        else:
            yield
    finally:
        _release_memory()


def _release_memory() -> None:
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # glibc keeps freed arenas otherwise
    except (OSError, AttributeError):
        pass


def _user_error(message: str) -> gr.Error:
    """What a user did wrong, for the page: shown there, one line in the server's log, no traceback
    (tracebacks are for real faults)."""
    print(f"summarizer: user error: {message}", file=sys.stderr, flush=True)
    return gr.Error(message, duration=None, print_exception=False)  # stays until the user closes it


def _limit(text: str | None, limit: int, what: str) -> str:
    text = text or ""
    if len(text) > limit:
        raise _user_error(f"The {what} is {len(text):,} characters; the limit here is {limit:,}. "
                          "Use the command line (summarizer) for longer texts.")
    return text


_DOWNLOADS = Path(tempfile.mkdtemp(prefix="summarizer-downloads-"))  # this process's; removed at exit
atexit.register(shutil.rmtree, _DOWNLOADS, ignore_errors=True)
DOWNLOAD_LIFETIME_S = 3600  # downloads older than this are deleted (Gradio keeps its own copy as long)


def _download(name: str, content: str) -> str:
    """Write a download into a fresh folder of its own (Gradio serves a copy), pruning old ones."""
    expired = time.time() - DOWNLOAD_LIFETIME_S
    for old in _DOWNLOADS.iterdir():
        if old.stat().st_mtime < expired:
            shutil.rmtree(old, ignore_errors=True)
    path = Path(tempfile.mkdtemp(dir=_DOWNLOADS)) / name
    path.write_text(content, encoding="utf-8")
    return str(path)


# -- Summaries ------------------------------------------------------------------------------------
def summarize_page(text: str, max_sentences: float = 2, max_words: float = 60, encoder: str | None = None):
    """Cards (HTML) for each article of a pasted page, and the JSONL and Markdown downloads; then,
    for the phrasebook's flags inside the summaries, the accept/reject choices, the summaries as
    they stand (until suggestions are accepted) and the state the choices apply to (as in Check).
    ``encoder``: one of the encoders the page offers (default: the first)."""
    text = _limit(text, MAX_PAGE_CHARS, "page")
    if not text.strip():
        raise _user_error("Paste the text of a news page first.")
    articles = split_articles(text)
    if not articles:
        raise _user_error("No article text found in what was pasted.")
    with _model_slot():
        summaries = get_summarizer(encoder).summarize(articles, max_sentences=int(max_sentences), max_words=max_words)
    flagged = flag_summaries(summaries, get_checker("en").phrasebook)
    cards, lines, markdown = [], [], []
    for article, item in zip(articles, flagged):
        summary, title = item.summary, item.summary.title or "(untitled)"
        cards.append(
            f"<article class='card' data-article='{summary.id + 1}'><h3>{summary.id + 1}. {html.escape(title)}</h3>"
            f"<p class='summary'>{marked_html(summary.summary, item.flags)}</p>"
            f"<p class='meta'>{html.escape(' · '.join(_about(article, summary, item.flags)))}</p>"
            f"<details><summary>Full article</summary><p class='mt-only'>{html.escape(article.body)}</p></details>"
            "</article>")
        lines.append(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        markdown.append(f"## {title}\n\n{summary.summary}\n\n*{summary.language}, {summary.method}*\n")
    page = f"<div class='cards'><p>{len(summaries)} article(s)</p>{''.join(cards)}</div>"
    all_text, spans = joined(flagged)
    choices = _choices(spans)
    return (page, [_download("summaries.jsonl", "".join(lines)), _download("summaries.md", "\n".join(markdown))],
            gr.update(choices=choices, value=[], visible=bool(choices)), all_text,
            {"mt": all_text, "spans": [s.to_dict() for s in spans]})


def _about(article, summary, flags=()) -> list[str]:
    """The card's small print: language, method, byline, repeats merged into this article, flags."""
    about = [summary.language, summary.method]
    if flags:
        about.append(f"{len(flags)} phrasebook flag(s) in the summary: hover for the suggestion")
    if article.byline:
        about.append(f"by {article.byline}")
    if article.repeats:
        about.append(f"appears {len(article.repeats) + 1}× on the page (merged)")
    return about


# -- Check ----------------------------------------------------------------------------------------
def check_texts(mt: str, reference: str = "", lang: str = "auto", min_severity: str = "minor",
                encoder: str | None = None):
    """Check an MT text against its reference (or the phrasebook alone when there is none).

    Returns the document scores (Markdown), the side-by-side pairs (HTML), the flags table, the
    accept/reject choices, the corrected text (the MT as is, until suggestions are accepted) and
    the state the choices apply to.
    """
    mt = _limit(mt, MAX_CHECK_CHARS, "machine translation")
    reference = _limit(reference, MAX_CHECK_CHARS, "reference")
    if not mt.strip():
        raise _user_error("Paste a machine-translated text first.")
    if lang in (None, "", "auto"):  # the language of the target side, from the longer evidence
        lang = detect_language(mt + "\n" + reference, default="en")
    with _model_slot(needed=bool(reference.strip())):
        try:
            result = get_checker(lang, encoder).check_document(mt, reference, max_sentence_chars=MAX_SEGMENT_CHARS)
        except InputError as err:
            raise _user_error(f"{err}. Use the command line (summarizer check --mt-doc) for such texts.") from None
    spans = [s for s in result.spans if keep(s, min_severity)]  # worst first
    rows = [[i + 1, s.text, s.suggestion or "", s.type or s.category, s.severity, s.confidence, s.note or ""]
            for i, s in enumerate(spans)]
    choices = _choices(spans)
    state = {"mt": mt, "spans": [s.to_dict() for s in spans]}
    return (_scores_markdown(result, lang), _pairs_html(result, spans), rows, gr.update(choices=choices, value=[]), mt, state)


def _choices(spans: list[Span]) -> list[tuple[str, int]]:
    """The accept/reject list: each flag with a suggestion, numbered as in its table."""
    return [(f"#{i + 1} {s.text} → {s.suggestion}", i) for i, s in enumerate(spans) if s.suggestion]


def apply_choices(accepted: list[int] | None, state: dict | None) -> tuple[str, str | None]:
    """The MT with the accepted suggestions in place, and a download of it."""
    if not state:
        return "", None
    spans = [Span(**s) for s in state["spans"]]
    corrected = apply_suggestions(state["mt"], spans, accepted or [])
    return corrected, _download("corrected.txt", corrected)


def accept_all(state: dict | None) -> list[int]:
    """Every suggestion accepted."""
    return [i for i, s in enumerate((state or {}).get("spans", [])) if s["suggestion"]]


def _scores_markdown(result: DocumentResult, lang: str) -> str:
    if result.corpus is None:
        book = get_checker(lang).phrasebook
        entries = f"{len(book)} entries" if book else f"none for '{lang}'"
        return ("**No reference given:** only the phrasebook's known awkward renderings are flagged "
                f"(phrasebook: {entries}); paste a reference for scores and alignment-based flags.")
    corpus = result.corpus
    aligned = sum(1 for p in result.pairs if p.result)
    scores = " · ".join(f"{label(name)} {value:.1f}" for name, value in corpus.scores.items() if name != "score")
    return (f"**Document score {corpus.score:.1f}** · {scores} · {aligned} aligned sentence pair(s) · "
            f"{len(result.spans)} flag(s) · target language `{lang}`\n\n" + format_signatures(corpus.signatures, "markdown"))


def _pairs_html(result: DocumentResult, spans: list[Span]) -> str:
    """Aligned sentence pairs side by side: flags marked in the MT, their source in the reference and
    what the MT left out; with no reference, the MT alone with its phrasebook flags."""
    marks = numbered(spans)
    if result.corpus is None:
        return f"<div class='mt-only'>{marked_html(result.mt, marks)}</div>"
    ref_marks = reference_marks(marks) + list(result.omissions)
    mt_marks = marks + gap_marks(result.omissions)
    out = ["<table class='pairs'><tr><th>machine translation</th><th>reference</th><th>score</th></tr>"]
    for pair in result.pairs:
        mt_cell = marked_html(result.mt, mt_marks, (pair.mt_start, pair.mt_end)) if pair.mt_text else ""
        ref_cell = marked_html(result.ref, ref_marks, (pair.ref_start, pair.ref_end)) if pair.ref_text else ""
        score = f"{pair.result.score:.1f}" if pair.result else "–"
        out.append(f"<tr><td class='mt'>{mt_cell}</td><td class='ref'>{ref_cell}</td><td class='score'>{score}</td></tr>")
    out.append("</table><p class='legend'><mark class='critical'>critical</mark> <mark class='major'>major</mark> "
               "<mark class='minor'>minor</mark> "
               "— hover a flag for its suggestion; the reference's wording is marked on the right, and "
               "<mark class='minor omission'>underlined</mark> where the MT left it out, its place in the MT "
               "marked <mark class='minor gap'>\u2038</mark>.</p>")
    return "".join(out)


# -- Batch ----------------------------------------------------------------------------------------
def score_corpus(corpus_files: str | list[str] | None, reference_file: str | None = None, lang: str = "en",
                 lexical_only: bool = False, encoder: str | None = None, progress: gr.Progress = gr.Progress()):
    """Score an uploaded corpus: a records file (.jsonl/.tsv/.csv), or MT .txt files (one per
    system) with their line-aligned reference .txt.

    Returns the system ranking (Markdown), the results table and the downloads (JSONL, CSV, HTML report).
    """
    corpus = [corpus_files] if isinstance(corpus_files, str) else list(corpus_files or [])
    if not corpus:
        raise _user_error("Upload a corpus first: a .jsonl/.tsv/.csv file of records, or MT .txt files with their "
                          "reference .txt.")
    names = {path: Path(path).name for path in corpus + ([reference_file] if reference_file else [])}
    for path in names:
        if Path(path).stat().st_size > MAX_UPLOAD_BYTES:
            raise _user_error(f"{names[path]} is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB; "
                              "use `summarizer check` for large corpora.")
    references = [reference_file] if reference_file else []
    try:
        batch = list(records(read_corpus(corpus, references, display=names.get, max_chars=MAX_SEGMENT_CHARS),
                             "fail", print))
    except InputError as err:
        raise _user_error(str(err)) from None
    if len(batch) > MAX_BATCH_SEGMENTS:
        raise _user_error(f"{len(batch):,} segments; the page takes up to {MAX_BATCH_SEGMENTS:,}. "
                          "Use `summarizer check` for larger corpora.")
    checker = get_checker(lang, encoder)
    run = CorpusCheck({"lang": lang, "use_encoder": not lexical_only, "encoder": _encoder(encoder),
                       "phrasebook": checker.phrasebook},
                      report=True)
    rows: list = []
    progress(0, desc="Checking segments")
    started = time.monotonic()
    with _model_slot(needed=not lexical_only):
        for checked in run.run(batched(batch, 64)):
            rows += [(record, row) for record, row, _ in checked]
            progress(len(rows) / len(batch), desc=f"Checked {len(rows):,} of {len(batch):,} segments")
            if time.monotonic() - started > MAX_REQUEST_S and len(rows) < len(batch):
                raise _user_error(f"Stopped after {MAX_REQUEST_S} s with {len(rows):,} of {len(batch):,} segments "
                                  "checked; use `summarizer check` (or Lexical only) for this corpus.")
    ranking = run.ranking()
    jsonl_text, csv_text = io.StringIO(), io.StringIO()
    jsonl, table_csv = RowWriter(jsonl_text, "jsonl", run.metrics), RowWriter(csv_text, "csv", run.metrics)
    table_csv.header()
    for record, row in rows:
        jsonl.row(row)
        table_csv.row(row)
    table = [[n, row["id"], row["system"], row["score"], len(row["spans"]), record.mt,
              record.refs[0] if record.refs else "", flags_text(row["spans"], "→")] for n, (record, row) in enumerate(rows, 1)]
    downloads = [_download("results.jsonl", jsonl_text.getvalue()), _download("results.csv", csv_text.getvalue()),
                 _download("report.html", run.report(ranking))]
    return _ranking_markdown(run, ranking), table, downloads


SORT_ORDERS = ["input order", "score: lowest first", "score: highest first", "most flags first"]


def sort_results(table: list[list] | None, order: str) -> list[list]:
    """The results table in another order (segments without a score, i.e. no reference, go last)."""
    table = list(table or [])
    number, score, flags = (RESULT_COLUMNS.index(c) for c in ("#", "score", "flags"))
    keys = {
        "input order": lambda r: r[number],
        "score: lowest first": lambda r: (r[score] is None or r[score] == "", r[score] or 0, r[number]),
        "score: highest first": lambda r: (r[score] is None or r[score] == "", -(r[score] or 0), r[number]),
        "most flags first": lambda r: (-r[flags], r[number]),
    }
    return sorted(table, key=keys[order])


def _ranking_markdown(run: CorpusCheck, ranking) -> str:
    if not ranking:
        return f"**{run.segments} segment(s), {run.flags} flag(s)** — no references: phrasebook flags only."
    return (f"**{run.segments} segment(s), {run.flags} flag(s)**\n\n{format_ranking(ranking, 'markdown')}\n\n"
            + format_signatures(run.signatures, "markdown"))


# -- the page -------------------------------------------------------------------------------------
def build() -> gr.Blocks:
    """The page: Summaries, Check and Batch tabs."""
    # Gradio's copies of uploads and downloads are deleted after an hour, checked hourly
    with gr.Blocks(title="summarizer", delete_cache=(DOWNLOAD_LIFETIME_S, DOWNLOAD_LIFETIME_S)) as demo:
        gr.Markdown("# summarizer\nNews summaries in each article's own language, and machine-translation "
                    "checks against reference phrasing.")
        with gr.Row():
            status = gr.Markdown(elem_id="model-status")
            encoder = gr.Dropdown(encoder_choices(), value=encoder_choices()[0], label="Sentence encoder",
                                  interactive=len(ENCODERS) > 1, elem_id="encoder", scale=0, min_width=280,
                                  info="for summaries, BERTScore and paraphrase evidence; `serve --encoder` adds more")
        demo.load(model_status, encoder, status, queue=False)
        encoder.change(model_status, encoder, status, queue=False)
        _summaries_tab(status, encoder)
        _check_tab(status, encoder)
        _batch_tab(status, encoder)
    return demo


def _summaries_tab(status: gr.Markdown, encoder: gr.Dropdown) -> None:
    with gr.Tab("Summaries"):
        page = gr.Textbox(label="Pasted page", lines=14, max_length=MAX_PAGE_CHARS, elem_id="page")
        with gr.Row():
            max_sentences = gr.Slider(1, 5, value=2, step=1, label="Sentences per summary")
            max_words = gr.Slider(20, 150, value=60, step=5, label="About this many words")
        summarise = gr.Button("Summarise", variant="primary", elem_id="summarise")
        gr.Examples([[EXAMPLE_PAGE]], inputs=[page], label="Example page")
        cards = gr.HTML(elem_id="cards")
        summary_choices = gr.CheckboxGroup(label="Accept suggestions in the summaries (unticked = rejected)",
                                           elem_id="summary-choices", visible=False,
                                           info="The phrasebook's known awkward renderings found in the summaries.")
        summary_text = gr.Textbox(label="Summaries with the accepted suggestions", lines=6, buttons=["copy"],
                                  interactive=False, elem_id="summary-text")
        summary_files = gr.File(label="Downloads (JSONL, Markdown)", file_count="multiple", interactive=False)
        summary_file = gr.DownloadButton("Download corrected summaries", size="sm", elem_id="download-summaries")
        summary_state = gr.State()
        outputs = [cards, summary_files, summary_choices, summary_text, summary_state]
        summarise.click(lambda choice: ("", None, gr.update(choices=[], value=[], visible=False), "", None,
                                        starting_status(True, choice)),
                        encoder, [*outputs, status], queue=False, api_visibility="private"
                        ).then(summarize_page, [page, max_sentences, max_words, encoder], outputs,
                               api_name="summarize", show_progress_on=[cards]).then(model_status, encoder, status, queue=False)
        summary_choices.change(apply_choices, [summary_choices, summary_state], [summary_text, summary_file],
                               api_visibility="private")


def _check_tab(status: gr.Markdown, encoder: gr.Dropdown) -> None:
    with gr.Tab("Check"):
        with gr.Row():
            mt = gr.Textbox(label="Machine translation", lines=10, max_length=MAX_CHECK_CHARS, elem_id="mt")
            ref = gr.Textbox(label="Reference translation (optional)", lines=10, max_length=MAX_CHECK_CHARS,
                             elem_id="ref")
        with gr.Row():
            lang = gr.Dropdown(LANGUAGES, value="auto", label="Target language")
            severity = gr.Dropdown(["minor", "major", "critical"], value="minor", label="Show flags from severity",
                                   elem_id="min-severity")
            check = gr.Button("Check", variant="primary", elem_id="check")
        gr.Examples([[EXAMPLE_MT, EXAMPLE_REF], [EXAMPLE_MT, ""]], inputs=[mt, ref],
                    example_labels=["MT with its post-edited reference", "MT alone (phrasebook only)"])
        scores = gr.Markdown(elem_id="scores")
        pairs = gr.HTML(elem_id="pairs")
        flags = gr.Dataframe(headers=FLAG_COLUMNS, label="Flags", interactive=False, wrap=True, elem_id="flags",
                             column_widths=FLAG_WIDTHS, max_height=1200)
        choices = gr.CheckboxGroup(label="Accept suggestions (unticked = rejected)", elem_id="choices",
                                   info="Flags with a suggestion, numbered as in the table (the others have no "
                                        "wording to accept).")
        with gr.Row():
            accept = gr.Button("Accept all", size="sm")
            reject = gr.Button("Reject all", size="sm")
        corrected = gr.Textbox(label="Corrected text", lines=8, buttons=["copy"], interactive=False,
                               elem_id="corrected")
        corrected_file = gr.DownloadButton("Download corrected text", size="sm", elem_id="download-corrected")
        state = gr.State()
        outputs = [scores, pairs, flags, choices, corrected, state]
        check.click(lambda reference, choice: ("", "", [], gr.update(choices=[], value=[]), "", None, None,
                                               starting_status(bool((reference or "").strip()), choice)),
                    [ref, encoder], [*outputs, corrected_file, status], queue=False, api_visibility="private"
                    ).then(check_texts, [mt, ref, lang, severity, encoder], outputs, api_name="check",
                           show_progress_on=[scores]).then(model_status, encoder, status, queue=False)
        choices.change(apply_choices, [choices, state], [corrected, corrected_file], api_name="apply")
        accept.click(accept_all, state, choices)
        reject.click(lambda: [], None, choices)


def _batch_tab(status: gr.Markdown, encoder: gr.Dropdown) -> None:
    with gr.Tab("Batch"):
        gr.Markdown("Upload records (`.jsonl`, `.tsv` or `.csv` with `mt`, `ref` or `refs`, optional `id`, "
                    "`system`, `src`) or plain-text MT files, one per system, with their line-aligned reference file. "
                    f"Up to {MAX_BATCH_SEGMENTS:,} segments here; the `summarizer check` command has no limit.")
        with gr.Row():
            corpus = gr.File(label="Records file, or MT .txt files (one per system)", file_count="multiple",
                             file_types=[".jsonl", ".tsv", ".csv", ".txt"], elem_id="corpus")
            reference = gr.File(label="Reference .txt (with MT .txt files)", file_types=[".txt"],
                                elem_id="reference")
        with gr.Row():
            batch_lang = gr.Dropdown(LANGUAGES[1:], value="en", label="Target language")
            lexical = gr.Checkbox(label="Lexical only (faster, no model)", value=False)
            score = gr.Button("Score corpus", variant="primary", elem_id="score")
        ranking = gr.Markdown(elem_id="ranking")
        order = gr.Radio(SORT_ORDERS, value=SORT_ORDERS[0], label="Sort segments by", elem_id="order")
        results = gr.Dataframe(headers=RESULT_COLUMNS, label="Segments", interactive=False, wrap=True,
                               elem_id="results", type="array", column_widths=RESULT_WIDTHS, max_height=1200,
                               datatype=["number", "str", "str", "number", "number", "str", "str", "str"])
        batch_files = gr.File(label="Downloads (JSONL, CSV, HTML report)", file_count="multiple",
                              interactive=False, elem_id="batch-files")
        score.click(lambda lexical_only, choice: ("", [], None, starting_status(not lexical_only, choice)),
                    [lexical, encoder], [ranking, results, batch_files, status], queue=False, api_visibility="private"
                    ).then(score_corpus, [corpus, reference, batch_lang, lexical, encoder], [ranking, results, batch_files],
                           api_name="score_corpus", show_progress_on=[ranking]).then(sort_results, [results, order], results
                    ).then(model_status, encoder, status, queue=False)
        order.change(sort_results, [results, order], results)


def serve(host: str = "127.0.0.1", port: int = 7860, encoder: str | Sequence[str] | None = None) -> None:
    """Serve the page until interrupted (Ctrl-C or SIGTERM); prints the URL. ``encoder`` (a
    sentence-transformers Hub id or path, or several) replaces the bundled encoder: the page's
    encoder field offers these, the first by default, each loaded on first use. Gradio keeps
    uploads and downloads in a folder of this server's own (inside ``GRADIO_TEMP_DIR`` when set),
    removed when it stops."""
    ENCODERS[:] = [encoder] if isinstance(encoder, str) else list(encoder or [None])
    cache = tempfile.mkdtemp(prefix="summarizer-gradio-", dir=os.environ.get("GRADIO_TEMP_DIR"))
    os.environ["GRADIO_TEMP_DIR"] = cache  # read when the page is built and launched
    atexit.register(shutil.rmtree, cache, ignore_errors=True)
    demo = build().queue(max_size=64, default_concurrency_limit=4)
    demo.launch(server_name=host, server_port=port, css=CSS, max_file_size=MAX_UPLOAD_BYTES,
                prevent_thread_lock=True, quiet=True)
    print(f"summarizer: serving on {demo.local_url}", flush=True)
    signal.signal(signal.SIGTERM, _stop)  # closed as Ctrl-C closes it: Gradio's copies of uploads are deleted
    try:
        demo.block_thread()
    finally:
        shutil.rmtree(_DOWNLOADS, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)


def _stop(signal_number: int, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the summarizer page.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    parser.add_argument("--encoder", action="append", default=None,
                        help="sentence-transformers model (Hub id or path) the page offers; repeat to offer several")
    args = parser.parse_args(argv)
    serve(args.host, args.port, encoder=args.encoder)
