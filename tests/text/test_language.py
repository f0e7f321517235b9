from toolkit.text.language import english_share, seems_english


def test_english_and_not():
    english = "The minister said that the deal would be signed in the capital on Monday, and that it was a good one. " * 2
    spanish = "El ministro dijo que el acuerdo se firmaría en la capital el lunes y que era muy bueno para todos. " * 2
    assert seems_english(english) and not seems_english(spanish)
    assert english_share(english)[0] > 0.4


def test_short_texts_are_not_judged():
    assert seems_english("Hola amigos")
