"""news_dates on hand-written sentences and on the seed article (trained model: slow)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.types import ArticleMetadata
from tests.conftest import REPO

pytestmark = pytest.mark.slow

R = "2020-10-22"
COMPARED = ("start_char", "end_char", "text", "kind", "timex", "start", "end", "grain", "mod")


def _run(nlp: Language, text: str, reference: str | None = None, source: str | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.doc_id = "test"
    doc._.metadata = ArticleMetadata(
        reference_date=reference, reference_date_source=source or "none"
    )
    return nlp(doc)


def _values(doc: Doc) -> list[tuple[str, str]]:
    return [(row["text"], row["timex"]) for row in doc._.dates]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "On April 28 this year, Hu Yipin was arrested in Vietnam.",
            [("April 28 this year", "2020-04-28")],
        ),
        ("They both fled during the epidemic in March.", [("March", "2020-03")]),
        (
            "At the beginning of 2019, five episodes were broadcast.",
            [("the beginning of 2019", "2019")],
        ),
        ("Prices fell two years ago.", [("two years ago", "2018")]),
        (
            "Shares rose 5% in the third quarter of 2019.",
            [("the third quarter of 2019", "2019-Q3")],
        ),
        ("The talks collapsed last week.", [("last week", "2020-W42")]),
        ("The plant was built in the 1990s.", [("the 1990s", "199")]),
        ("They were returned within three months.", [("three months", "P3M")]),
        ("The strikes have lasted for decades.", [("decades", "PXY")]),
        ("Stores closed early on Memorial Day.", [("Memorial Day", "2020-05-25")]),
    ],
)
def test_dates_component_detects_and_normalizes(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    doc = _run(nlp, text, "2020-10-22", "option")
    assert _values(doc) == expected


@pytest.mark.parametrize(
    "text",
    [
        "7831 escaped persons were recovered from more than 120 countries.",
        "Since the 18th National Congress of the Communist Party of China, work continued.",
        "He paid $1990 for the car.",
        "About 1500 people attended the rally.",
        "A 6-year-old boy was found safe.",
        "Iraq imports about three-quarters of its food.",
        "The meeting started at 10 a.m.",
        "He writes for the daily.",
        "The Communist Party daily Granma compared Elian with heroes.",
        'Gonzalez said on CBS\'s "60 Minutes" that he would stay.',
        "The polls close at 1900 GMT.",
        "Trading resumed after 1130 local time.",
    ],
)
def test_dates_component_filters_non_dates(nlp: Language, text: str) -> None:
    assert _values(_run(nlp, text, "2020-10-22", "option")) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "From 2014 to June 2020, a total of 7,831 escaped persons were recovered.",
            [("From 2014 to June 2020", "range", "2014/2020-06", "2014-01-01", "2020-06-30")],
        ),
        (
            "Sales rose between May and July 2019.",
            [("between May and July 2019", "range", "2019-05/2019-07", "2019-05-01", "2019-07-31")],
        ),
    ],
)
def test_dates_component_merges_ranges(
    nlp: Language, text: str, expected: list[tuple[str, str, str, str, str]]
) -> None:
    doc = _run(nlp, text, "2020-10-22", "option")
    rows = [
        (r["text"], r["kind"], r["timex"], r["start"].isoformat(), r["end"].isoformat())
        for r in doc._.dates
    ]
    assert rows == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The ministers met on Tuesday.", [("Tuesday", "2020-10-20")]),
        ("The ministers will meet on Tuesday.", [("Tuesday", "2020-10-27")]),
        ("The company cut jobs in December.", [("December", "2019-12")]),
        ("The company will cut jobs in December.", [("December", "2020-12")]),
        # a deadline in a past-tense report may lie ahead: the nearest one
        ("The court extended the deadline until Monday.", [("Monday", "2020-10-26")]),
        ("The talks lasted until Tuesday.", [("Tuesday", "2020-10-20")]),
        # a participle takes the tense of its clause; a plan in the pluperfect is over
        (
            "Its stock has slumped recently, closing unchanged Friday at $29 a share.",
            [("recently", "PAST_REF"), ("Friday", "2020-10-16")],
        ),
        ("The offer had been due to expire Friday evening.", [("Friday evening", "2020-10-16TEV")]),
        ("The sale is scheduled to close Monday.", [("Monday", "2020-10-26")]),
        # a participle under a verbless headline keeps its own (present) reading
        ("Stocks closing higher Friday in heavy trading.", [("Friday", "2020-10-23")]),
    ],
)
def test_dates_component_resolves_by_tense(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _values(_run(nlp, text, "2020-10-22", "metadata")) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "They will be pursued in five, ten, or twenty years.",
            [("five, ten, or twenty years", "range", "P5Y/P20Y")],
        ),
        (
            "The company will resume shipments within two to three weeks.",
            [("two to three weeks", "range", "P2W/P3W")],
        ),
        (
            "He probably died within weeks or months of his capture.",
            [("weeks or months", "range", "PXW/PXM")],
        ),
        (
            "You may, in a year or two, save a few more lives.",
            [("a year or two", "range", "P1Y/P2Y")],
        ),
        (
            "Acquisitions will be made during the next 12 to 18 months.",
            [("the next 12 to 18 months", "range", "P12M/P18M")],
        ),
        (
            "Talks resumed in May or June.",
            [("May", "date", "2020-05"), ("June", "date", "2020-06")],
        ),
    ],
)
def test_dates_component_joins_duration_ranges(
    nlp: Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = _run(nlp, text, "2020-10-22", "option")
    assert [(r["text"], r["kind"], r["timex"]) for r in doc._.dates] == expected


@pytest.mark.parametrize(
    "text,reference,expected",
    [
        (
            "The dividend is payable May one to holders of record April 15.",
            "1987-03-20",
            [("May one", "date", "1987-05-01"), ("April 15", "date", "1987-04-15")],
        ),
        ("In May one company said it would cut jobs.", R, [("May", "date", "2020-05")]),
        ("In March two of the companies merged.", R, [("March", "date", "2020-03")]),
        (
            "There are over fifty thousand CDs a year sold with lyrics.",
            R,
            [("a year", "set", "P1Y")],
        ),
        (
            "It has pretax profit of about $33 million a year because of the dividend.",
            R,
            [("a year", "set", "P1Y")],
        ),
        ("They meet twice a week.", R, [("a week", "set", "P1W")]),
        ("Prices rose 5% a year.", R, [("a year", "set", "P1Y")]),
        ("He was jailed for a year.", R, [("a year", "duration", "P1Y")]),
        ("Revenue should rise 8.5% annually.", R, [("annually", "set", "P1Y")]),
        ("The report is published yearly.", R, [("yearly", "set", "P1Y")]),
        (
            "Flights leave Bombay on Tuesday nights.",
            R,
            [("Tuesday nights", "set", "XXXX-WXX-2TNI")],
        ),
        (
            "The firm returned to profit after several quarters of losses.",
            R,
            [("several quarters", "duration", "PXQ")],
        ),
        (
            "Islam will one day be the second largest religion in the country.",
            R,
            [("one day", "date", "FUTURE_REF")],
        ),
        ("The strike lasted for one day.", R, [("one day", "duration", "P1D")]),
        (
            "It stopped for about 5 1/2 hours in Nairobi.",
            R,
            [("about 5 1/2 hours", "duration", "PT5H30M")],
        ),
        (
            "They emerged from their third day-long meeting.",
            R,
            [("day-long", "duration", "P1D")],
        ),
        (
            "One person is killed. January nineteen ninety-seven. Atlanta again.",
            R,
            [("January nineteen ninety-seven", "date", "1997-01")],
        ),
        (
            "Net for the third quarter rose. It earned $376,000 in the 1988 quarter.",
            R,
            [("the third quarter", "date", "2020-Q3"), ("the 1988 quarter", "date", "1988-Q3")],
        ),
        (
            "The company expects higher sales in the current fiscal year.",
            "1989-10-26",
            [("the current fiscal year", "date", "1989")],
        ),
        (
            "The company announced a loss for the third quarter of $226.3 million.",
            R,
            [("the third quarter", "date", "2020-Q3")],
        ),
        (
            "It includes an item in the company's 1989 operating results.",
            R,
            [("1989", "date", "1989")],
        ),
        (
            "Net for the second quarter rose. Sales in the latest period were $1.8 billion.",
            R,
            [("the second quarter", "date", "2020-Q2"), ("the latest period", "date", "2020-Q2")],
        ),
        (
            "Sales in the latest period were $1.8 billion.",
            R,
            [("the latest period", "date", "2020-Q3")],
        ),
        (
            "Police said the attack happened yesterday afternoon.",
            R,
            [("yesterday afternoon", "date", "2020-10-21TAF")],
        ),
    ],
)
def test_dates_component_reads_news_forms(
    nlp: Language, text: str, reference: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = _run(nlp, text, reference, "option")
    assert [(r["text"], r["kind"], r["timex"]) for r in doc._.dates] == expected


@pytest.mark.parametrize(
    "text,reference,source,first",
    [
        # a wire dateline: its day, after the latest date told in the past
        (
            "SALVADOR, Feb 26 - The talks ended on December 17, 1986, officials said.",
            "1987-02-26",
            "inferred",
            ("Feb 26", "1987-02-26"),
        ),
        # guesses the article does not support: no reference (it was 2020-10-22, 2020-03-31
        # and 2020-12-31 when the latest named year decided alone)
        (
            "On October 22, the meeting was held. Data cover the period to June 2020.",
            None,
            "none",
            ("October 22", "XXXX-10-22"),
        ),
        (
            "Sales in 2019 were strong. In March, the firm expanded.",
            None,
            "none",
            ("2019", "2019"),
        ),
        (
            "Sales in 2019 rose. Sales are expected to double by 2025, he said on Tuesday.",
            None,
            "none",
            ("2019", "2019"),
        ),
        # one year and nothing to resolve: no guess
        (
            "Sales in 2019 rose. Sales are expected to double by 2025.",
            None,
            "none",
            ("2019", "2019"),
        ),
        ("Regulatory approval is expected in late 1987.", None, "none", ("late 1987", "1987")),
        ("On April 28, the suspect was arrested.", None, "none", ("April 28", "XXXX-04-28")),
        ("Nothing happened here.", None, "none", None),
    ],
)
def test_dates_component_infers_reference_date(
    nlp: Language,
    text: str,
    reference: str | None,
    source: str,
    first: tuple[str, str] | None,
) -> None:
    doc = _run(nlp, text)
    assert (doc._.reference_date, doc._.reference_date_source) == (reference, source)
    assert (_values(doc)[:1] or [None])[0] == first


@pytest.mark.parametrize("source", ["metadata", "option"])
def test_dates_component_keeps_given_reference(nlp: Language, source: str) -> None:
    doc = _run(nlp, "In March 2019 and on May 5, prices fell.", "2021-01-15", source)
    assert (doc._.reference_date, doc._.reference_date_source) == ("2021-01-15", source)
    assert _values(doc) == [("March 2019", "2019-03"), ("May 5", "2020-05-05")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Today, these initiatives have become the consensus.", [("Today", "PRESENT_REF")]),
        ("Today the company announced a merger.", [("Today", "2020-10-22")]),
    ],
)
def test_dates_component_generic_today(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _values(_run(nlp, text, "2020-10-22", "metadata")) == expected


def test_dates_component_matches_seed_gold(nlp: Language, seed_text: str) -> None:
    gold_path = REPO / "corpora" / "gold" / "seed" / "dates.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    doc = _run(nlp, seed_text)
    assert (doc._.reference_date, doc._.reference_date_source) == ("2020-10-22", "inferred")
    predicted = [
        {
            k: (v.isoformat() if isinstance(v, dt.date) else v)
            for k, v in row.items()
            if k in COMPARED
        }
        for row in doc._.dates
    ]
    assert predicted == [{k: row[k] for k in COMPARED} for row in gold]


# Blind Reuters set of issue 3 (corpora/gold/blind-dates): forms that recur in news.
@pytest.mark.parametrize(
    "text,reference,expected",
    [
        (
            "Norway will extend its cut from July 15 until the end of this year.",
            "1987-06-29",
            [("from July 15 until the end of this year", "range", "1987-07-15/1987", None)],
        ),
        (
            "The plan would allocate about seven billion dlrs a year for defence.",
            "1987-06-01",
            [("a year", "set", "P1Y", None)],
        ),
        (
            "Output was about 250,000 barrels per day before the tremor.",
            "1987-04-24",
            [("per day", "set", "P1D", None)],
        ),
        (
            "Moscow agreed to buy nine mln tonnes of U.S. grain per year.",
            "1987-06-29",
            [("per year", "set", "P1Y", None)],
        ),
        (
            "Members urged her to call elections due in June 1988 a year early.",
            "1987-04-07",
            [("June 1988", "date", "1988-06", None), ("a year", "duration", "P1Y", None)],
        ),
        (
            "Sales rose to 94.0 mln dlrs from 80.0 mln dlrs a year before.",
            "1987-03-02",
            [("a year before", "date", "1986", None)],
        ),
        (
            "It will take until at least end-July to repair the line.",
            "1987-04-24",
            [("end-July", "date", "1987-07", "END")],
        ),
        (
            "Unemployment rose at end-March 1986 and at end-1985.",
            "1987-04-08",
            [("end-March 1986", "date", "1986-03", "END"), ("end-1985", "date", "1985", "END")],
        ),
        (
            "Debt fell in the quarter end December 31.",
            "1987-03-09",
            [("the quarter", "date", "1986-Q4", None), ("December 31", "date", "1986-12-31", None)],
        ),
        (
            "The meeting is due to end Tuesday.",
            "1987-03-09",
            [("Tuesday", "date", "1987-03-10", None)],
        ),
        (
            "Conade forecast total 1987 exports of 1.77 billion dlrs.",
            "1987-04-24",
            [("1987", "date", "1987", None)],
        ),
        (
            "The ceiling for first half 1987 was lower than in third quarter 1986.",
            "1987-06-29",
            [
                ("first half 1987", "date", "1987-H1", None),
                ("third quarter 1986", "date", "1986-Q3", None),
            ],
        ),
        (
            "The two sides usually try to meet as each new year of the agreement approaches.",
            "1987-06-29",
            [],
        ),
        (
            "OPEC agreed this weekend in Vienna on a ceiling.",
            "1987-06-29",
            [("this weekend", "date", "1987-W26-WE", None)],
        ),
        (
            "Citing uncertainties about next year's crops, he also had worries about last year.",
            "1987-06-29",
            [("next year", "date", "1988", None), ("last year", "date", "1986", None)],
        ),
        (
            "Thailand exported 7,715 tonnes of tin during January/May.",
            "1987-06-19",
            [("January/May", "range", "1987-01/1987-05", None)],
        ),
        (
            "The Bundesbank would over the next month lower the range.",
            "1987-04-07",
            [("the next month", "duration", "P1M", None)],
        ),
        (
            "Soviet and U.S. officials normally meet in the summer.",
            "1987-06-29",
            [("the summer", "date", "XXXX-SU", None)],
        ),
        (
            "The crush normally runs to around the end of December.",
            "1987-04-27",
            [("the end of December", "date", "XXXX-12", "END")],
        ),
        (
            "Norway would continue its curbs for the rest of the year.",
            "1987-06-29",
            [("the rest of the year", "date", "1987", None)],
        ),
        (
            "He declined to project results for the second quarter. But he said the quarter "
            "was going well.",
            "1987-06-02",
            [
                ("the second quarter", "date", "1987-Q2", None),
                ("the quarter", "date", "1987-Q2", None),
            ],
        ),
        (
            "It expects higher second-quarter profits. In the quarter ended August 30, 1986, "
            "it earned 45.6 mln dlrs.",
            "1987-06-19",
            [
                ("second-quarter", "date", "1987-Q2", None),
                ("the quarter", "date", "1986-Q2", None),
                ("August 30, 1986", "date", "1986-08-30", None),
            ],
        ),
        (
            "Sales for the second quarter ended January 31 were up 17.5 pct.",
            "1987-03-02",
            [
                ("the second quarter", "date", "1986-Q2", None),
                ("January 31", "date", "1987-01-31", None),
            ],
        ),
        (
            "Net rose in the third quarter ended September 30, 1986.",
            "1987-03-02",
            [
                ("the third quarter", "date", "1986-Q3", None),
                ("September 30, 1986", "date", "1986-09-30", None),
            ],
        ),
        # second blind set (corpora/gold/blind2-dates)
        (
            "Dealers expect rates to firm later in the week as tax payments fall due.",
            "1987-03-16",
            [("later in the week", "date", "1987-W12", None)],
        ),
        (
            "Interest on the notes costs the group 40 cts a share per quarter.",
            "1987-03-16",
            [("per quarter", "set", "P1Q", None)],
        ),
        (
            "He said results would match 1986's fourth quarter loss of 9 cts a share.",
            "1987-03-16",
            [("1986's fourth quarter", "date", "1986-Q4", None)],
        ),
        (
            "Trading profits rose in the first two 1987 months, the bank said.",
            "1987-03-23",
            [("the first two 1987 months", "duration", "P2M", None)],
        ),
        (
            "Group net profit rose to 275 mln marks in 1986 from 222 mln the previous year.",
            "1987-03-23",
            [("1986", "date", "1986", None), ("the previous year", "date", "1985", None)],
        ),
        (
            "Consumer prices fell 0.4 pct in January from the previous month.",
            "1987-02-26",
            [("January", "date", "1987-01", None), ("the previous month", "date", "1986-12", None)],
        ),
        (
            "Bad debt charges fell to 357 mln stg from 431 mln the previous year.",
            "1987-03-04",
            [("the previous year", "date", "1986", None)],
        ),
        (
            "The dynasty ruled the valley for 1,500 years.",
            "1987-03-23",
            [("1,500 years", "duration", "P1500Y", None)],
        ),
    ],
)
def test_dates_component_reads_blind_reuters_forms(
    nlp: Language, text: str, reference: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    doc = _run(nlp, text, reference, "metadata")
    assert [(r["text"], r["kind"], r["timex"], r["mod"]) for r in doc._.dates] == expected
