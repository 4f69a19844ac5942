"""Jobs finished before their summaries were written in Chinese keep import_seeds' English
lines; editors read them on the job's page and in the list, so they are rewritten the way
`uploads.service.summary_lines` writes them now. A line of another shape is left as it was."""

import re

from django.db import migrations

COUNTS = re.compile(r"^(?P<prefix>records: )?(?P<created>\d+) created, (?P<updated>\d+) updated, "
                    r"(?P<unchanged>\d+) unchanged, (?P<kept>\d+) kept \(edited\), (?P<failed>\d+) failed"
                    r"(?:, (?P<removed>\d+) removed)?$")
FILES = re.compile(r"^(?P<files>\d+) files, (?P<kb>[\d.]+) KB in (?P<seconds>[\d.]+) s \((?P<rate>\d+) KB/s\)$")


def in_chinese(line: str) -> str:
    if match := COUNTS.match(line):
        text = (f"新建 {match['created']}，更新 {match['updated']}，未变 {match['unchanged']}，"
                f"保留（编辑已改）{match['kept']}，失败 {match['failed']}")
        if match["removed"]:
            text += f"，移除 {match['removed']}"
        return ("其他记录：" if match["prefix"] else "文章：") + text
    if match := FILES.match(line):
        return f"{match['files']} 个文件，{match['kb']} KB，用时 {match['seconds']} 秒（{match['rate']} KB/秒）"
    return line


def forwards(apps, schema_editor):
    ImportJob = apps.get_model("uploads", "ImportJob")
    for job in ImportJob.objects.exclude(summary="").only("pk", "summary").iterator():
        summary = "\n".join(in_chinese(line) for line in job.summary.splitlines())
        if summary != job.summary:
            ImportJob.objects.filter(pk=job.pk).update(summary=summary)


class Migration(migrations.Migration):
    dependencies = [("uploads", "0002_per_file_tasks")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
