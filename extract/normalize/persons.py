"""Person names: titles split off, canonical form, cross-document keys, in-document clusters.

Pure functions (no spaCy). The word lists are data: ``rules/persons_titles.jsonl`` (titles,
honorifics, roles, modifiers and the small words that join them), ``rules/persons_name_particles.txt``
(``al``, ``bin``, ``van``...) and ``rules/persons_false_positives.jsonl``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extract.normalize.persons_words import word_lists
from extract.normalize.rules_data import RulesError, load_rules_rows, read_word_list

TITLE_KINDS = frozenset({"honorific", "title", "modifier", "determiner", "link"})
ORG_CUE_KINDS = frozenset({"org_word", "before", "place_of", "seat_for", "after", "after_one_word"})

# Token kinds the caller gives ``title_before`` / ``title_after`` for each word.
ENT = "ent"  # inside a GPE, ORG, NORP or LOC entity
PERSON = "person"  # inside another person's name
POSS = "poss"  # the possessive 's
ADJ = "adj"  # a lower-case adjective
PUNCT = "punct"
BREAK = "break"  # a spaced dash or a line break: a dateline ("ROME - Israeli Foreign Minister")
COMPOUND = "compound"  # a noun or adjective modifying a title word ("Economics Minister")
OTHER = "other"

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_INITIAL = re.compile(r"^(?:[A-Za-z]\.)+$")
# A quoted nickname inside a name ('Roberto " Hands of Stone " Duran'): not part of the key.
_NICKNAME = re.compile(r'\s*["\u201c\u201d][^"\u201c\u201d]+["\u201c\u201d]\s*')


@dataclass(frozen=True)
class TitleLexicon:
    heads: frozenset[str]  # words of titles, roles and honorifics: a title needs one
    modifiers: frozenset[str]  # words that only qualify a head ("former", "deputy")
    determiners: frozenset[str]  # end a title on the left, never part of it
    links: frozenset[str]  # join a head to its complement ("ambassador to China")
    also_names: frozenset[str]  # heads that are also given names: kept inside a name


@lru_cache(maxsize=1)
def title_lexicon() -> TitleLexicon:
    words: dict[str, set[str]] = {kind: set() for kind in TITLE_KINDS}
    also_names: set[str] = set()
    for record in load_rules_rows("persons_titles.jsonl"):
        kind = record["kind"]
        if kind not in TITLE_KINDS:
            raise RulesError(
                f"persons_titles.jsonl: unknown kind {kind!r} for {record['phrase']!r}"
            )
        phrase_words = record["phrase"].lower().replace("-", " - ").split()
        target = "heads" if kind in ("honorific", "title") else kind
        words.setdefault(target, set()).update(w for w in phrase_words if w != "-")
        if record.get("also_name"):
            also_names.update(phrase_words)
    links = words["link"] | words["determiner"]
    return TitleLexicon(
        heads=frozenset(words["heads"] - links),
        modifiers=frozenset(words["modifier"]),
        determiners=frozenset(words["determiner"]),
        links=frozenset(words["link"]),
        also_names=frozenset(also_names),
    )


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    return read_word_list("persons_name_particles.txt")


@lru_cache(maxsize=1)
def false_positive_names() -> frozenset[str]:
    records = load_rules_rows("persons_false_positives.jsonl")
    return frozenset(fold(record["text"]) for record in records)


@dataclass(frozen=True)
class OrgCues:
    """Words that show a "person" is an organisation or a publication
    (``rules/persons_org_cues.jsonl``)."""

    words_as_written: frozenset[str]  # legal forms, matched with their case ("AG", "SA", "Inc")
    words: frozenset[str]  # lower-case words matched in any case ("holdings", "kantonalbank")
    before: frozenset[str]  # a lower-case noun right before the name ("newspaper", "firm")
    place_of: frozenset[str]  # a word that with "of" introduces a place ("town of", "east of")
    seat_for: frozenset[str]  # a member of parliament: with "for", a constituency ("MP for")
    after: tuple[tuple[str, ...], ...]  # token sequences right after the name ("'s", "shares")
    after_one_word: tuple[tuple[str, ...], ...]  # the same, for one-word names only ("are")


@lru_cache(maxsize=1)
def org_cues() -> OrgCues:
    records = load_rules_rows("persons_org_cues.jsonl")
    as_written: set[str] = set()
    words: set[str] = set()
    before: set[str] = set()
    place_of: set[str] = set()
    seat_for: set[str] = set()
    after: set[tuple[str, ...]] = set()
    after_one_word: set[tuple[str, ...]] = set()
    for record in records:
        kind, phrase = record["kind"], record["phrase"]
        if kind not in ORG_CUE_KINDS:
            raise RulesError(f"persons_org_cues.jsonl: unknown kind {kind!r} for {phrase!r}")
        if kind == "org_word":
            (words if phrase.islower() else as_written).add(phrase)
        elif kind == "before":
            before.add(phrase.lower())
        elif kind == "place_of":
            place_of.add(phrase.lower())
        elif kind == "seat_for":
            seat_for.add(phrase)
        else:
            target = after if kind == "after" else after_one_word
            target.add(tuple(phrase.lower().translate(_APOSTROPHES).split()))
    return OrgCues(
        words_as_written=frozenset(as_written),
        words=frozenset(words),
        before=frozenset(before),
        place_of=frozenset(place_of),
        seat_for=frozenset(seat_for),
        after=tuple(sorted(after, key=len, reverse=True)),
        after_one_word=tuple(sorted(after_one_word, key=len, reverse=True)),
    )


@lru_cache(maxsize=1)
def demonym_names() -> frozenset[str]:
    """Nationality words that are also given names ("German", "Dane")."""
    return read_word_list("persons_demonym_names.txt")


@lru_cache(maxsize=1)
def british_subdivision_names() -> frozenset[str]:
    """Lower-case one-word names of the United Kingdom's ISO 3166-2 subdivisions (counties,
    boroughs, council areas) that are not also personal names (``persons_place_names.txt``)."""
    import pycountry  # loaded on first use only

    given = read_word_list("persons_place_names.txt")
    names = {
        subdivision.name.lower()
        for subdivision in pycountry.subdivisions.get(country_code="GB")
        if " " not in subdivision.name and "-" not in subdivision.name
    }
    return frozenset(names - given)


def has_org_word(words: Sequence[str]) -> bool:
    """True when a word of a name as written marks a company, publication, club or institution:
    a legal form written as such ("Conagra Inc", "St Gallen Kantonalbank", "Nestle SA")."""
    cues = org_cues()
    return any(word in cues.words_as_written or word.lower() in cues.words for word in words)


def org_cue_before(word: str) -> bool:
    """True when ``word`` (the lower-case noun right before a name) says what the name is:
    "the newspaper Nhan Dan", "mineral water firm Multico", "the film Michael Collins"."""
    return word.islower() and word in org_cues().before


def org_cue_after(words: Sequence[str], *, one_word_name: bool = False) -> bool:
    """True when the ``words`` right after a name mark an organisation: "Yukos shares",
    "Pirelli 's stock", "Conagra 's chairman", "the Nhan Dan newspaper"; after a one-word name
    also a plural verb ("Rotor are well placed")."""
    folded = tuple(word.lower().translate(_APOSTROPHES) for word in words)
    cues = org_cues()
    candidates = cues.after + cues.after_one_word if one_word_name else cues.after
    return any(folded[: len(cue)] == cue for cue in candidates)


def place_before_of(word: str) -> bool:
    """True when ``word`` followed by "of" introduces a place: "the town of Staouelli",
    "east of Tavildara" (not "the other side of Jim Callaghan")."""
    return word.islower() and word in org_cues().place_of


def seat_before_for(word: str) -> bool:
    """True when ``word`` followed by "for" introduces a constituency, matched as written:
    "the MP for Sittingbourne and Sheppey" (not "mp", nor "a bid for Pirelli")."""
    return word in org_cues().seat_for


def plural_verb_after(words: Sequence[str]) -> bool:
    """True when ``words`` (right after a one-word name) start with a cue that only fits a
    team or company named in the plural ("Rotor are well placed"): the ``after_one_word``
    cues."""
    folded = tuple(word.lower().translate(_APOSTROPHES) for word in words)
    return any(folded[: len(cue)] == cue for cue in org_cues().after_one_word)


def fold(text: str) -> str:
    """Lower case without diacritics, with straight apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _bare(word: str) -> str:
    return word.lower().rstrip(".").translate(_APOSTROPHES)


def _is_title_word(word: str, lexicon: TitleLexicon) -> bool:
    bare = _bare(word)
    return bare in lexicon.heads or word.lower() in lexicon.heads


@lru_cache(maxsize=65536)
def is_title_word(word: str) -> bool:
    """True for a word of a title, honorific, role or title modifier ("Prince", "former")."""
    lexicon = title_lexicon()
    bare = _bare(word)
    return _is_title_word(word, lexicon) or bare in lexicon.modifiers or bare in lexicon.also_names


@lru_cache(maxsize=2)
def _one_word_titles(kinds: tuple[str, ...] = ("honorific", "title")) -> frozenset[str]:
    records = load_rules_rows("persons_titles.jsonl")
    return frozenset(
        record["phrase"].lower()
        for record in records
        if record["kind"] in kinds and " " not in record["phrase"] and not record.get("also_name")
    )


@lru_cache(maxsize=65536)
def is_honorific(word: str) -> bool:
    """True for an honorific ("Mr", "Dr.", "Lord", "Baroness" is a title): one always
    precedes a name, so a single capitalised word after it is a name ("Mr Cable")."""
    honorifics = _one_word_titles(("honorific",))
    return word.lower() in honorifics or _bare(word) in honorifics


@lru_cache(maxsize=65536)
def is_title_head(word: str) -> bool:
    """True for a one-word title, role or honorific that is not also a given name
    ("President", "spokesman", "Mr"; not "Foreign" or "Trade" of "Foreign Minister"): the
    capitalised words right after one are a name."""
    titles = _one_word_titles()
    return word.lower() in titles or _bare(word) in titles


def strip_possessive(name: str) -> str:
    """``name`` without a trailing possessive ('s, ') and surrounding punctuation."""
    edge = word_lists().edge_punctuation
    text = " ".join(name.split())
    while text:
        norm = text.translate(_APOSTROPHES)
        if norm.endswith(("'s", "'S")):
            text = text[:-2].rstrip()
        elif norm.endswith("'") and len(norm) > 1 and norm[-2] in "sS":
            text = text[:-1]
        elif norm[-1] in edge or norm[-1] == "'" or norm.endswith(".") and not _keeps_period(norm):
            text = text[:-1].rstrip()
        else:
            break
    leading = edge | {"'"}
    while text and text[0].translate(_APOSTROPHES) in leading:
        text = text[1:].lstrip()
    return text


def _keeps_period(text: str) -> bool:
    last = text.split()[-1]
    return bool(_INITIAL.match(last)) or last.lower() in word_lists().period_kept


def leading_title_length(words: Sequence[str]) -> int:
    """How many leading ``words`` of a name as written are a title or honorific.

    At least one word is always left; a title needs a title word, not only modifiers; words that
    are also given names ("Prince", "Major") stay in the name; the name left must start with a
    capital."""
    lexicon = title_lexicon()
    cut = 0
    has_head = False
    for index, word in enumerate(words[:-1]):
        bare = _bare(word)
        if bare in lexicon.also_names:
            break
        if _is_title_word(word, lexicon):
            has_head = True
        elif not (
            bare in lexicon.modifiers or word == "-" or (bare in lexicon.links and index > 0)
        ):
            break
        cut = index + 1
    # A title cannot end with a link or a modifier ("Secretary of"): give those back.
    while cut and not _is_title_word(words[cut - 1], lexicon):
        cut -= 1
    if not has_head or cut == 0 or not words[cut][:1].isupper():
        return 0
    return cut


def split_title(text: str) -> tuple[str, str | None]:
    """``(name, title)``: leading titles and honorifics split off a name as written.

    ``"General Secretary Xi Jinping"`` → ``("Xi Jinping", "General Secretary")``."""
    words = strip_possessive(text).split()
    cut = leading_title_length(words)
    if cut == 0:
        return " ".join(words), None
    return " ".join(words[cut:]), " ".join(words[:cut])


def title_before(words: Sequence[str], kinds: Sequence[str]) -> int:
    """How many of the last ``words`` (the words just before a name) form its title.

    ``kinds`` gives each word's kind (ENT, PERSON, POSS, ADJ, PUNCT, OTHER). A title holds at
    least one title word and may hold modifiers, entities and possessives ("Singapore's
    ambassador to China", "U.S. President", "England captain"); it never starts or ends with a
    link word or a determiner."""
    lexicon = title_lexicon()
    ranks = {i for i in range(1, len(words)) if _is_rank(words, i)}
    start = len(words)
    index = len(words) - 1
    while index >= 0:
        word, kind = words[index], kinds[index]
        bare = _bare(word)
        if (bare in lexicon.determiners and kind != ENT) or kind == BREAK:
            break
        accepted = (
            _is_title_word(word, lexicon)
            or bare in lexicon.modifiers
            or kind in (ENT, COMPOUND)
            or bare in lexicon.links
            or word == "-"
            or index in ranks
            or index + 1 in ranks
            or (kind == ADJ and word.islower())
            or (kind == POSS and index > 0 and kinds[index - 1] in (ENT, PERSON))
            or (kind == PERSON and index + 1 < len(words) and kinds[index + 1] == POSS)
        )
        if not accepted:
            break
        start = index
        index -= 1
    return _checked_title(words, kinds, list(range(start, len(words))), ranks)


def _checked_title(
    words: Sequence[str], kinds: Sequence[str], span: list[int], ranks: set[int]
) -> int:
    """The length of the title the word indices ``span`` (the run of title-like words before
    the name) hold once what cannot begin or end a title is left out, or 0."""
    lexicon = title_lexicon()
    # Trim what cannot begin a title.
    while span and (
        _bare(words[span[0]]) in lexicon.links or words[span[0]] == "-" or kinds[span[0]] == POSS
    ):
        span.pop(0)
    if not span:
        return 0
    if _bare(words[span[-1]]) in lexicon.links or (
        _bare(words[span[-1]]) in lexicon.modifiers and not _is_title_word(words[span[-1]], lexicon)
    ):
        return 0
    heads = [
        i for i in span if (_is_title_word(words[i], lexicon) and kinds[i] != ENT) or i in ranks
    ]
    if not heads:
        return 0
    # Words before a link that comes before the first head belong to the sentence, not the
    # title: "letter from Nakasone to Prime Minister", "Party of President".
    links_before = [
        i
        for i in span
        if i < heads[0] and _bare(words[i]) in lexicon.links and words[i] not in ("and", "&")
    ]
    if links_before:
        span = [i for i in span if i > links_before[-1]]
    # Entities after the last head must be joined to it by a link ("ambassador to China").
    after_head = span[span.index(heads[-1]) + 1 :]
    if after_head and _bare(words[after_head[0]]) not in lexicon.links:
        return 0
    # An entity run on its own on the left must touch a title word or a possessive.
    return len(span)


def _is_rank(words: Sequence[str], index: int) -> bool:
    """A ranking such as "number one" or "No. 2" ("world number one Lindsay Davenport"): the
    number at ``index`` after "number" or "No."."""
    word, rules = words[index], word_lists()
    return (word.isdigit() or word.lower() in rules.rank_numbers) and _bare(
        words[index - 1]
    ) in rules.rank_leads


def title_after(words: Sequence[str], kinds: Sequence[str]) -> tuple[int, int] | None:
    """Word range ``(start, end)`` of an apposition title right after a name.

    ``words`` start with the word after the name: ``", director of the Center for Integrity
    Studies at ..."`` → the range of ``"director of the Center for Integrity Studies"``. The
    complement after ``of``/``at``/``for`` runs over entity and capitalised words."""
    lexicon = title_lexicon()
    if len(words) < 2 or words[0] != ",":
        return None
    index = 1
    if _bare(words[index]) in lexicon.determiners:
        index += 1
    start = index
    owner = index  # an owner's possessive opens the role: "Ukraine's new president"
    while owner < len(words) and kinds[owner] == ENT:
        owner += 1
    if index < owner < len(words) and kinds[owner] == POSS:
        index = owner + 1
    last_head = -1
    while index < len(words):
        word = words[index]
        bare = _bare(word)
        if _is_title_word(word, lexicon) and kinds[index] != ENT:
            last_head = index
        elif not (bare in lexicon.modifiers or word == "-" or kinds[index] in (ADJ, COMPOUND)):
            break
        index += 1
    if last_head < 0 or last_head != index - 1:
        return None
    end = index
    if index + 1 < len(words) and _bare(words[index]) in word_lists().apposition_links:
        index += 1
        if index < len(words) and _bare(words[index]) == "the":
            index += 1
        run_end = _capitalised_run_end(words, kinds, index)
        if run_end > index:
            end = run_end
    return start, end


def title_before_comma(words: Sequence[str], kinds: Sequence[str]) -> int:
    """How many of the last ``words`` (ending with a comma just before a name) are an
    apposition title: ``"..., former head of the High-tech Zone Branch of Bank of
    Communications Wenzhou Branch, Hu Yipin"``. The title runs from the previous comma, quote or
    sentence start to the comma and must read as a role (see ``title_after``); the count
    includes the comma."""
    if len(words) < 3 or words[-1] != ",":
        return 0
    start = len(words) - 1
    stops = word_lists().apposition_stops
    while start > 0 and words[start - 1] not in stops:
        start -= 1
    segment = [",", *words[start:-1]]
    found = title_after(segment, [PUNCT, *kinds[start:-1]])
    if found is None or found[1] != len(segment):
        return 0
    return len(words) - (start + found[0] - 1)


def _capitalised_run_end(words: Sequence[str], kinds: Sequence[str], index: int) -> int:
    end = index
    while index < len(words):
        word = words[index]
        if kinds[index] == ENT or word[:1].isupper() or word[:1].isdigit():
            index += 1
            end = index
        elif word == "-" and index + 1 < len(words):
            index += 2  # the word after a hyphen belongs to the compound ("Anti-corruption")
            end = index
        elif (
            word in word_lists().complement_connectors
            and index + 1 < len(words)
            and (words[index + 1][:1].isupper() or words[index + 1] == "the")
        ):
            index += 1
        else:
            break
    return end


def is_false_positive(name: str) -> bool:
    """True for strings the model tags as persons that are not people (data file), or that
    cannot be a name: no capital letter, digits, or a single letter."""
    if fold(name) in false_positive_names():
        return True
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or not any(c.isupper() for c in name):
        return True
    return any(c.isdigit() for c in name)


def reorder_last_first(name: str) -> str:
    """``"Tolkien, J.R.R."`` → ``"J.R.R. Tolkien"``; other names unchanged."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) != 2 or not all(parts):
        return name
    last, first = parts
    if _bare(first) in word_lists().name_suffixes or len(last.split()) > 2:
        return name
    return f"{first} {last}"


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name: initials split ("J.R.R." → j, r, r), hyphenated parts joined
    ("Jin-ping" → jinping) and particles glued to the next word ("al Baghdadi" → albaghdadi)."""
    written = reorder_last_first(strip_possessive(name))
    text = _NICKNAME.sub(" ", fold(written))
    text = re.sub(r"(?<=\w)-(?=\w)", "", text)
    raw = [t for t in re.split(r"[\s.'\-]+", text) if t]
    particles = name_particles()
    tokens: list[str] = []
    glue = ""
    # A particle written in lower case starts a surname alone ("de Vabres" of "Renaud
    # Donnedieu de Vabres"): glued to the next word as inside the full name.
    leading = written[:1].islower()
    for token in raw:
        if token in particles and glue == "" and (tokens or leading):
            glue = token
            continue
        tokens.append(glue + token)
        glue = ""
    if glue:
        tokens.append(glue)
    return tuple(tokens)


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """A key equal for the same name written with other case, diacritics, hyphenation, initials
    spacing or "Last, First" order: the first word, a hyphen, then the rest run together
    (``"Xi Jin-ping"`` and ``"XI JINPING"`` → ``"xi-jinping"``)."""
    name, _ = split_title(name)
    tokens = name_tokens(name)
    if not tokens:
        return ""
    if len(tokens) == 1:
        return tokens[0]
    return f"{tokens[0]}-{''.join(tokens[1:])}"


def canonical_name(name: str) -> str:
    """The name as it should be shown: title and possessive off, spaces collapsed."""
    bare, _ = split_title(name)
    return reorder_last_first(bare)


def without_suffix(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Name tokens without a trailing generational suffix ("Jr", "Sr", "III"): the surname
    comes before it (``("james", "welch", "jr")`` → ``("james", "welch")``)."""
    suffixes = word_lists().name_suffixes
    end = len(tokens)
    while end > 1 and tokens[end - 1] in suffixes:
        end -= 1
    return tokens[:end]


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """True when ``part`` names the same person as the longer ``full``: a single word that is
    its first or last word (a suffix such as "Jr" aside), or a subsequence sharing its first or
    last word."""
    core = without_suffix(full)
    if core != full and len(core) > len(part) and _contains(core, part):
        return True  # "Welch" of "James Welch Jr"
    if len(part) >= len(full) or not part or part[0] in word_lists().name_suffixes:
        return False
    if len(part) == 1:
        return part[0] in (full[0], full[-1])
    if part[0] != full[0] and part[-1] != full[-1]:
        return False
    position = 0
    for token in part:
        try:
            position = full.index(token, position) + 1
        except ValueError:
            return False
    return True


def cluster_names(names: Sequence[str]) -> list[str]:
    """For each mention name, in document order, the canonical name of its person: the longest
    name in the document it is part of ("Xi" → "Xi Jinping"). A short name that fits several
    people goes to the nearest preceding one (else the nearest following one)."""
    tokens = [name_tokens(name) for name in names]
    first_surface: dict[tuple[str, ...], str] = {}
    for name, toks in zip(names, tokens, strict=True):
        first_surface.setdefault(toks, name)
    distinct = list(first_surface)
    maximal = [t for t in distinct if not any(_contains(other, t) for other in distinct)]
    result = []
    for index, toks in enumerate(tokens):
        candidates = [full for full in maximal if full == toks or _contains(full, toks)]
        if len(candidates) > 1:
            candidates.sort(key=lambda full: _distance(tokens, index, full))
        target = candidates[0] if candidates else toks
        result.append(first_surface[target])
    return result


def _distance(tokens: list[tuple[str, ...]], index: int, full: tuple[str, ...]) -> tuple[int, int]:
    """Sort key: nearest preceding mention of ``full`` first, then nearest following."""
    for back in range(index - 1, -1, -1):
        if tokens[back] == full:
            return (0, index - back)
    for ahead in range(index + 1, len(tokens)):
        if tokens[ahead] == full:
            return (1, ahead - index)
    return (2, 0)
