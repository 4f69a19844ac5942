import json
from io import StringIO

from django.core.management import call_command


def test_bench_reports_parser_and_jieba_rates():
    out = StringIO()
    call_command("bench", "--parser", "--repeat", "1", "--json", stdout=out)
    figures = json.loads(out.getvalue())["parser"]
    assert figures["articles"] == 7
    assert figures["jieba_kbps"] > 0 and figures["parse_kbps"] > 0 and figures["extract_kbps"] > 0
