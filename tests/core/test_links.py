from django.urls import reverse, set_script_prefix

from core.links import detail_url


def test_detail_url_is_what_reverse_gives():
    for viewname in ("articles:article-detail", "hospitals:hospital-detail", "hospitals:person-detail",
                     "hospitals:honour-detail"):
        for pk in (1, 7, 98765, 2**31 - 1):
            assert detail_url(viewname, pk) == reverse(viewname, args=[pk])


def test_detail_url_follows_the_script_prefix():
    try:
        set_script_prefix("/archive/")
        assert detail_url("articles:article-detail", 12) == reverse("articles:article-detail", args=[12])
        assert detail_url("articles:article-detail", 12).startswith("/archive/")
    finally:
        set_script_prefix("/")
