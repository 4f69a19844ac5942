"""An article that came by e-mail: a message saved with its headers (`From:`, `Subject:`,
MIME parts, quoted-printable lines the mail program did not decode) or a forwarded press release
(`---------- 原始邮件 ----------`, `发件人：…`, `主题：…`). The headers, the forwarding note
above them and the transfer encoding's leftovers are no part of the article. Pure text, no Django."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

# A header of a message, in the form a mail program saves (RFC 5322) or a Chinese client prints
# when it forwards one.
MAIL_HEADER_RE = re.compile(
    r"^(?:Return-Path|Received|From|To|Cc|Bcc|Subject|Date|Message-ID|MIME-Version|Content-Type|Content-Transfer-Encoding"
    r"|Content-Disposition|Reply-To|Sender|X-[A-Za-z0-9-]+)\s*:\s*\S"
    r"|^(?:发件人|收件人|抄送|密送|发送时间|发送日期|主题|附件)\s*[:：]"
)
# When the message was sent: `发送时间: 2024年9月2日 星期一 8:30`, `Date: Mon, 2 Sep 2024 08:30:00 +0800`.
MAIL_DATE_RE = re.compile(r"^(?:Date|发送时间|发送日期|日期|时间)\s*[:：]\s*(?P<date>.+)$")
# A hospital (or its office) that sent it: `发件人: 东陵医科大学附属第二医院党委宣传中心 <xczx@…>`.
MAIL_SENDER_RE = re.compile(r"^(?:From|发件人)\s*[:：]\s*\"?(?P<hospital>[\u4e00-\u9fff]{2,30}?(?:医院|卫生院|保健院))"
                            r"[\u4e00-\u9fff]{0,10}\"?\s*(?:<[^<>\s]+>)?\s*$")
# The line a mail program puts above a forwarded message.
MAIL_BANNER_RE = re.compile(r"^[-=_\s]{2,}(?:转发邮件信息|原始邮件|邮件原文|Forwarded message|Original Message)[-=_\s]{2,}$",
                            re.IGNORECASE)
# A MIME part's boundary (`------=_Part_2841_1093.1715650212`) and a part's own headers.
MIME_LINE_RE = re.compile(r"^-{2,}=_[\w.=-]+$|^(?:Content-Type|Content-Transfer-Encoding|Content-Disposition)\s*:\s*\S",
                          re.IGNORECASE)
# A quoted-printable line left encoded (`=E5=B0=8A=E6=95=AC…=`): at least four escapes.
QP_LINE_RE = re.compile(r"^(?=(?:[^=]*=[0-9A-F]{2}){4})[\x21-\x7E]{12,78}$")

# How far into a file a message's headers may stand: a forwarded release has two blocks and a note.
_REACH = 60


def mail_date(value: str) -> dt.date | None:
    """The day of an RFC 5322 date (`Mon, 2 Sep 2024 08:30:00 +0800`), as the sender's clock had it."""
    try:
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def is_mail_leftover(text: str) -> bool:
    """A line of a message's transport, wherever it stands: a MIME boundary or part header, or a
    quoted-printable line."""
    return bool(MIME_LINE_RE.match(text) or QP_LINE_RE.match(text))


def after_mail_headers(texts: list[str], gaps: list[int]) -> int:
    """The index of the first line after the last block of mail headers near the top (a block runs
    from a header or a forwarding banner to the next blank line), or 0 when there is none. What
    stands before that block (a forwarding note, the first message's headers) goes with it."""
    end = 0
    index = 0
    while index < min(len(texts), _REACH):
        if MAIL_HEADER_RE.match(texts[index]) or MAIL_BANNER_RE.match(texts[index]):
            start = index
            index += 1
            while index < len(texts) and not gaps[index]:
                index += 1  # the block's other headers and their folded lines
            block = texts[start:index]
            # A message's, not a notice's `主题：` or `附件：` line: a banner, or a sender among two headers.
            if any(MAIL_BANNER_RE.match(t) for t in block) or (
                    sum(1 for t in block if MAIL_HEADER_RE.match(t)) >= 2 and any(_SENDER_RE.match(t) for t in block)):
                end = index
            continue
        index += 1
    return end


_SENDER_RE = re.compile(r"^(?:From|Return-Path|Received|Message-ID|MIME-Version|发件人)\s*[:：]", re.IGNORECASE)
