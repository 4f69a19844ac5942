"""Every admin page of every model, as a superuser and as an editor of the 编辑 group: none
answers 500, and none shows an editor English (only data, and a few technical abbreviations).

Pages: changelist, add (and saving the add form as it comes), change, delete, history, export
(and the file), import.
"""

from __future__ import annotations

import html
import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from hospitals.roles import EDITOR_GROUP, IMPORTER_GROUP
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

# Latin an editor may meet in the admin's own words.
ALLOWED_LATIN = {"CSV", "XLSX", "JSON", "SHA", "IP", "HTTP", "Accept", "GET", "POST", "UTF",
                 "Control", "Command", "Mac", "LDAP"}  # keys of a keyboard; Django's Chinese keeps them


@pytest.fixture
def users(seeded, django_user_model):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    # One record of each login-protection kind, so that their change pages are crawled too.
    common = dict(username="someone", ip_address="127.0.0.1", user_agent="pytest", http_accept="*/*",
                  path_info="/admin/login/")
    AccessAttempt.objects.create(**common, get_data="", post_data="", failures_since_start=2)
    AccessLog.objects.create(**common)
    AccessFailureLog.objects.create(**common, locked_out=False)
    chief = django_user_model.objects.create_superuser("chief", password="pw-chief-123456")
    editor = django_user_model.objects.create_user("bianji", password="pw-editor-123456", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP), Group.objects.get(name=IMPORTER_GROUP))
    return {"superuser": chief, "editor": editor}


def admin_urls(model):
    """(name, url) of each page the admin has for `model` and its first record."""
    opts = model._meta
    prefix = f"admin:{opts.app_label}_{opts.model_name}"
    first = model._default_manager.order_by("pk").first()
    pages = [("changelist", reverse(f"{prefix}_changelist")), ("add", reverse(f"{prefix}_add"))]
    if first is not None:
        pages += [(name, reverse(f"{prefix}_{name}", args=[first.pk])) for name in ("change", "delete", "history")]
    for name in ("export", "import"):
        try:
            pages.append((name, reverse(f"{prefix}_{name}")))
        except NoReverseMatch:
            pass
    return pages


def visible_text(page: str) -> str:
    page = re.sub(r"(?is)<(script|style|textarea|pre|code)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<!--.*?-->", " ", page)
    return html.unescape(re.sub(r"(?s)<[^>]+>", " ", page))


# Tables whose text is bookkeeping (codes, names of code), not what an editor typed or read.
NOT_CONTENT = {"contenttypes.ContentType", "auth.Permission", "sessions.Session", "admin.LogEntry"}
CODES = {"articles.ReviewItem": {"code", "fingerprint"}, "articles.Tombstone": {"model"},
         "hospitals.HospitalFact": {"value"}}  # a type fact holds the type's code


def content_text() -> str:
    """Every text the stored records hold for people to read (titles, file names, digests, user
    names …): Latin there is data, not the admin's wording. Choice fields and JSON hold codes,
    which an editor must never see, so they are left out (but for a section's paragraphs)."""
    texts = []
    for model in apps.get_models():
        label = model._meta.label
        if label in NOT_CONTENT or model.__name__.startswith("Historical"):
            continue
        names = [f.attname for f in model._meta.concrete_fields
                 if (f.get_internal_type() in ("CharField", "TextField") and not f.choices
                     and f.name not in CODES.get(label, ())) or (label == "articles.Section" and f.name == "paragraphs")]
        for row in model._default_manager.values_list(*names) if names else []:
            texts += [str(value) for value in row if value]
    return "\n".join(texts)


MODELS = list(admin.site._registry)


@pytest.mark.parametrize("role", ["superuser", "editor"])
def test_no_admin_page_answers_500_or_shows_english(client, users, role):
    client.force_login(users[role])
    client.raise_request_exception = False  # every failing page listed, not just the first
    data = content_text()
    english, failures = [], []
    for model in MODELS:
        for name, url in admin_urls(model):
            response = client.get(url)
            if response.status_code >= 500:
                failures.append((url, response.status_code))
                continue
            if response.status_code != 200:
                assert response.status_code in (302, 403), (url, response.status_code)
                continue
            if name == "export":
                exported = client.post(url, {"format": "0", **{key: "on" for key in response.context["form"].fields
                                                              if key not in ("format", "resource")}})
                if exported.status_code >= 500:
                    failures.append((url + " POST", exported.status_code))
            if name == "add":
                saved = client.post(url, {})
                if saved.status_code >= 500:
                    failures.append((url + " POST", saved.status_code))
            words = set(re.findall(r"[A-Za-z]+", visible_text(response.content.decode())))
            english += [(url, word) for word in sorted(words - ALLOWED_LATIN) if word not in data]
    assert not failures
    assert not english, "\n".join(f"{word}  {url}" for word, url in sorted({w: u for u, w in english}.items()))


def test_import_owned_records_have_no_add_form(staff_client, seeded):
    for label in ("articles.SourceFile", "articles.Article", "articles.ReviewItem", "articles.Tombstone"):
        opts = apps.get_model(label)._meta
        changelist = staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        assert reverse(f"admin:{opts.app_label}_{opts.model_name}_add") not in changelist.content.decode()
        assert staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 403
        response = staff_client.post(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"), {})
        assert response.status_code == 403


def test_every_flag_the_parser_raises_has_a_chinese_name():
    """The review queue names a flag by its Chinese label; a new kind in the parser needs one."""
    from core.admin_display import FLAG_LABELS

    source = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "articles" / "parsing").glob("*.py"))
    kinds = set(re.findall(r"""(?:\bflag\(|\bFlag\(|\bflag=)\s*["']([a-z_]+)["']""", source))
    assert len(kinds) >= 13
    assert kinds <= set(FLAG_LABELS), kinds - set(FLAG_LABELS)


def test_the_compiled_translations_match_their_source():
    """config/locale's .mo is what Django reads; it must say what the .po says."""
    import gettext

    folder = ROOT / "config" / "locale" / "zh_Hans" / "LC_MESSAGES"
    po = (folder / "django.po").read_text(encoding="utf-8")
    entries = re.findall(r'^msgid ((?:"(?:[^"\\]|\\.)*"\n)+)(?:msgid_plural (?:"(?:[^"\\]|\\.)*"\n)+)?'
                         r'msgstr(?:\[0\])? ((?:"(?:[^"\\]|\\.)*"\n)+)', po, re.M)

    def text(quoted):
        return "".join(bytes(part, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                       for part in re.findall(r'"((?:[^"\\]|\\.)*)"', quoted))

    with open(folder / "django.mo", "rb") as mo:
        catalog = gettext.GNUTranslations(mo)
    pairs = [(text(msgid), text(msgstr)) for msgid, msgstr in entries if text(msgid)]
    assert len(pairs) > 50
    for msgid, msgstr in pairs:
        assert catalog.gettext(msgid) == msgstr or catalog.ngettext(msgid, msgid, 1) == msgstr, msgid
