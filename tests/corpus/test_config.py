import pytest

from toolkit.corpus.config import read_config
from toolkit.errors import ConfigError

from conftest import SEEDS


def test_seed_config():
    config = read_config(SEEDS / "corpus.toml")
    actors = {a.name: a for a in config.actors}
    assert actors["United States"].kind == "country" and "U.S." in actors["United States"].aliases
    assert actors["Donald Trump"].aliases[0] == "Donald Trump"


def test_missing_config_gives_defaults(tmp_path):
    config = read_config(tmp_path / "corpus.toml", default_name="mine")
    assert config.name == "mine" and config.actors == ()


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("name = ", "not valid TOML"),
        ("name = 3", "'name' must be a string"),
        ('[actors.X]\naliases = "X"', "aliases must be a list"),
        ('[actors.X]\nkind = "planet"', "kind 'planet' is unknown"),
    ],
)
def test_bad_config_is_refused_with_a_fix(tmp_path, text, fragment):
    path = tmp_path / "corpus.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        read_config(path)
    assert fragment in str(info.value) and "fix:" in str(info.value) and "corpus.toml" in str(info.value)
