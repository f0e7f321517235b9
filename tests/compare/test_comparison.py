"""Comparing by outlet: a warning when there are none, and where inferred outlets came from."""

import pandas as pd
import pytest

from toolkit import CorpusWarning
from toolkit.compare.comparison import warn_without_outlets


def _documents(outlets, sources):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(outlets))], "outlet": outlets, "outlet_source": sources})


def test_no_outlet_warns():
    with pytest.warns(CorpusWarning, match="no document names an outlet"):
        warn_without_outlets(_documents(["", ""], ["missing", "missing"]))


def test_inferred_outlets_are_named_with_their_source():
    documents = _documents(["reuters", "reuters", "The Harbour Times", "harbour.example", "Desk"],
                           ["inferred:file_name_prefix", "inferred:file_name_prefix", "inferred:og:site_name",
                            "inferred:url_domain", "manifest"])
    with pytest.warns(CorpusWarning) as caught:
        warn_without_outlets(documents)
    message = str(caught[0].message)
    assert "file-name prefixes (2 documents)" in message
    assert "og:site_name" in message and "url column (1 document)" in message and "outlet_source" in message


def test_manifest_outlets_need_no_warning(recwarn):
    warn_without_outlets(_documents(["A", "A", "B"], ["manifest"] * 3))
    assert not [w for w in recwarn if issubclass(w.category, CorpusWarning)]
