"""Article body and metadata of an HTML page, with trafilatura, offline and without ever raising."""
import datetime
import logging

import trafilatura

# Chosen by benchmarks/body_f1.py on ../shared/benchmarks/article-extraction (181 pages): trafilatura's
# defaults score macro F1 0.953; favouring precision and dropping comments 0.964; re-extracting a short
# result (under SHORT characters) favouring recall, and keeping that when it is over twice as long, 0.969.
SETTINGS = {"favor_precision": True, "include_comments": False, "include_tables": True, "with_metadata": True}
RECALL_SETTINGS = {"favor_recall": True, "include_comments": False, "include_tables": True}
SHORT, RECALL_GAIN = 1000, 2
# htmldate must not fall back on today's date: a page without a date has no published date.
DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2100-12-31"}

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def extract_html(html, url=None):
    """{text, title, author, site_name, url, published_date (ISO or None)} of a page; text "" when none."""
    try:
        doc = trafilatura.bare_extraction(html, url=url, date_extraction_params=DATE_PARAMS, **SETTINGS)
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse has no article
        doc = None
    if doc is None:
        return {"text": "", "title": None, "author": None, "site_name": None, "url": url, "published_date": None}
    return {"text": _body(html, url, (doc.text or "").strip()), "title": doc.title, "author": doc.author, "site_name": doc.sitename,
            "url": doc.url or url, "published_date": _iso_date(doc.date)}


def _body(html, url, text):
    """The precise body, unless it is short and a recall-oriented extraction finds much more."""
    if len(text) >= SHORT:
        return text
    try:
        fuller = (trafilatura.extract(html, url=url, **RECALL_SETTINGS) or "").strip()
    except Exception:  # noqa: BLE001 - keep the precise body
        return text
    return fuller if len(fuller) > RECALL_GAIN * len(text) else text


def _iso_date(value):
    try:
        return datetime.date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None
