"""The pure text analysis behind related articles: tokens, keys, names, dateline dates."""

from __future__ import annotations

from app.related.text import ArticleText, DatelineDate, dateline_date, entities, term_key, term_set, tokens


def test_tokens_split_like_the_indexes_and_keep_hindi_words_whole() -> None:
    assert tokens("Russia's Chandrayaan-4 mission") == ["russia", "s", "chandrayaan", "4", "mission"]
    assert tokens("वायनाड भूस्खलन: सेना") == ["वायनाड", "भूस्खलन", "सेना"]


def test_english_keys_fold_plurals_accents_and_drop_function_words() -> None:
    assert term_key("floods", "en") == term_key("flood", "en") == "flood"
    assert term_key("belém", "en") == "belem"
    assert term_key("the", "en") is None
    assert term_key("s", "en") is None


def test_hindi_keys_are_the_words_themselves_without_function_words() -> None:
    assert term_key("वायनाड", "hi") == "वायनाड"
    assert term_key("में", "hi") is None


def test_term_set_is_sorted_and_distinct() -> None:
    text = ArticleText.of("Floods in Assam", None, ["Assam floods worsen.", "Rain continues."], "en")
    assert term_set(text) == ["assam", "continue", "flood", "rain", "worsen"]


def test_names_are_capitalised_runs_of_two_or_more_words_without_sentence_openers() -> None:
    text = ArticleText.of(
        "Headline Case Is Not A Name",
        None,
        ["Rio de Janeiro, Nov 18 (AFP) The leaders met Luiz Inacio Lula da Silva on Monday.", "On Monday it rained."],
        "en",
    )
    found = {entity.words for entity in entities(text)}
    assert ("rio", "de", "janeiro") in found
    assert ("luiz", "inacio", "lula", "da", "silva") in found
    assert not any("headline" in words for words in found)
    assert not any("monday" in words for words in found)


def test_names_in_the_lead_weigh_double() -> None:
    text = ArticleText.of("x", None, ["Rishabh Pant signs.", "Other text.", "Rishabh Pant again."], "en")
    (pant,) = [e for e in entities(text) if e.words == ("rishabh", "pant")]
    assert pant.weight == 3.0


def test_dateline_dates_in_english_and_hindi() -> None:
    assert dateline_date("Jeddah, Nov 24 (PTI)") == DatelineDate(11, 24, None)
    assert dateline_date("Moscow, Dec 2, 2024 (AFP)") == DatelineDate(12, 2, 2024)
    assert dateline_date("Pyongyang [North Korea], November 29 (ANI):") == DatelineDate(11, 29, None)
    assert dateline_date("गुवाहाटी, 4 जुलाई (आईएएनएस)।") == DatelineDate(7, 4, None)
    assert dateline_date("Rio de Janeiro (AFP) -") is None
    assert dateline_date(None) is None
