"""Product identity (summarizer's timeline.identity): names joined across releases, never across
companies or through a name one release gives to two products."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.tasks.regulatory.schema import Product
from summarizer.tasks.regulatory.timeline.identity import (
    Mention,
    alias_key,
    clean_name,
    company_key,
    identify,
)


def mention(record: int, company: str | None, *products: tuple[str, str | None],
            strings: Sequence[str] = ()) -> Mention:
    return Mention(record, company, [Product(name=n, generic_name=g) for n, g in products],
                   f"r{record}", strings)


def groups(mentions: Sequence[Mention]) -> list[set[tuple[int, int]]]:
    identity = identify(mentions)
    by_product: dict[str, set[tuple[int, int]]] = {}
    for key, pid in identity.of.items():
        by_product.setdefault(pid, set()).add(key)
    return sorted(by_product.values(), key=min)


@pytest.mark.parametrize(("a", "b"), [
    ("Ceplene(R)", "CEPLENE"),
    ("Ceplene®", "ceplene"),
    ("Orzenta™ (pelatorin) injection", "Orzenta (pelatorin)"),
    ("UX-111", "UX111"),
    ("UX-111", "ux 111"),
    ("Orzenta injection", "Orzenta"),
    ("Velmora film-coated tablets", "Velmora"),
    ("nivolumab and ipilimumab", "ipilimumab/nivolumab"),
    ("nivolumab + ipilimumab", "Ipilimumab and Nivolumab"),
    ("insulin glargine-aglr", "Insulin Glargine-AGLR"),
])
def test_alias_keys_ignore_case_marks_hyphens_forms_and_order(a: str, b: str) -> None:
    assert alias_key(a) == alias_key(b) != ""


@pytest.mark.parametrize(("a", "b"), [
    ("ustekinumab", "ustekinumab-kstl"),  # a biosimilar's suffix is a different name
    ("UX111", "UX112"),
    ("nivolumab", "nivolumab and ipilimumab"),
])
def test_alias_keys_keep_different_names_apart(a: str, b: str) -> None:
    assert alias_key(a) != alias_key(b)


def test_words_that_name_no_product_have_no_key() -> None:
    assert alias_key("injection") == alias_key("tablets") == alias_key("(R)") == ""
    assert clean_name("  Ceplene(R)  (histamine) ") == "Ceplene (histamine)"


def test_company_keys_drop_legal_suffixes() -> None:
    assert company_key("Halcyon Biopharma, Inc.") == company_key("HALCYON BIOPHARMA") \
        == "halcyon biopharma"
    assert company_key("Norvexa Therapeutics N.V.") == company_key("Norvexa Therapeutics NV")
    assert company_key("Northpeak Pharma AG") != company_key("Northpeak Biologics AG")
    assert company_key(None) == ""


def test_brand_generic_and_code_are_joined_by_the_releases_that_pair_them() -> None:
    mentions = [
        mention(0, "Solenne Bio, Inc.", ("SLB-021", None)),                 # code only
        mention(1, "Solenne Bio", ("SLB-021", "denpafotide")),              # code + generic
        mention(2, "Solenne Bio, Inc.", ("Aurivia(R)", "denpafotide")),     # brand + generic
        mention(3, "Solenne Bio, Inc.", ("AURIVIA", None)),                 # brand, other case
    ]
    identity = identify(mentions)
    (product,) = identity.products
    assert product.name == "Aurivia"  # the brand is shown, not the code
    assert product.aliases == ("Aurivia", "denpafotide", "SLB-021")
    assert product.company == "Solenne Bio, Inc."
    assert product.sources == ("r0", "r1", "r2", "r3")
    assert {identity.product_of(r, 0) for r in range(4)} == {product.id}


def test_a_brand_generic_pair_written_in_the_release_joins_names() -> None:
    mentions = [
        mention(0, "Acme", ("Zelvora", None),
                strings=["FDA Approves Zelvora(TM) (rilanotide, formerly ABX-101) for PBC"]),
        mention(1, "Acme", ("ABX-101", None)),
        mention(2, "Acme", ("rilanotide", None)),
    ]
    assert groups(mentions) == [{(0, 0), (1, 0), (2, 0)}]
    assert identify(mentions).products[0].aliases == ("Zelvora", "rilanotide", "ABX-101")


def test_pairs_need_a_name_the_record_lists() -> None:
    # "Stelara (ustekinumab)" is the reference product a biosimilar release mentions
    mentions = [
        mention(0, "Kestrel", ("Ustevra", "ustekinumab-kstl"),
                strings=["Ustevra (ustekinumab-kstl), a biosimilar to Stelara (ustekinumab)",
                         "acute myeloid leukemia (AML) and the Company (Nasdaq: KSTL)"]),
        mention(1, "Kestrel", ("Stelara", None)),
    ]
    assert groups(mentions) == [{(0, 0)}, {(1, 0)}]
    assert identify(mentions).products[0].aliases == ("Ustevra", "ustekinumab-kstl")


def test_products_of_different_companies_are_never_merged_by_a_shared_name() -> None:
    mentions = [
        mention(0, "Brightwater Pharma Inc.", ("Gluvera", "insulin glargine")),
        mention(1, "Kestrel Biologics", ("Basalyn", "insulin glargine")),
        mention(2, "Alpha Vaccines", ("COVID-19 vaccine", None)),
        mention(3, "Beta Biologics", ("COVID-19 Vaccine", None)),
        mention(4, "Alpha Vaccines Ltd", ("covid-19 vaccine", None)),
    ]
    assert groups(mentions) == [{(0, 0)}, {(1, 0)}, {(2, 0), (4, 0)}, {(3, 0)}]
    names = {p.id: (p.name, p.company) for p in identify(mentions).products}
    assert len(set(names)) == 4  # unique ids even for the same name


def test_a_name_one_release_gives_two_products_joins_nothing() -> None:
    # the biosimilar and its reference product share the generic name
    mentions = [
        mention(0, "Northpeak", ("Ustelyn", "ustekinumab"), ("Stelara", "ustekinumab")),
        mention(1, "Northpeak", ("Ustelyn", None)),
        mention(2, "Northpeak", ("ustekinumab", None)),
    ]
    assert groups(mentions) == [{(0, 0), (1, 0)}, {(0, 1)}, {(2, 0)}]


def test_a_record_without_company_joins_the_one_company_with_the_name() -> None:
    mentions = [
        mention(0, "Halcyon Biopharma, Inc.", ("Orzenta", "pelatorin")),
        mention(1, None, ("pelatorin", None)),
        mention(2, "Other Co", ("Velmora", None)),
        mention(3, "Third Co", ("Velmora", None)),
        mention(4, None, ("Velmora", None)),  # two companies have it: left alone
    ]
    assert groups(mentions) == [{(0, 0), (1, 0)}, {(2, 0)}, {(3, 0)}, {(4, 0)}]


def test_unnamed_products_are_one_per_company() -> None:
    mentions = [mention(0, "Acme", ("(unnamed product)", None)),
                mention(1, "Acme Inc.", ("(unnamed product)", None)),
                mention(2, "Other", ("(unnamed product)", None))]
    assert groups(mentions) == [{(0, 0), (1, 0)}, {(2, 0)}]


def test_product_ids_are_stable_slugs() -> None:
    mentions = [mention(0, "Halcyon Biopharma, Inc.", ("Orzenta(TM)", "pelatorin"))]
    assert identify(mentions).products[0].id == "halcyon-biopharma--orzenta"
    assert identify(list(reversed(mentions))).products[0].id == "halcyon-biopharma--orzenta"


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@given(names)
def test_alias_key_is_a_plain_key_unchanged_by_cleaning(name: str) -> None:
    key = alias_key(name)
    assert re.fullmatch(r"(?:[a-z0-9]{3,}(?:\+[a-z0-9]{3,})*)?", key), key
    assert alias_key(clean_name(name)) == key
    assert alias_key(name.upper() + "®") == alias_key(name.upper())


@given(st.lists(st.tuples(st.sampled_from(["Acme", "Beta", None]), names,
                          st.one_of(st.none(), names)), max_size=6))
def test_identify_gives_every_entry_one_product(entries: list[tuple[str | None, str, str | None]],
                                                ) -> None:
    mentions = [mention(i, company, (name or "x", generic))
                for i, (company, name, generic) in enumerate(entries)]
    identity = identify(mentions)
    assert set(identity.of) == {(i, 0) for i in range(len(entries))}
    assert set(identity.of.values()) == {p.id for p in identity.products}
    assert len({p.id for p in identity.products}) == len(identity.products)
