"""extract.normalize.persons: titles, boundaries, keys and in-document clusters."""

from __future__ import annotations

import pytest

from extract.normalize.persons import (
    ADJ,
    BREAK,
    COMPOUND,
    ENT,
    OTHER,
    PERSON,
    POSS,
    PUNCT,
    british_subdivision_names,
    canonical_name,
    cluster_names,
    demonym_names,
    false_positive_names,
    has_org_word,
    is_false_positive,
    is_honorific,
    is_title_head,
    name_particles,
    org_cue_after,
    org_cue_before,
    org_cues,
    person_key,
    reorder_last_first,
    seat_before_for,
    split_title,
    strip_possessive,
    title_after,
    title_before,
    title_before_comma,
    title_lexicon,
    without_suffix,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("General Secretary Xi Jinping", ("Xi Jinping", "General Secretary")),
        ("Comrade Xi Jinping", ("Xi Jinping", "Comrade")),
        ("President Barack Obama", ("Barack Obama", "President")),
        ("former President Bill Clinton", ("Bill Clinton", "former President")),
        ("Prime Minister Boris Johnson", ("Boris Johnson", "Prime Minister")),
        ("Deputy Prime Minister Li Keqiang", ("Li Keqiang", "Deputy Prime Minister")),
        ("Secretary of State Madeleine Albright", ("Madeleine Albright", "Secretary of State")),
        ("Mr. Smith", ("Smith", "Mr.")),
        ("Mr Smith", ("Smith", "Mr")),
        ("Mrs. Thatcher", ("Thatcher", "Mrs.")),
        ("Dr. Anthony Fauci", ("Anthony Fauci", "Dr.")),
        ("reporter Zhang Shengjun", ("Zhang Shengjun", "reporter")),
        ("Sheikh Hasina", ("Sheikh Hasina", None)),
        ("Prince Charles", ("Prince Charles", None)),
        ("Major Tom", ("Major Tom", None)),
        ("King Abdullah", ("Abdullah", "King")),
        ("Pope Francis", ("Francis", "Pope")),
        ("Ayatollah Ali Khamenei", ("Ali Khamenei", "Ayatollah")),
        ("Chancellor Angela Merkel", ("Angela Merkel", "Chancellor")),
        ("Xi Jinping", ("Xi Jinping", None)),
        ("President", ("President", None)),
        ("Xi Jinping's", ("Xi Jinping", None)),
        ("Lu Deyao\u2019s", ("Lu Deyao", None)),
        ("General Colin Powell", ("Colin Powell", "General")),
        ("Ludwig van Beethoven", ("Ludwig van Beethoven", None)),
        ("J.R.R. Tolkien", ("J.R.R. Tolkien", None)),
        ("Senator John McCain", ("John McCain", "Senator")),
        ("Gen. Colin Powell", ("Colin Powell", "Gen.")),
    ],
)
def test_persons_split_title(text: str, expected: tuple[str, str | None]) -> None:
    assert split_title(text) == expected


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Xi Jinping", "xi-jinping"),
        ("Xi Jin-ping", "xi-jinping"),
        # a lower-case particle opening a surname alone is glued as inside the full name
        ("de Vabres", "devabres"),
        ("Renaud Donnedieu de Vabres", "renaud-donnedieudevabres"),
        ("Van Morrison", "van-morrison"),
        ("XI JINPING", "xi-jinping"),
        ("xi jinping", "xi-jinping"),
        ("General Secretary Xi Jinping", "xi-jinping"),
        ("Xi Jinping's", "xi-jinping"),
        ("Kim Jong Un", "kim-jongun"),
        ("Kim Jong-un", "kim-jongun"),
        ("Moon Jae-in", "moon-jaein"),
        ("José Martí", "jose-marti"),
        ("Jose Marti", "jose-marti"),
        ("Andrés Manuel López Obrador", "andres-manuellopezobrador"),
        ("Mohammed bin Salman", "mohammed-binsalman"),
        ("Mohammed Bin Salman", "mohammed-binsalman"),
        ("Abu Bakr al-Baghdadi", "abu-bakralbaghdadi"),
        ("Abu Bakr Al Baghdadi", "abu-bakralbaghdadi"),
        ("Ludwig van Beethoven", "ludwig-vanbeethoven"),
        ("J.R.R. Tolkien", "j-rrtolkien"),
        ("J. R. R. Tolkien", "j-rrtolkien"),
        ("Tolkien, J.R.R.", "j-rrtolkien"),
        ("Obama, Barack", "barack-obama"),
        ("Vladimir Putin", "vladimir-putin"),
        ("Mikhail Gorbachev", "mikhail-gorbachev"),
        ("Sergei Lavrov", "sergei-lavrov"),
        ("Sinéad O'Connor", "sinead-oconnor"),
        ("Sinead O\u2019Connor", "sinead-oconnor"),
        ("Madonna", "madonna"),
        ("Gabriel García Márquez", "gabriel-garciamarquez"),
        ("Charles de Gaulle", "charles-degaulle"),
        ("Lu Deyao\u2019s", "lu-deyao"),
    ],
)
def test_persons_person_key(name: str, expected: str) -> None:
    assert person_key(name) == expected


@pytest.mark.parametrize(
    "names,expected",
    [
        (["Xi Jinping", "Xi"], ["Xi Jinping", "Xi Jinping"]),
        (
            ["Renaud Donnedieu de Vabres", "de Vabres"],
            ["Renaud Donnedieu de Vabres", "Renaud Donnedieu de Vabres"],
        ),
        (
            ["Hu Yipin", "Qiang Tao", "Hu", "Qiang"],
            ["Hu Yipin", "Qiang Tao", "Hu Yipin", "Qiang Tao"],
        ),
        (["Xi", "Xi Jinping"], ["Xi Jinping", "Xi Jinping"]),
        (["Barack Obama", "Obama", "Obama"], ["Barack Obama"] * 3),
        (["George Bush", "George W. Bush", "Bush"], ["George W. Bush"] * 3),
        (
            ["Zhang Qingzhao", "Zhang Shengjun", "Zhang"],
            ["Zhang Qingzhao", "Zhang Shengjun", "Zhang Shengjun"],
        ),
        (
            ["Zhang", "Zhang Qingzhao", "Zhang Shengjun"],
            ["Zhang Qingzhao", "Zhang Qingzhao", "Zhang Shengjun"],
        ),
        (["Lebed", "Alexander Lebed"], ["Alexander Lebed", "Alexander Lebed"]),
        (["Xi Jinping", "XI JINPING"], ["Xi Jinping", "Xi Jinping"]),
        (["Xi Jinping", "Li Keqiang"], ["Xi Jinping", "Li Keqiang"]),
        (["Smith"], ["Smith"]),
        ([], []),
    ],
)
def test_persons_cluster_names(names: list[str], expected: list[str]) -> None:
    assert cluster_names(names) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Xi Jinping's", "Xi Jinping"),
        ("Xi Jinping\u2019s", "Xi Jinping"),
        ("Jones'", "Jones"),
        ("Zhang Shengjun)", "Zhang Shengjun"),
        ('"Lu Deyao', "Lu Deyao"),
        ("Martin Luther King Jr.", "Martin Luther King Jr."),
        ("J.R.R.", "J.R.R."),
        ("Hu Yipin.", "Hu Yipin"),
        ("Qiang  Tao", "Qiang Tao"),
    ],
)
def test_persons_strip_possessive(text: str, expected: str) -> None:
    assert strip_possessive(text) == expected


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Tolkien, J.R.R.", "J.R.R. Tolkien"),
        ("Obama, Barack", "Barack Obama"),
        ("King, Martin Luther, Jr.", "King, Martin Luther, Jr."),
        ("Martin Luther King, Jr.", "Martin Luther King, Jr."),
        ("Xi Jinping", "Xi Jinping"),
    ],
)
def test_persons_reorder_last_first(name: str, expected: str) -> None:
    assert reorder_last_first(name) == expected


@pytest.mark.parametrize(
    "name,expected",
    [
        ("General Secretary Xi Jinping's", "Xi Jinping"),
        ("Tolkien, J.R.R.", "J.R.R. Tolkien"),
        ("Mr. Smith", "Smith"),
    ],
)
def test_persons_canonical_name(name: str, expected: str) -> None:
    assert canonical_name(name) == expected


@pytest.mark.parametrize(
    "words,kinds,expected",
    [
        (["leadership", "of", "General", "Secretary"], [OTHER] * 4, 2),
        (["with", "Comrade"], [OTHER, OTHER], 1),
        (
            ["Singapore", "\u2019s", "ambassador", "to", "China"],
            [ENT, POSS, OTHER, OTHER, ENT],
            5,
        ),
        (["The", "central", "accountant"], [OTHER, ADJ, OTHER], 2),
        (["(", "Our", "reporter"], [PUNCT, OTHER, OTHER], 1),
        (["U.S.", "President"], [ENT, OTHER], 2),
        (["England", "captain"], [ENT, OTHER], 2),
        (["Clinton", "'s", "spokesman"], [PERSON, POSS, OTHER], 3),
        (["former", "Prime", "Minister"], [OTHER] * 3, 3),
        (["in", "China"], [OTHER, ENT], 0),
        (["pursuit", "of"], [OTHER, OTHER], 0),
        (["Fu", "Yaobo", "and"], [PERSON, PERSON, OTHER], 0),
        (["said"], [OTHER], 0),
        ([], [], 0),
        # modifiers of the title word (the component's COMPOUND kind)
        (["Economics", "Minister"], [COMPOUND, OTHER], 2),
        (["Labour", "'s", "election", "chief"], [ENT, POSS, COMPOUND, OTHER], 4),
        (["Former", "international", "development", "secretary"], [OTHER, ADJ, COMPOUND, OTHER], 4),
        # a dateline's spaced dash ends the title
        (["ROME", "-", "Israeli", "Foreign", "Minister"], [ENT, BREAK, ENT, OTHER, OTHER], 3),
        # words before a link that precedes the first title word are not the title
        (["Nakasone", "to", "Prime", "Minister"], [ENT, OTHER, OTHER, OTHER], 2),
        (
            ["ruling", "National", "Democratic", "Party", "of", "President"],
            [ADJ, ENT, ENT, ENT, ENT, OTHER],
            1,
        ),
        (["Trade", "and", "Industry", "Secretary"], [OTHER] * 4, 4),
        # a ranking is a title ("world number one Lindsay Davenport")
        (["And", "world", "number", "one"], [OTHER] * 4, 3),
        (["British", "number", "two"], [ENT, OTHER, OTHER], 3),
        (["seeded", "No.", "3"], [OTHER, OTHER, OTHER], 3),
        (["a", "number"], [OTHER, OTHER], 0),
        (["room", "one"], [OTHER, OTHER], 0),
        # a title word only added to the rules after the second blind set
        (["U2", "frontman"], [ENT, OTHER], 2),
        (["anti-war", "campaigner"], [ADJ, OTHER], 2),
    ],
)
def test_persons_title_before(words: list[str], kinds: list[str], expected: int) -> None:
    assert title_before(words, kinds) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            ", director of the Center for Integrity Studies at the University",
            "director of the Center for Integrity Studies",
        ),
        (
            ", a researcher at the G20 Anti - corruption Research Center for Fleeing and Recovery .",
            "researcher at the G20 Anti - corruption Research Center for Fleeing and Recovery",
        ),
        (", the party spokesman , said", "party spokesman"),
        (", 45 , said", None),
        (" said on Friday", None),
        (", who fled abroad", None),
    ],
)
def test_persons_title_after(text: str, expected: str | None) -> None:
    words = text.replace(",", " ,").split()
    kinds = [PUNCT if w in ",." else POSS if w == "'s" else OTHER for w in words]
    found = title_after(words, kinds)
    assert (" ".join(words[found[0] : found[1]]) if found else None) == expected


@pytest.mark.parametrize(
    "words,kinds,expected",
    [
        (
            [",", "commercial", "director", "at", "Rightmove"],
            [PUNCT, COMPOUND, OTHER, OTHER, OTHER],
            "commercial director at Rightmove",
        ),
        (
            [",", "fund", "manager", "at", "Perpetual"],
            [PUNCT, COMPOUND, OTHER, OTHER, ENT],
            "fund manager at Perpetual",
        ),
        ([",", "who", "fled"], [PUNCT, OTHER, OTHER], None),
        # an owner's possessive opens the role
        (
            [",", "China", "'s", "foreign", "minister", ","],
            [PUNCT, ENT, POSS, COMPOUND, OTHER, PUNCT],
            "China 's foreign minister",
        ),
        (
            [",", "the", "Ukraine", "'s", "new", "president", ","],
            [PUNCT, OTHER, ENT, POSS, ADJ, OTHER, PUNCT],
            "Ukraine 's new president",
        ),
        ([",", "China", "'s", "capital", ","], [PUNCT, ENT, POSS, OTHER, PUNCT], None),
        ([",", "China", "said"], [PUNCT, ENT, OTHER], None),
    ],
)
def test_persons_title_after_modifier_kinds(
    words: list[str], kinds: list[str], expected: str | None
) -> None:
    found = title_after(words, kinds)
    assert (" ".join(words[found[0] : found[1]]) if found else None) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            '" staff " , former head of the High - tech Zone Branch of Bank of Communications Wenzhou Branch ,',
            "former head of the High - tech Zone Branch of Bank of Communications Wenzhou Branch ,",
        ),
        ("On Friday , the spokesman ,", "spokesman ,"),
        ("After the meeting ,", None),
        ("former head", None),
    ],
)
def test_persons_title_before_comma(text: str, expected: str | None) -> None:
    words = text.split()
    kinds = [PUNCT if w in ',."' else OTHER for w in words]
    count = title_before_comma(words, kinds)
    assert (" ".join(words[len(words) - count :]) if count else None) == expected


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Hongtong", True),
        ("HONGTONG", True),
        ("Attendance", True),
        ("x", True),
        ("mr smith", True),
        ("Agent 007", True),
        ("Xi Jinping", False),
        ("O'Brien", False),
        ("Zhang Shengjun", False),
    ],
)
def test_persons_is_false_positive(name: str, expected: bool) -> None:
    assert is_false_positive(name) is expected


@pytest.mark.parametrize(
    "words,expected",
    [
        (["St", "Gallen", "Kantonalbank"], True),
        (["Conagra", "Inc"], True),
        (["Goodman", "Fielder", "Ltd"], True),
        (["Nestle", "SA"], True),
        (["Volkswagen", "AG"], True),
        (["Jardine", "Matheson", "Holdings"], True),
        (["Rabobank", "Group"], True),
        (["Manchester", "United"], True),
        (["Sueddeutsche", "Zeitung"], True),
        (["Sa", "Ding", "Ding"], False),
        (["Peter", "Jackson"], False),
        (["Natalie", "Press"], False),
        (["Thomas", "Haden", "Church"], False),
    ],
)
def test_persons_has_org_word(words: list[str], expected: bool) -> None:
    assert has_org_word(words) is expected


@pytest.mark.parametrize(
    "word,expected",
    [
        ("newspaper", True),
        ("firm", True),
        ("carrier", True),
        ("film", True),
        ("frigate", True),
        ("warship", True),
        ("tanker", True),
        ("charity", True),  # "the charity Mencap"
        ("tank", True),  # "UK think-tank Demos", tokenised "think - tank"
        ("operator", True),  # "Nordic operator Teliasonera"
        ("browser", True),
        ("developer", False),  # "games developer Peter Molyneux" is a person
        ("Newspaper", False),
        ("spokesman", False),
        ("president", False),
    ],
)
def test_persons_org_cue_before(word: str, expected: bool) -> None:
    assert org_cue_before(word) is expected


@pytest.mark.parametrize(
    "words,one_word_name,expected",
    [
        (["shares", "fell"], False, True),
        (["'s", "shares", "rose"], False, True),
        (["\u2019s", "chief", "executive", "said"], False, True),
        (["newspaper", "said"], False, True),
        (["chairman", "Augusto", "Lendoiro"], False, True),
        (["are", "well", "placed"], True, True),
        (["are", "well", "placed"], False, False),
        (["said", "it", "would"], False, False),
        (["'s", "wife"], False, False),
        (["militia", "fighters"], False, True),
        ([], False, False),
    ],
)
def test_persons_org_cue_after(words: list[str], one_word_name: bool, expected: bool) -> None:
    assert org_cue_after(words, one_word_name=one_word_name) is expected


@pytest.mark.parametrize(
    "word,expected",
    [
        ("President", True),
        ("spokesman", True),
        ("Mr", True),
        ("Mr.", True),
        ("treasurer", True),
        ("off-spinner", True),
        ("star", True),
        ("partner", True),
        ("opponent", True),
        ("Uncle", True),
        ("Prince", False),
        ("Foreign", False),
        ("Trade", False),
        ("former", False),
        ("Jackson", False),
    ],
)
def test_persons_is_title_head(word: str, expected: bool) -> None:
    assert is_title_head(word) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Treasurer Paul Keating", ("Paul Keating", "Treasurer")),
        ("Broker Khurshid Alam", ("Khurshid Alam", "Broker")),
        ("treasurer Paul Keating", ("Paul Keating", "treasurer")),
        ("Commissioner Neelie Kroes", ("Neelie Kroes", "Commissioner")),
    ],
)
def test_persons_split_title_news_roles(text: str, expected: tuple[str, str | None]) -> None:
    assert split_title(text) == expected


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Treasurer Paul Keating", "paul-keating"),
        ("Kengo wa Dondo", "kengo-wadondo"),
        ("Elizabeth I", "elizabeth-i"),
    ],
)
def test_persons_person_key_news_names(name: str, expected: str) -> None:
    assert person_key(name) == expected


@pytest.mark.parametrize(
    "loader",
    [
        org_cues,
        demonym_names,
        title_lexicon,
        name_particles,
        false_positive_names,
        british_subdivision_names,
    ],
)
def test_persons_rules_load(loader) -> None:  # type: ignore[no-untyped-def]
    loader.cache_clear()
    assert loader()


@pytest.mark.parametrize(
    "word,expected",
    [("Mr", True), ("Dr.", True), ("Lord", True), ("President", False), ("Smith", False)],
)
def test_persons_is_honorific(word: str, expected: bool) -> None:
    assert is_honorific(word) is expected


@pytest.mark.parametrize(
    "name,expected",
    [
        ("derbyshire", True),
        ("worcestershire", True),
        ("surrey", True),
        ("kent", False),
        ("sutton", False),
        ("dudley", False),
        ("smith", False),
    ],
)
def test_persons_british_subdivision_names(name: str, expected: bool) -> None:
    assert (name in british_subdivision_names()) is expected


@pytest.mark.parametrize(
    "word,expected",
    [("MP", True), ("MEP", True), ("MSP", True), ("mp", False), ("bid", False), ("", False)],
)
def test_persons_seat_before_for(word: str, expected: bool) -> None:
    assert seat_before_for(word) is expected


@pytest.mark.parametrize(
    "tokens,expected",
    [
        (("james", "welch", "jr"), ("james", "welch")),
        (("al", "unser", "sr"), ("al", "unser")),
        (("john", "paul", "ii"), ("john", "paul")),
        (("jr",), ("jr",)),
        (("henry", "viii"), ("henry", "viii")),
    ],
)
def test_persons_without_suffix(tokens: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert without_suffix(tokens) == expected


@pytest.mark.parametrize(
    "names,expected",
    [
        (["James Welch Jr", "Welch"], ["James Welch Jr", "James Welch Jr"]),
        (["Al Unser Jr", "Al Unser"], ["Al Unser Jr", "Al Unser Jr"]),
        (["Al Unser Jr", "Jr"], ["Al Unser Jr", "Jr"]),
        (["Lloyd U. Noland III", "Noland III"], ["Lloyd U. Noland III", "Lloyd U. Noland III"]),
    ],
)
def test_persons_cluster_names_past_a_suffix(names: list[str], expected: list[str]) -> None:
    assert cluster_names(names) == expected
