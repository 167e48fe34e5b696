"""news_persons: boundaries, recovery rules and organisation cues added for result lists,
scorecards and sports news (needs the trained model), plus the key of a nicknamed name."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extract.normalize.persons import person_key, place_before_of, plural_verb_after


def _persons(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    rows = nlp(doc)._.persons
    for row in rows:
        assert text[row["start_char"] : row["end_char"]] == row["text"]
    return [(row["text"], row["name"], row["title"]) for row in rows]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        # boundaries: nickname, particles, hyphenated and Korean given names, regnal numbers
        (
            'Panamanian legend Roberto " Hands of Stone " Duran fights on Saturday . Duran is 45 .',
            [
                (
                    'Roberto " Hands of Stone " Duran',
                    'Roberto " Hands of Stone " Duran',
                    None,
                ),
                ("Duran", 'Roberto " Hands of Stone " Duran', None),
            ],
        ),
        (
            "Prime Minister Kengo wa Dondo met aid workers on Monday .",
            [("Kengo wa Dondo", "Kengo wa Dondo", "Prime Minister")],
        ),
        (
            "Seoul asked for the return of Kim In-so to the North .",
            [("Kim In-so", "Kim In-so", None)],
        ),
        (
            "Lindsay Davenport ( U.S. ) beat Anne-Gaelle Sidot ( France ) 6-0 6-3 .",
            [
                ("Lindsay Davenport", "Lindsay Davenport", None),
                ("Anne-Gaelle Sidot", "Anne-Gaelle Sidot", None),
            ],
        ),
        (
            "Belgian King Baudouin I was born in 1930 .",
            [("Baudouin I", "Baudouin I", "Belgian King")],
        ),
        (
            "The stage was won by Maarten den Bakker of the Netherlands .",
            [("Maarten den Bakker", "Maarten den Bakker", None)],
        ),
        # honorific after a role: the role is the title
        (
            "Federal Reserve chairman Mr Greenspan said rates would stay on hold .",
            [("Greenspan", "Greenspan", "Federal Reserve chairman")],
        ),
        (
            "Prime Minister Dr. Mahathir Mohamad opened the bridge .",
            [("Mahathir Mohamad", "Mahathir Mohamad", "Prime Minister")],
        ),
        (
            "But a spokesman for Mr Prescott warned that the changes would fail .",
            [("Prescott", "Prescott", "Mr")],
        ),
        # a plural verb after a one-word name marks a team, unless the name is coordinated or
        # has a title
        (
            "She and sister Venus are not a declining force , Serena Williams said .",
            [("Venus", "Venus", "sister"), ("Serena Williams", "Serena Williams", None)],
        ),
        (
            "Health Secretary John Reid and Labour peer Lord Haskins are warning of the dangers .",
            # the role before the honorific is the title, as "Federal Reserve chairman Mr X"
            [("John Reid", "John Reid", "Health Secretary"), ("Haskins", "Haskins", "Labour peer")],
        ),
        # scorecards: dismissals, batsmen, bowling figures, "did not bat", initials and scores
        (
            "Australia\nM. Taylor c Healy b Jones 12\nR. Ponting lbw b Brown 45\n"
            "S. Warne not out 8\nBowling : Jones 10-1-40-2 , Brown 9.2-0-33-1\n"
            "Did not bat : McGrath , Gillespie .",
            [
                ("M. Taylor", "M. Taylor", None),
                ("Healy", "Healy", None),
                ("Jones", "Jones", None),
                ("R. Ponting", "R. Ponting", None),
                ("Brown", "Brown", None),
                ("S. Warne", "S. Warne", None),
                ("Jones", "Jones", None),
                ("Brown", "Brown", None),
                ("McGrath", "McGrath", None),
                ("Gillespie", "Gillespie", None),
            ],
        ),
        (
            "Kent 244 ( C. Hooper 58 ; C. Tolley 4-68 , K. Evans 4-71 )",
            [
                ("C. Hooper", "C. Hooper", None),
                ("C. Tolley", "C. Tolley", None),
                ("K. Evans", "K. Evans", None),
            ],
        ),
        # lists: match minutes, line-ups read in full, numbers and line breaks as separators
        (
            "Scorers : Norway - Erik Haaland ( 31st ) , Jon Berg ( 75th minute )",
            [("Erik Haaland", "Erik Haaland", None), ("Jon Berg", "Jon Berg", None)],
        ),
        (
            "Teams : Italy - 1 - Marco Bellini ; 2 - Paolo Rossetti , 3 - Luca Ferrante "
            "( 12 - Gianni Moretti 70th ) , 4 - Dario Conti , 5 - Angelo Peruzzi",
            [
                ("Marco Bellini", "Marco Bellini", None),
                ("Paolo Rossetti", "Paolo Rossetti", None),
                ("Luca Ferrante", "Luca Ferrante", None),
                ("Gianni Moretti", "Gianni Moretti", None),
                ("Dario Conti", "Dario Conti", None),
                ("Angelo Peruzzi", "Angelo Peruzzi", None),
            ],
        ),
        (
            "Golf scores : 62 Nolan Henke 64 Bob Estes 65 Billy Andrade , Duffy Waldorf",
            [
                ("Nolan Henke", "Nolan Henke", None),
                ("Bob Estes", "Bob Estes", None),
                ("Billy Andrade", "Billy Andrade", None),
                ("Duffy Waldorf", "Duffy Waldorf", None),
            ],
        ),
        # not persons: a listed person's car, teams, places, common words, counties
        (
            "1. Alex Carter ( Italy ) , Reynard Honda , 53.980\n"
            "2. Mark Dunn ( U.S. ) , Lola Ford , 54.483\n"
            "3. Tim Green ( Canada ) , Reynard Honda , 54.512",
            [
                ("Alex Carter", "Alex Carter", None),
                ("Mark Dunn", "Mark Dunn", None),
                ("Tim Green", "Tim Green", None),
            ],
        ),
        ("The Brewers rallied for a 5-4 victory . Milwaukee fans cheered the Brewers .", []),
        (  # the one-word mentions go; the club's full name is a known limit
            "Rotor Volgograd must play behind closed doors . Despite the defeat , Rotor are "
            "well placed . Rotor face Spartak next .",
            [("Rotor Volgograd", "Rotor Volgograd", None)],
        ),
        # a county with a score ("Somerset 4") does not make "Somerset" a name
        ("Somerset 83 and 174 , Leicestershire 296 . Leicestershire 22 points , Somerset 4 .", []),
        (
            "Four people were hurt in the town of Staouelli . Rebels hold villages east of "
            "Tavildara .",
            [],
        ),
        ('" Death is not a punishment -- death is the end of life , " the writer said .', []),
        ("Yorkshire beat Sussex by five wickets at Headingley .", []),
        (
            "Tony Blair , Bill Clinton and the Clintons ' friends met the Dole campaign .",
            [
                ("Tony Blair", "Tony Blair", None),
                ("Bill Clinton", "Bill Clinton", None),
                ("Clintons", "Clintons", None),
                ("Dole", "Dole", None),
            ],
        ),
    ],
)
def test_persons_recovery_sentences(
    nlp: Language, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _persons(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,config,expected",
    [
        (
            "Australia\nM. Taylor c Healy b Jones 12\nR. Ponting lbw b Brown 45",
            {"disabled_rules": ["scorecards"]},
            ["M. Taylor", "Jones"],
        ),
        (
            "Scorers : Norway - Erik Haaland ( 31st ) , Jon Berg ( 75th minute )",
            {"disabled_rules": ["list_recovery"]},
            ["Jon Berg"],
        ),
    ],
)
def test_persons_recovery_rule_switches(text: str, config: dict, expected: list[str]) -> None:
    from extract.pipeline import load_pipeline

    nlp = load_pipeline(
        components=("news_countries", "news_persons"), config={"news_persons": config}
    )
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    assert [row["text"] for row in nlp(doc)._.persons] == expected


@pytest.mark.parametrize(
    "name,key",
    [
        ('Roberto " Hands of Stone " Duran', "roberto-duran"),
        ("Hector \u201cMacho\u201d Camacho", "hector-camacho"),
        ("Roberto Duran", "roberto-duran"),
        ("Kengo wa Dondo", "kengo-wadondo"),
        ("Kim In-so", "kim-inso"),
        ("Anne-Gaelle Sidot", "annegaelle-sidot"),
    ],
)
def test_persons_recovery_person_key(name: str, key: str) -> None:
    assert person_key(name) == key


@pytest.mark.parametrize(
    "word,expected",
    [("town", True), ("east", True), ("province", True), ("side", False), ("Town", False)],
)
def test_persons_recovery_place_before_of(word: str, expected: bool) -> None:
    assert place_before_of(word) is expected


@pytest.mark.parametrize(
    "words,expected",
    [(["are", "well"], True), (["were"], True), (["is", "well"], False), (["shares"], False)],
)
def test_persons_recovery_plural_verb_after(words: list[str], expected: bool) -> None:
    assert plural_verb_after(words) is expected
