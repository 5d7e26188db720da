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
    package_data={"configs": ["*.yaml", "*.tsv"]},
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
    ],
    extras_require={
        "test": ["pytest>=8", "hypothesis>=6.100"],
        "analysis": ["pandas>=2", "polars>=1"],
    },
    entry_points={"console_scripts": ["parley = pipeline.cli:main"]},
)
