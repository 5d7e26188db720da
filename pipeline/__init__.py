"""Parley: news articles in, a queryable record of diplomatic meetings out."""
__version__ = "0.1.0"
