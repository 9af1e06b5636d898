"""Gradio page: paste a news page, get a short summary of each article.

    python app.py [--host 127.0.0.1] [--port 7860]

A thin layer over the library: the callbacks call ``split_articles`` and ``Summarizer`` and only
format their results. The model loads once, on the first request; requests queue one at a time.
"""

from __future__ import annotations

import argparse
import threading

import gradio as gr

from summarizer import Summarizer, split_articles

MAX_CHARS = 200_000
COLUMNS = ["#", "title", "summary", "language", "method"]
EXAMPLE = """City opens new riverside park

Thu Trang |

The city opened a 12-hectare riverside park on Saturday, turning a former industrial site into green space for residents.

The park includes walking paths, a playground and a small outdoor stage. Officials said about 3,000 trees were planted during the two-year project.

Residents welcomed the change, although some complained about the lack of parking near the main entrance.

Related news

Bus fares to stay unchanged next year

|

The transport department said bus fares will not rise next year despite higher fuel costs.
"""

_summarizer: Summarizer | None = None
_lock = threading.Lock()


def get_summarizer() -> Summarizer:
    """The process-wide summariser, created on first use (the bundled model loads offline)."""
    global _summarizer
    with _lock:
        if _summarizer is None:
            _summarizer = Summarizer()
        return _summarizer


def summarize_page(text: str, max_sentences: float = 2, max_words: float = 60) -> list[list]:
    """Rows ``[#, title, summary, language, method]``, one per article of the pasted page."""
    if not text or not text.strip():
        raise gr.Error("Paste the text of a news page first.")
    if len(text) > MAX_CHARS:
        raise gr.Error(f"The page is {len(text):,} characters; the limit here is {MAX_CHARS:,}. "
                       "Use the command line for longer texts.")
    articles = split_articles(text)
    summaries = get_summarizer().summarize(articles, max_sentences=int(max_sentences), max_words=max_words)
    return [[s.id + 1, s.title or "(untitled)", s.summary, s.language, s.method] for s in summaries]


def build() -> gr.Blocks:
    with gr.Blocks(title="summarizer") as demo:
        gr.Markdown("# summarizer\nPaste a news page: each article gets a short summary in its own language.")
        with gr.Tab("Summaries"):
            page = gr.Textbox(label="Pasted page", lines=14, max_length=MAX_CHARS)
            with gr.Row():
                max_sentences = gr.Slider(1, 5, value=2, step=1, label="Sentences per summary")
                max_words = gr.Slider(20, 150, value=60, step=5, label="About this many words")
            run = gr.Button("Summarise", variant="primary")
            table = gr.Dataframe(headers=COLUMNS, label="Articles", wrap=True, interactive=False)
            gr.Examples([[EXAMPLE]], inputs=[page])
            run.click(summarize_page, [page, max_sentences, max_words], table, concurrency_limit=1)
    return demo


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the summarizer page.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=7860)
    args = parser.parse_args(argv)
    build().queue(max_size=32).launch(server_name=args.host, server_port=args.port)


if __name__ == "__main__":
    main()
