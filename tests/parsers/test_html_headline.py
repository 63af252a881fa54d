"""The headline is the <h1> the page's title tags confirm; anything less certain holds the copy."""

from __future__ import annotations

from tests.parsers.html_pages import HEADLINE, page, read


def test_h1_confirmed_by_the_title_with_a_site_suffix_is_the_headline() -> None:
    copy = read(page(title=f"{HEADLINE} | Example River Times"))
    assert copy.headline == HEADLINE
    assert copy.doubts == []


def test_h1_confirmed_by_og_title_with_a_site_prefix_is_the_headline() -> None:
    copy = read(page(title=None, og_title=f"Example River Times - {HEADLINE}"))
    assert copy.headline == HEADLINE
    assert copy.doubts == []


def test_the_sites_name_in_an_h1_is_never_the_headline() -> None:
    head = '<meta property="og:site_name" content="Example River Times">'
    logo = "<div class='logo'><h1>Example River Times</h1></div>"
    copy = read(
        page(head=head, before_body="", title=f"{HEADLINE} - Example River Times").replace(
            b"<article>", f"{logo}<article>".encode()
        )
    )
    assert copy.headline == HEADLINE
    assert copy.doubts == []


def test_a_site_suffix_is_not_cut_from_the_title_without_an_h1_to_confirm_it() -> None:
    copy = read(page(h1=None, title=f"{HEADLINE} | Example River Times"))
    assert copy.headline == f"{HEADLINE} | Example River Times"
    assert any(d.startswith("headline-unsure") for d in copy.doubts)


def test_an_h1_that_no_title_signal_confirms_holds_the_copy() -> None:
    copy = read(page(h1="Skip to main content", title=f"{HEADLINE} | Example River Times"))
    assert any(d.startswith("headline-unsure") for d in copy.doubts)


def test_a_site_name_longer_than_the_headline_is_not_taken_as_a_suffix() -> None:
    copy = read(page(h1="Ferries", title="Ferries | The Example River Times and Coastal Courier Daily"))
    assert any(d.startswith("headline-unsure") for d in copy.doubts)
