"""Meeting extraction: people, places, dates and cues found in sentences, assembled into meeting records."""
from transforms.extract.meetings import Extractor

__all__ = ["Extractor"]
