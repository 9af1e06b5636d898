"""The summarizer review page (Gradio): Summaries, Check and Batch tabs.

    python app.py [--host 127.0.0.1] [--port 7860]

The same page as ``summarizer serve``; it lives in :mod:`summarizer.web`, a thin layer over the library.
"""

from summarizer.web import build, main

demo = build()  # for `gradio app.py` (reload mode)

if __name__ == "__main__":
    main()
