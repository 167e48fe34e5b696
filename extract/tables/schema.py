"""Every output table, declared once: ordered columns, Arrow types and descriptions.

Builders enforce these schemas and writers only write them, so a table has the same columns and
types in Parquet, CSV, JSONL and DuckDB. ``docs/tables.md`` is generated from this module
(``extract tables --markdown``) and a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str


@dataclass(frozen=True)
class TableSchema:
    name: str
    description: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(column.name, column.type) for column in self.columns])


def _col(name: str, type_: pa.DataType, description: str) -> Column:
    return Column(name, type_, description)


STRING = pa.string()
INT = pa.int64()
BOOL = pa.bool_()
DATE = pa.date32()
FLOAT = pa.float64()
STRINGS = pa.list_(pa.string())
# Money amounts: exact decimals, 38 digits (the widest DECIMAL of Parquet, Arrow and DuckDB
# alike), 8 of them after the point (finer than any ISO 4217 minor unit, at most 4 places, and
# than prices quoted to 6): up to 10^30 - 1. An amount that does not fit is never rounded: its
# cell is null and the document gets warning W004 (extract/tables/build.py).
MONEY_PRECISION, MONEY_SCALE = 38, 8
AMOUNT = pa.decimal128(MONEY_PRECISION, MONEY_SCALE)

PROVENANCE = (
    _col(
        "doc_id",
        STRING,
        "Id of the article: the record's id field; for a .txt/.html file its path in the input "
        "folder without suffixes (business/001), or its stem when named directly.",
    ),
    _col("mention_id", STRING, "Id of the mention, unique in the run: '<doc_id>:<table>:<n>'."),
    _col("start_char", INT, "Offset of the mention's first character in the article text."),
    _col("end_char", INT, "Offset just past the mention's last character (text[start:end])."),
    _col("sentence", INT, "Index of the sentence holding the mention (0-based)."),
    _col("text", STRING, "The mention as written."),
)

DOCUMENTS = TableSchema(
    "documents",
    "One row per input record, readable or not: nothing is dropped.",
    (
        _col("doc_id", STRING, "Id of the article."),
        _col("origin", STRING, "Where the record came from: path, and line or row number."),
        _col(
            "extractor",
            STRING,
            "Where a web page's text came from: trafilatura (its main content), page_text (no"
            " main content found: the page's whole visible text) or title (the page has no"
            " other text); null for inputs that are text already.",
        ),
        _col("source", STRING, "Publisher or feed, from metadata (a web page's site name)."),
        _col("title", STRING, "Headline, from metadata (a web page's title)."),
        _col(
            "author",
            STRING,
            "Byline of a web page, from its metadata (kept apart from the text), or null.",
        ),
        _col("url", STRING, "URL, from metadata (a web page's canonical URL, else its address)."),
        _col(
            "published",
            STRING,
            "Publication date or date-time as ISO 8601, from metadata; for a web page without"
            " one, the page's own original publication date (reference_date_source: page).",
        ),
        _col(
            "crawled",
            STRING,
            "When a web archive fetched the page (WARC-Date, ISO 8601): not the publication"
            " date. Null for other inputs.",
        ),
        _col(
            "encoding",
            STRING,
            "What the text's bytes were decoded with: utf-8, cp1252, cp1251 … (declared with"
            " --encoding, else detected; see docs/ingest.md); null when no bytes were decoded.",
        ),
        _col("reference_date", DATE, "The date relative expressions were resolved against."),
        _col(
            "reference_date_source",
            STRING,
            "Where reference_date came from: metadata, page (the date a web page gives itself),"
            " option, inferred or none.",
        ),
        _col("home_country", STRING, "ISO alpha-3 of the article's home country, or null."),
        _col(
            "home_country_source",
            STRING,
            "Where home_country came from: metadata, option, dominant or none.",
        ),
        _col(
            "language",
            STRING,
            "ISO 639-1 code of the article's language (ISO 639-3 for a language without one), "
            "or null when unknown: too short to tell (under 20 letters) or no confident guess.",
        ),
        _col(
            "language_source",
            STRING,
            "Where language came from: metadata (a language/lang field), detected or none.",
        ),
        _col(
            "duplicate_of",
            STRING,
            "Id of the first article of the run with the same text once case, spacing and"
            " Unicode forms are normalised (a syndicated or re-crawled copy; with"
            " --near-duplicates, or nearly the same: duplicate_kind), or null. With"
            " --skip-duplicates (the default for web archives) such a repeat is skipped.",
        ),
        _col(
            "duplicate_kind",
            STRING,
            "exact (the same normalised text) or near (with --near-duplicates: at least that"
            " share of 5-word shingles in common, MinHash estimate); null when not a duplicate.",
        ),
        _col(
            "status",
            STRING,
            "ok; warning (processed, see error); skipped (read, not processed: its language is "
            "not in --languages, or it repeats an earlier article (duplicate_of) and"
            " --skip-duplicates is on; the reason in error); error (not processed, see error).",
        ),
        _col("error", STRING, "Coded message (E… errors, W… warnings), or null."),
        _col("n_chars", INT, "Length of the article text in characters."),
    ),
)

PERSONS = TableSchema(
    "persons",
    "People mentioned, with titles split off and a key stable across documents.",
    (
        *PROVENANCE,
        _col("name", STRING, "Canonical name: the longest full name of the person in the article."),
        _col("surface_name", STRING, "The name as written in this mention, title removed."),
        _col("title", STRING, "Title, honorific or role split off the name, or null."),
        _col("person_key", STRING, "Key for the same person across documents."),
    ),
)

COUNTRIES = TableSchema(
    "countries",
    "Country mentions resolved to ISO 3166.",
    (
        *PROVENANCE,
        _col("iso2", STRING, "ISO 3166-1 alpha-2 (ISO 3166-3 letters for former countries)."),
        _col("iso3", STRING, "ISO 3166-1 alpha-3 (ISO 3166-3 alpha-3 for former countries)."),
        _col("country", STRING, "ISO short name."),
        _col(
            "mention_type",
            STRING,
            "name, demonym, self_reference, place, city, state (a US state), dateline or "
            "organisation (inside a government, court, military or central-bank name).",
        ),
        _col("former", BOOL, "True for a country that no longer exists (ISO 3166-3)."),
    ),
)

DATES = TableSchema(
    "dates",
    "Temporal expressions normalised to TIMEX3 values.",
    (
        *PROVENANCE,
        _col("kind", STRING, "date, range, duration or set."),
        _col("timex", STRING, "TIMEX3 value: 2020-04-28, 2020-06, 2019-Q3, P3M, 2014/2020-06 …"),
        _col("start", DATE, "First day covered (inclusive), or null."),
        _col("end", DATE, "Last day covered (inclusive), or null."),
        _col(
            "grain",
            STRING,
            "time, day, week, month, quarter, season, half, year, decade or century.",
        ),
        _col("mod", STRING, "TIMEX3 modifier: START, MID, END, APPROX, BEFORE, AFTER …, or null."),
        _col("relative", BOOL, "True when the value needed the reference date."),
        _col(
            "reference_date",
            DATE,
            "The article's reference date (as in documents): what a relative value was resolved "
            "against.",
        ),
        _col(
            "reference_date_source",
            STRING,
            "Where that date came from: metadata, page, option, inferred (a guess from the "
            "article's own dates) or none.",
        ),
    ),
)

COUNTS = TableSchema(
    "counts",
    "Counted things: the number, its qualifier as bounds, and what is counted.",
    (
        *PROVENANCE,
        _col(
            "value",
            INT,
            "The number as stated, a whole number (null for vague counts such as 'dozens'; "
            "a number that is not whole is not read as a count).",
        ),
        _col("low", INT, "Lower bound implied by the qualifier, or null when open."),
        _col("high", INT, "Upper bound implied by the qualifier, or null when open."),
        _col(
            "qualifier",
            STRING,
            "exact, approx, more_than, at_least, less_than, at_most or range.",
        ),
        _col("object", STRING, "The counted phrase as written ('escaped persons')."),
        _col("object_lemma", STRING, "Lemma of the counted phrase's head ('person')."),
    ),
)

MONEY = TableSchema(
    "money",
    "Monetary amounts as exact decimals with ISO 4217 currencies.",
    (
        *PROVENANCE,
        _col(
            "amount",
            AMOUNT,
            "Exact decimal amount (19654000000); CSV and JSONL hold it as an exact decimal "
            "string ('19654000000', '0.34').",
        ),
        _col("low", AMOUNT, "Lower bound, exact decimal, or null."),
        _col("high", AMOUNT, "Upper bound, exact decimal, or null."),
        _col(
            "qualifier",
            STRING,
            "exact, approx, more_than, at_least, less_than, at_most or range.",
        ),
        _col("currency", STRING, "ISO 4217 code, or null when unknown."),
        _col("currency_text", STRING, "The currency as written ('yuan', '$', 'US$')."),
        _col("currency_ambiguous", BOOL, "True when the currency was guessed from context."),
        _col("per_unit", STRING, "Unit of a rate ('barrel' in '$20 a barrel'), or null."),
    ),
)

FACTS = TableSchema(
    "facts",
    "Quantities and person events linked to their predicate, participants, places and dates.",
    (
        _col("doc_id", STRING, "Id of the article."),
        _col("fact_id", STRING, "Id of the fact, unique in the run."),
        _col(
            "fact_type",
            STRING,
            "count, money, person_event, or percent (the percentage change of a level fact).",
        ),
        _col("sentence", INT, "Index of the sentence the fact is in."),
        _col("start_char", INT, "Start of the fact's anchor (the quantity or person mention)."),
        _col("end_char", INT, "End of the fact's anchor."),
        _col("predicate", STRING, "Lemma of the governing verb ('recover', 'send_back')."),
        _col(
            "event_category",
            STRING,
            "Category of the predicate in rules/facts_events.jsonl: a GKG COUNTS type (ARREST, "
            "KILL, WOUND, KIDNAP, PROTEST, SEIZE, AFFECT), a top-level event (APPOINT, RESIGN, "
            "SENTENCE, WIN...), REPORT for reporting verbs (say, tell), or null.",
        ),
        _col(
            "role",
            STRING,
            "The anchor's role for the verb: subject, object, attribute, or the linking word "
            "('from', 'including').",
        ),
        _col("negated", BOOL, "True when the verb is negated."),
        _col("subject", STRING, "Subject as written, or null."),
        _col("subject_person_key", STRING, "person_key of the subject, when a person."),
        _col("subject_iso3", STRING, "iso3 of the subject, when a country."),
        _col("object", STRING, "Object as written, or null."),
        _col("object_person_key", STRING, "person_key of the object, when a person."),
        _col("object_iso3", STRING, "iso3 of the object, when a country."),
        _col("mention_id", STRING, "Id of the anchoring count, money or person mention."),
        _col(
            "value",
            STRING,
            "The quantity's value as exact decimal text: a count's whole number or a money "
            "amount (which of the two: fact_type; the typed value is in counts or money).",
        ),
        _col("low", STRING, "The quantity's lower bound, as text."),
        _col("high", STRING, "The quantity's upper bound, as text."),
        _col("qualifier", STRING, "The quantity's qualifier."),
        _col("unit", STRING, "The counted object, or the ISO 4217 currency ('percent')."),
        _col(
            "measure",
            STRING,
            "change or level, when a verb of change gives both ('dropped 45 cents to $23.10':"
            " a change of -0.45 and a level of 23.10), else null.",
        ),
        _col(
            "event_id",
            STRING,
            "fact_id of the first fact of the same event (a change and its level), or null.",
        ),
        _col("date_mention_id", STRING, "Id of the date that scopes the fact, or null."),
        _col("date_start", DATE, "First day of that date."),
        _col("date_end", DATE, "Last day of that date."),
        _col(
            "date_link",
            STRING,
            "Where the date comes from: clause (the fact's own clause), phrase (a phrase or "
            "clause of its sentence), context (the period an earlier sentence set), or none.",
        ),
        _col(
            "date_rule",
            STRING,
            "The rule that linked the date (same_clause, argument_phrase, ... previous_sentence;"
            " see docs/facts.md), or null.",
        ),
        _col(
            "country_iso3",
            STRINGS,
            "Countries the fact concerns, each with its role (country_roles).",
        ),
        _col(
            "country_prepositions",
            STRINGS,
            "Word that linked each country (in, from…, of, 's), or null (modifier, argument).",
        ),
        _col("country_mention_ids", STRINGS, "Mention id of each linked country, in order."),
        _col(
            "country_roles",
            STRINGS,
            "Role of each linked country: place (in/at/from/to phrases), city (a city or "
            "capital there), subject/object (the country or its government acts or undergoes),"
            " owner (\"France's deputies\"), modifier ('US wheat'), title (in a person's title).",
        ),
        _col(
            "places",
            STRINGS,
            "Every linked place as written, countries or not ('more than 120 countries and "
            "regions', 'ASEAN countries').",
        ),
        _col("place_prepositions", STRINGS, "Preposition that linked each place."),
        _col("link_rule", STRING, "Name of the rule that made the links (see rules/facts.json)."),
        _col("confidence", FLOAT, "Confidence of the links, 0 to 1."),
    ),
)

COUNTRY_MENTIONS = TableSchema(
    "country_mentions",
    "Per article and country: how often and where first mentioned.",
    (
        _col("doc_id", STRING, "Id of the article."),
        _col("iso3", STRING, "ISO 3166 alpha-3."),
        _col("country", STRING, "ISO short name."),
        _col("mentions", INT, "Number of mentions of the country in the article."),
        _col("first_offset", INT, "start_char of the first mention."),
    ),
)

PEOPLE = TableSchema(
    "people",
    "One row per person_key across the run.",
    (
        _col("person_key", STRING, "Key for the person across documents."),
        _col("name", STRING, "Most frequent canonical name."),
        _col("variants", STRINGS, "Every name form seen, sorted."),
        _col("titles", STRINGS, "Every title seen, sorted."),
        _col("documents", INT, "Number of articles mentioning the person."),
        _col("mentions", INT, "Number of mentions."),
    ),
)

TEXTS = TableSchema(
    "texts",
    "The text of each processed article (status ok or warning) exactly as the pipeline read it: "
    "every start_char/end_char points into this string. Left out with --no-texts.",
    (
        _col("doc_id", STRING, "Id of the article."),
        _col("text", STRING, "The article text (derived text for HTML and WARC input)."),
    ),
)

MENTION_TABLES = ("persons", "countries", "dates", "counts", "money")
PER_DOCUMENT_TABLES = ("documents", *MENTION_TABLES, "facts", "country_mentions", "texts")
SUMMARY_TABLES = ("people",)
OPTIONAL_TABLES = ("texts",)  # tables a run can leave out (--no-texts)

TABLES: dict[str, TableSchema] = {
    table.name: table
    for table in (
        DOCUMENTS,
        PERSONS,
        COUNTRIES,
        DATES,
        COUNTS,
        MONEY,
        FACTS,
        COUNTRY_MENTIONS,
        PEOPLE,
        TEXTS,
    )
}


def run_tables(*, texts: bool = True) -> tuple[str, ...]:
    """The tables a run writes, in declaration order."""
    left_out = () if texts else OPTIONAL_TABLES
    return tuple(name for name in TABLES if name not in left_out)


def markdown_dictionary() -> str:
    """The data dictionary of every table, as Markdown."""
    lines = ["# Tables", "", "Generated from `extract/tables/schema.py` by `extract tables`.", ""]
    lines += [
        "In a run's output folder each table is a folder of shards in input order,",
        "`out/<table>/part-NNNNNN.parquet` (or `.csv`, `.jsonl`), read whole by",
        "`pd.read_parquet(\"out/<table>\")` or DuckDB `read_parquet('out/<table>/*.parquet')`;",
        "`people` is written when the run completes. See [scaling.md](scaling.md).",
        "",
    ]
    for table in TABLES.values():
        lines += [f"## `{table.name}`", "", table.description, ""]
        lines += ["| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.description} |" for c in table.columns]
        lines.append("")
    return "\n".join(lines)
