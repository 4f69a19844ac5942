"""A section's paragraphs as a list instead of one text with blank lines between them.

Bodies an admin form saved with the browser's CRLF line ends ("\\r\\n\\r\\n" between paragraphs)
read as one paragraph on the public page; they are split where the editor saw paragraphs. Every
other body splits exactly as the public page split it, so the importer's snapshot (which spells
a section's paragraphs joined by a blank line) still matches what it wrote. History rows are
converted too, so that reverting to an older version brings back its paragraphs.
"""

from django.db import migrations, models

import articles.paragraphs


def _paragraphs(body: str) -> list[str]:
    body = body or ""
    if "\r" in body:  # saved by a browser: line ends and the spaces around paragraphs are noise
        lines = [line.rstrip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        return [p.strip() for p in "\n".join(lines).split("\n\n") if p.strip()]
    return [p for p in body.split("\n\n") if p.strip()]


def body_to_paragraphs(apps, schema_editor):
    for name in ("Section", "HistoricalSection"):
        model = apps.get_model("articles", name)
        pk = model._meta.pk.attname
        rows = model.objects.only(pk, "body").order_by(pk).iterator(chunk_size=2000)
        batch = []
        for row in rows:
            row.paragraphs = _paragraphs(row.body)
            batch.append(row)
            if len(batch) == 2000:
                model.objects.bulk_update(batch, ["paragraphs"])
                batch = []
        model.objects.bulk_update(batch, ["paragraphs"])


def paragraphs_to_body(apps, schema_editor):
    for name in ("Section", "HistoricalSection"):
        model = apps.get_model("articles", name)
        pk = model._meta.pk.attname
        batch = []
        for row in model.objects.only(pk, "paragraphs").order_by(pk).iterator(chunk_size=2000):
            row.body = "\n\n".join(row.paragraphs or [])
            batch.append(row)
            if len(batch) == 2000:
                model.objects.bulk_update(batch, ["body"])
                batch = []
        model.objects.bulk_update(batch, ["body"])


def _paragraphs_field():
    return models.JSONField(default=list, encoder=articles.paragraphs.UnescapedJSONEncoder,
                            help_text="段落，每段一项", verbose_name="正文")


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0010_article_status_source"),
    ]

    operations = [
        migrations.AddField(model_name="section", name="paragraphs", field=_paragraphs_field()),
        migrations.AddField(model_name="historicalsection", name="paragraphs", field=_paragraphs_field()),
        migrations.AlterField(model_name="section", name="body",
                              field=models.TextField(default="", verbose_name="正文")),
        migrations.AlterField(model_name="historicalsection", name="body",
                              field=models.TextField(default="", verbose_name="正文")),
        migrations.RunPython(body_to_paragraphs, paragraphs_to_body),
        migrations.RemoveField(model_name="section", name="body"),
        migrations.RemoveField(model_name="historicalsection", name="body"),
    ]
