"""What the parsing tests share: the one article a text written for a test holds."""

from articles.parsing import parse_bytes


def only(text: str):
    """The file's only article (parsed as an uploaded UTF-8 file is), failing if it held another."""
    articles = parse_bytes("page.txt", text.encode()).articles
    assert len(articles) == 1
    return articles[0]
