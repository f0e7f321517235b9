import pytest

from toolkit import load_corpus
from toolkit.compare.per_document import frame_shares
from toolkit.measures.framing import FRAMES, frame_cues, frames


def _frames_of(tmp_path, sentence):
    (tmp_path / "a.txt").write_text(f"A Title\n\n{sentence}\n")
    table = frames(load_corpus(tmp_path))
    return set(table.loc[table["sentence_id"] == 1, "frame"])


@pytest.mark.parametrize(
    "sentence, frame",
    [
        ("Exports and investment rose sharply, lifting revenue.", "economic"),
        ("Insurgents attacked an army post near the border.", "security_defense"),
        ("The court ruled the contract illegal.", "legality"),
        ("Opposition parties demanded a parliamentary vote.", "political"),
        ("Protests and a backlash followed the announcement.", "public_opinion"),
        ("Residents fear displacement and lost livelihoods.", "quality_of_life"),
        ("Water contamination threatens public health.", "health_safety"),
        ("The country lacks refining capacity and skilled workers.", "capacity_resources"),
        ("Critics asked whether the benefits will be shared fairly.", "fairness_equality"),
        ("The two nations deepened diplomatic ties at the summit.", "external_regulation_reputation"),
        ("The government should reform oversight and improve transparency.", "policy"),
        ("Police arrested smugglers on corruption charges.", "crime_punishment"),
        ("Religious leaders called the plan immoral.", "morality"),
        ("The tribe's traditions and heritage are at stake.", "cultural_identity"),
    ],
)
def test_each_dimension_has_working_cues(tmp_path, sentence, frame):
    assert frame in _frames_of(tmp_path, sentence)


def test_frames_table_carries_cues_and_offsets(seeds_corpus):
    cues = frame_cues(seeds_corpus)
    for row in cues.itertuples():
        assert seeds_corpus.document(row.doc_id).text[row.start:row.end] == row.surface
    table = frames(seeds_corpus, cues=cues)
    row = table.iloc[0]
    doc = seeds_corpus.document(row["doc_id"])
    for surface, span in zip(row["cues"].split(";"), row["spans"].split(";")):
        start, end = map(int, span.split("-"))
        assert doc.text[start:end] == surface


def test_frame_shares_cover_every_dimension(seeds_corpus):
    shares = frame_shares(seeds_corpus)
    assert len(shares) == len(seeds_corpus) * len(FRAMES)
    assert shares["share"].between(0, 1).all()
    top = shares.sort_values("share").groupby("doc_id").tail(1)
    assert set(top["frame"]) <= {"economic", "external_regulation_reputation"}


@pytest.mark.parametrize("sentence, frame, expected", [
    ("“It has been an honor and privilege to serve the people of Vale,” Roe said.", "morality", False),
    ("The killing was defended as a matter of family honor.", "morality", True),
    ("Roe is threatening to resign if the vote fails.", "security_defense", False),
    ("Officials called the militia a threat to the region.", "security_defense", True),
])
def test_courtesies_and_threats_to_resign_frame_nothing(tmp_path, sentence, frame, expected):
    assert (frame in _frames_of(tmp_path, sentence)) == expected


@pytest.mark.parametrize("sentence, frame", [
    ("Jo Roe told Politico that the port would close.", "political"),
    ("Aides described a hostile environment in the office.", "health_safety"),
])
def test_an_outlets_name_and_a_hostile_office_frame_nothing(tmp_path, sentence, frame):
    assert frame not in _frames_of(tmp_path, sentence)
