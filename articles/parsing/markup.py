"""Text that kept the markup it was copied with: the tags and entities of a web page's source, a
CMS's Markdown export (front matter, `#` headings, `![caption](image)`), or a LaTeX source.

`strip_markup(text)` gives the text as a reader sees it, of the very same length, so that every
span the parser finds still points at the same place in the file: a block tag becomes a line
break, an entity its character, `![…](…)` a photo's caption, and whatever else markup took is
filled with FILLER, a character `text.clean_line` drops. Text with no markup is returned as it is.
"""

from __future__ import annotations

import html
import re

from .text import FILLER

_BLOCK_TAGS = r"p|div|h[1-6]|li|ul|ol|tr|td|th|table|tbody|thead|section|article|header|footer|blockquote|figure|figcaption|br|hr|center"
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS})\b[^<>]{{0,300}}>", re.IGNORECASE)
_IMAGE_TAG = re.compile(r"<img\b[^<>]{0,500}>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]{0,500}>|<!--.*?-->", re.DOTALL)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_HTML_SIGNS = re.compile(r"</?(?:p|div|span|br|h[1-6]|strong|img|a)\b[^<>]*>|&(?:nbsp|ldquo|rdquo|mdash|amp|quot|#\d+);",
                         re.IGNORECASE)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>(?:.*\r?\n){1,40}?)---[ \t]*(?:\r?\n|\Z)")
# Front-matter keys a metadata line says in Chinese; the others (tags, cover, title: the page's
# own `#` headline follows) are dropped.
_FRONT_MATTER_KEYS = {"date": "日期", "published": "日期", "author": "作者", "authors": "作者", "editor": "编辑",
                      "source": "来源"}
_FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)[ \t]*:(?P<value>.*)$")
# A value, without the quotes YAML may put around it.
_FRONT_MATTER_VALUE = re.compile(r"""^[ \t]*(?P<q>["']?)(?P<value>[^ \t"'].*?)(?P=q)[ \t]*$""")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]{0,200})\]\([^)\n]{0,500}\)")
_MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]{1,200})\]\((?:[^()\n]|\([^()\n]{0,100}\)){0,500}\)")  # `(javascript:void(0);)`
_MD_BOLD = re.compile(r"\*\*|__")
_MD_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(?P<text>[^*\n]{1,200}?)(?<=[^\s*])\*(?![*\w])")  # `*2024-03-12 17:46*`
_MD_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^>[ \t]?", re.MULTILINE)
# A table: its rule row goes, and its cells are read as a line of words (`| 姓名 | 吕文斌 |`).
_MD_TABLE_RULE = re.compile(r"^(?:>[ \t]?)?[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$", re.MULTILINE)
_MD_TABLE_ROW = re.compile(r"^(?:>[ \t]?)?[ \t]*\|[^\n]*\|[ \t]*$", re.MULTILINE)
_MD_TABLE_PIPE = re.compile(r"[ \t]*\|[ \t]*")


# A LaTeX source (`\documentclass{ctexart}`, `\section{…}`, `\caption{…}`).
_LATEX_SIGNS = re.compile(r"\\documentclass\b|\\begin\{document\}")
_LATEX_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
# Commands whose argument is the text's own, and how it is marked: a caption as `▲`.
_LATEX_KEPT = re.compile(r"\\(?P<name>title|author|date|section|subsection|subsubsection|paragraph|caption|textbf|emph|textit)\*?"
                         r"(?:\[[^\]\n]{0,80}\])?\{")
_LATEX_DROPPED = re.compile(r"\\(?:documentclass|usepackage|geometry|label|includegraphics|bibliography|input|include|"
                            r"begin|end|setlength|pagestyle|thispagestyle)\*?(?:\[[^\]\n]{0,200}\])?(?:\{[^{}\n]{0,200}\})*"
                            r"(?:\[[^\]\n]{0,80}\])?")
_LATEX_COMMAND = re.compile(r"\\(?:[A-Za-z]+\*?|\\)")  # `\maketitle`, `\small`, `\and`, `\\`
_LATEX_ESCAPE = re.compile(r"\\([%&#$_{}])")


def _strip_latex(text: str) -> str:
    """The text a LaTeX source typesets: comments, preamble, environments and commands filled,
    the arguments of `title`, `section`, `caption`… kept (a caption marked `▲`), an escaped `%` as %."""
    text = _LATEX_COMMENT.sub(lambda m: _filled(len(m.group(0))), text)
    text = _LATEX_DROPPED.sub(lambda m: _filled(len(m.group(0))), text)
    text = _LATEX_KEPT.sub(lambda m: _filled(len(m.group(0)), "▲" if m["name"] == "caption" else ""), text)
    text = _LATEX_ESCAPE.sub(lambda m: m.group(1) + FILLER, text)
    text = _LATEX_COMMAND.sub(lambda m: _filled(len(m.group(0)), " "), text)
    return text.replace("{", FILLER).replace("}", FILLER)


def _filled(length: int, keep: str = "") -> str:
    return keep + FILLER * (length - len(keep))


def looks_like_html(text: str) -> bool:
    return len(_HTML_SIGNS.findall(text, 0, 20_000)) >= 3


def looks_like_markdown(text: str) -> bool:
    """Front matter, an image, two `#` headings, or a `# ` headline with a link or emphasis under
    it: one `# ` line alone may be the text's own."""
    head = text[:20_000]
    return bool(_FRONT_MATTER.match(head) or _MD_IMAGE.search(head) or len(_MD_HEADING.findall(head)) >= 2
                or head.lstrip().startswith("# ") and (_MD_LINK.search(head) or _MD_BOLD.search(head) or _MD_ITALIC.search(head)))


def looks_like_latex(text: str) -> bool:
    return bool(_LATEX_SIGNS.search(text, 0, 20_000))


def strip_markup(text: str) -> str:
    if looks_like_html(text):
        text = strip_html(text)
    if looks_like_markdown(text):
        text = _strip_markdown(text)
    if looks_like_latex(text):
        text = _strip_latex(text)
    return text


# A saved page's parts that no reader reads as the article: scripts, styles, the site's menus,
# side columns, forms and footer.
_HIDDEN = re.compile(r"<(?P<tag>script|style|noscript|template|nav|aside|form|select|button|footer)\b[^<>]{0,500}>.*?</(?P=tag)\s*>",
                     re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(r"<head\b[^<>]{0,500}>.*?</head\s*>", re.IGNORECASE | re.DOTALL)
_ARTICLE = re.compile(r"<article\b[^<>]{0,500}>.*?</article\s*>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1\b", re.IGNORECASE)


def _page_furniture(text: str) -> str:
    """A whole saved page: what is not the article filled. Its one `<article>` is the article;
    the `<title>` of its head is read only when the page has no `<h1>` (it adds the site's name)."""
    text = _HIDDEN.sub(lambda m: _filled(len(m.group(0)), "\n"), text)
    if _H1.search(text):
        text = _HEAD.sub(lambda m: _filled(len(m.group(0)), "\n"), text)
    articles = list(_ARTICLE.finditer(text))
    if len(articles) == 1 and _H1.search(articles[0].group(0)):
        start, end = articles[0].span()
        text = _filled(start, "\n" if start else "") + text[start:end] + _filled(len(text) - end, "\n" if end < len(text) else "")
    return text


def strip_html(text: str) -> str:
    text = _page_furniture(text)
    text = _IMAGE_TAG.sub(lambda m: _filled(len(m.group(0)), "\n[图片]\n"), text)
    text = _BLOCK_TAG.sub(lambda m: _filled(len(m.group(0)), "\n"), text)
    text = _ANY_TAG.sub(lambda m: _filled(len(m.group(0))), text)

    def entity(match: re.Match) -> str:
        character = html.unescape(match.group(0))
        if len(character) != 1:
            return match.group(0)  # not an entity after all (`&copy2023`)
        return _filled(len(match.group(0)), " " if character == "\u00a0" else character)

    return _ENTITY.sub(entity, text)


def _strip_markdown(text: str) -> str:
    front = _FRONT_MATTER.match(text)
    if front:
        # A clipper's note (Obsidian, a read-later app) keeps the headline only in its front matter.
        titled = not re.search(r"^#[ \t]+\S", text[front.end():], re.MULTILINE)
        text = _front_matter(front, titled) + text[front.end():]
    text = _MD_IMAGE.sub(_image, text)
    text = _MD_LINK.sub(lambda m: FILLER + m["text"] + FILLER * (len(m.group(0)) - 1 - len(m["text"])), text)
    # A subheading keeps a mark the heading rules know (`■`, as pages print them); the first level
    # is the headline's, read as a line of its own.
    text = _MD_HEADING.sub(lambda m: _filled(len(m.group(0)), "" if m.group(0).startswith("# ") else "■"), text)
    text = _MD_TABLE_RULE.sub(lambda m: _filled(len(m.group(0))), text)
    if "|" in text:
        text = _MD_TABLE_ROW.sub(lambda row: _MD_TABLE_PIPE.sub(lambda m: _cell_gap(m, row.group(0)), row.group(0)), text)
    text = _MD_QUOTE.sub(lambda m: _filled(len(m.group(0))), text)
    text = _MD_RULE.sub(lambda m: _filled(len(m.group(0))), text)
    text = _MD_BOLD.sub(lambda m: _filled(len(m.group(0))), text)
    return _MD_ITALIC.sub(lambda m: FILLER + m["text"] + FILLER, text)


def _cell_gap(match: re.Match, text: str) -> str:
    """A table's pipe: a space between two cells' words, nothing at a row's ends."""
    inner = match.start() > 0 and text[match.start() - 1] not in "\n>" and match.end() < len(text) \
        and text[match.end()] not in "\r\n"
    return _filled(len(match.group(0)), " " if inner else "")


def _image(match: re.Match) -> str:
    """`![caption](image)` → `▲caption`: a photo's caption, marked as the text would print it."""
    whole, alt = match.group(0), match["alt"]
    if not alt.strip():
        return FILLER * len(whole)
    return "▲" + FILLER + alt + FILLER * (len(whole) - 2 - len(alt))


def _front_matter(match: re.Match, titled: bool = False) -> str:
    """The front matter's metadata as Chinese `键：值` lines, everything else filled; `titled`: its
    title is the article's headline (no `#` headline follows it)."""
    out = []
    for line in match.group(0).splitlines(keepends=True):
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        parsed = _FRONT_MATTER_LINE.match(body)
        name = parsed["key"].lower() if parsed else ""
        key = "标题" if titled and name == "title" else _FRONT_MATTER_KEYS.get(name)
        value = _FRONT_MATTER_VALUE.match(parsed["value"]) if parsed else None
        if key and value and len(parsed["key"]) + 1 >= len(key) + 1 \
                and not (key == "来源" and value["value"].startswith(("http://", "https://"))):  # a clip's URL
            head = key + "："
            out.append(head + FILLER * (len(parsed["key"]) + 1 - len(head)) + FILLER * value.start("value")
                       + value["value"] + FILLER * (len(parsed["value"]) - value.end("value")) + ending)
        else:
            out.append(FILLER * len(body) + ending)
    return "".join(out)
