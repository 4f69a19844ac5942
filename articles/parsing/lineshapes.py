"""The shapes of metadata lines that carry no `key：value` (metadata.py reads them): a paper's or
a broadcaster's masthead, a periodical's issue line, a post's account line, a forum thread's head,
a release's running head, credits without their colons, where a story was first printed, an
official document's number, a post's or an episode's day. Regular expressions (and the reading of
a line of counters); pure Python, no Django."""

from __future__ import annotations

import re

from .text import CJK

# A forum thread's head: `楼主：青衣江畔的风  时间：2021-11-23 22:14:36  点击：8231  回复：156`.
FORUM_POST = re.compile(r"^(?:楼主|发帖人)\s*[:：]\s*(?P<handle>\S{1,20})\s+(?:时间|发表于|发帖时间)\s*[:：]?\s*"
                         r"(?P<date>(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
                         r"(?:\s+(?:点击|浏览|阅读|回复)\s*[:：]?\s*\d+)*$")
# A platform account's line over its post: `健康宜宾 · 视频号`, `某某医院 | 微信公众号`.
PLATFORM_ACCOUNT = re.compile(r"^(?P<account>[\u4e00-\u9fff]{2,12})\s*[·|｜]\s*(?:微信)?(?:视频号|公众号|抖音号?|快手号?|头条号|百家号|企鹅号|小红书)$")
RELEASE_HEAD = re.compile(rf"[{CJK}（）()]{{2,30}}\s+(?:新闻通稿|新闻稿|通稿)(?:\s+(?P<date>(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日|(?:19|20)\d{{2}}[-./]\d{{1,2}}[-./]\d{{1,2}}))?")
DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}"
# A newspaper page's or a broadcast's masthead: `健康时报 2022年11月03日 第05版：医院管理`,
# `今日安远 2023年6月16日 星期五 第2版 综合新闻`.
BAR = r"\s*[|｜│]?\s*"  # parts set apart by bars: `青禾日报 │ 2023.12.15 星期五 │ 03 │ 对话`
MASTHEAD = re.compile(
    rf"^(?P<outlet>[{CJK}·]{{2,14}}?){BAR}(?P<date>{DATE})(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?{BAR}"
    rf"(?:星期[一二三四五六日天]|周[一二三四五六日])?{BAR}"
    rf"(?P<page>第?\s*[A-Za-z]?\d{{1,3}}\s*版|[A-Z]\d{{1,2}}|\d{{1,2}}(?=\s*[|｜│]))?\s*(?:[:：|｜│]?\s*[{CJK}·]{{0,12}})?$"
)
OUTLET_ENDING = re.compile(r"(?:日报|晚报|早报|时报|商报|导报|周报|报|周刊|杂志|电视台|广播电视台|新闻网|网|融媒体中心|新闻中心)$")
# A WeChat post's own line: `原创 某某医院 某某医院 2023-06-18 08:30 发表于湖南`.
POST_LINE = re.compile(rf"^(?:原创\s+)?(?P<account>[^\s]{{2,24}})(?:\s+[^\s]{{2,24}})?\s+(?P<date>{DATE})"
                        r"(?:\s+\d{1,2}:\d{2})?\s*发表于\S{2,8}$|^原创\s+(?P<account2>[^\s]{2,24})(?:\s+[^\s]{2,24})?\s+"
                        rf"(?P<date2>{DATE})(?:\s+\d{{1,2}}:\d{{2}})?(?:\s+[{CJK}]{{2,3}})?$"  # `… 17:45 浙江`
                        # a post's account, day, time and province without 原创: the time says it is one
                        # (not an update's or an export's: `楼主更新 2021-11-25 19:40`, `短信备份导出 …`)
                        rf"|^(?P<account3>[^\s]{{2,24}}(?<!更新|导出|备份|回复|补充|修改|发表|发布))\s+(?P<date3>{DATE})\s+\d{{1,2}}:\d{{2}}(?:\s+[{CJK}]{{2,3}})?$")
BARE_EDITOR = re.compile(rf"^(?:本版编辑|本版责编|责任编辑|责编|编辑|审核|校对)\s+(?P<names>[{CJK}]{{2,4}}(?:[\s、，,]+[{CJK}]{{2,4}}){{0,2}})$")
# Several of them in a row: `本版编辑　庞悦　　校对　林可`.
BARE_EDITOR_PAIR = rf"(?:本版编辑|本版责编|责任编辑|责编|编辑|美编|审核|校对)\s+(?P<names>[{CJK}]{{2,4}}(?:[、，,][{CJK}]{{2,4}}){{0,2}})"
BARE_EDITORS = re.compile(rf"^(?:{BARE_EDITOR_PAIR}\s*){{2,4}}$")
FIRST_PRINTED = re.compile(rf"^(?:原载|原刊于|刊于|转载自)?\s*《(?P<outlet>[^》]{{2,14}})》\s*[（(]?\s*(?P<date>{DATE})?\s*(?:第\s*[A-Z]?\d{{1,3}}\s*版)?[)）]?$")
# A platform's account line: `健康湖北 2023-07-20 09:12 · 湖北省卫生健康委员会官方账号`.
SECTION_MARK = rf"[·•]\s*[{CJK}]{{2,8}}\s*[·•]"  # `· 新闻聚焦 ·`, a periodical's section
ISSUE_LINE = re.compile(rf"^(?:{SECTION_MARK}\s+|[{CJK}]{{2,8}}\s+)?《?(?P<outlet>[{CJK}]{{2,16}}?)》?\s*[·•]?\s*(?:(?:19|20)\d{{2}}\s*年)?\s*第\s*\d{{1,4}}\s*期"
                         rf"(?:\s*[（(]总第\s*\d{{1,5}}\s*期[)）]?)?(?:\s+{SECTION_MARK}|\s+[{CJK}]{{2,8}})?(?:\s+(?P<date>{DATE}))?$")
BROADCAST_MASTHEAD = re.compile(rf"^(?P<outlet>[{CJK}]{{2,12}}(?:电视台|广播电台|广播电视台|融媒体中心))\s*[·•|｜]?\s*"
                                 rf"(?:节目)?(?:文字实录|文字稿|实录|播出稿|文稿)$")
MASTHEAD_DATE = re.compile(rf"^(?P<outlet>[{CJK}]{{2,12}}报)\s+(?P<date>{DATE})(?:\s*第\s*\d{{1,4}}\s*期)?$")
ACCOUNT_LINE = re.compile(rf"^(?P<account>[^\s·]{{2,20}})\s+(?P<date>{DATE})(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
                           rf"(?:\s*[·•]\s*\S.{{0,40}}|\s+(?:阅读|浏览|阅读量|浏览量)\s*[\d.]+万?\+?)$")  # `… 阅读 3.2万`
# The issuing office over a brief's first page, its day set apart by spaces:
# `辽宁省卫生健康委员会办公室                   2024年4月22日`.
OFFICE_MASTHEAD = re.compile(rf"^(?P<office>[{CJK}]{{2,20}}(?:办公室|办公厅|委员会|卫生健康委|卫健委|管理局|局|厅))"
                             rf"\s+(?P<date>{DATE})$")
# A release's sender over it: `上海交通大学医学院附属瑞金医院 党委宣传部`.
ORG_OFFICE = re.compile(rf"^(?P<org>[{CJK}]{{4,30}}(?:医院|中心|大学|委员会|卫健委))\s+(?:党委)?(?:宣传部|宣传科|宣传处|宣传中心|新闻中心|办公室|院办)$")
# A paper's or a site's name and its column over a story: `健康时报 · 名医说`.
OUTLET_COLUMN = re.compile(rf"^(?P<outlet>[{CJK}]{{2,10}}(?:日报|晚报|时报|周报|报|新闻网|网|电视台|杂志))\s*[·•|｜]\s*[{CJK}]{{2,8}}$")
# An official document's number: `川卫函〔2023〕15号`.
DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,8}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号$")
# A periodical's issue alone on its line: `第17期`.
BARE_ISSUE = re.compile(r"(?:(?:19|20)\d{2}\s*年)?\s*第\s*\d{1,4}\s*期(?:\s*[（(]总第\s*\d{1,5}\s*期[)）])?")
# A press release's dateline in brackets: `（2024年10月15日，江西吉安）10月12日，…`.
RELEASE_DATELINE = re.compile(rf"^[（(](?P<date>(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日)[，,、\s]*[{CJK}]{{2,10}}[)）]")
# A release's dateline in the English way: `上海，2024年2月29日 —— 在第十七个国际罕见病日，…`.
PLACE_DATELINE = re.compile(rf"^[{CJK}]{{2,4}}[，,]\s*(?P<date>(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日)\s*(?:——|—|－－)\s*")

# What metadata.py's reading of a line takes off it or looks for first: a printed page's running
# head before its date, a paper's page and column, a clippings file's item, where it was taken
# from, an update note, a lunar date, an issue, an account or office before its keys, a portal's
# tools, a weekday, an English word.
PAGE_BEFORE_DATE = re.compile(rf"^[A-Za-z]?\d{{1,3}}(?:\s*[｜|]\s*|\s+)(?:[{CJK}·]{{2,8}}(?:\s*[｜|]\s*|\s+))?(?=(?:19|20)\d{{2}}\s*年)")
PAPER_PAGE = re.compile(rf"^(?P<outlet>[{CJK}]{{2,10}}?(?:日报|晚报|早报|时报|商报|报))\s+(?:第?[A-Z]?\d{{1,3}}版?\s+)"
                         rf"(?:[{CJK}·]{{2,8}}(?:\s+|$))?")
ITEM_LABEL = re.compile(rf"^【?[{CJK}]{{1,6}}(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})】\s*(?=\S)")
EXCERPT_FROM = re.compile(r"(?:节选|摘|选)自\s*《(?P<book>[^《》]{2,40})》")
UPDATED = re.compile(r"^[（(][^（()）]{0,20}更新[)）]?")
LUNAR_DATE = re.compile(rf"^农历[{CJK}]{{2,12}}")
# (with a masthead's count of the day's pages before it: `今日8版　第11236期`)
ISSUE_NUMBER = re.compile(r"^(?:今日\s*\d{1,2}\s*版\s*)?(?:第\s*\d{1,5}\s*期\s*(?:[（(]总第\s*\d{1,6}\s*期[)）]?)?)?")
POSTER_BEFORE_TIME = re.compile(rf"^(?P<account>[{CJK}·]{{2,20}})\s+(?=(?:发布时间|发布于|发表时间|发布日期)\s*[:：])")
SUPPLIED_BEFORE_KEY = re.compile(rf"^[{CJK}]{{2,12}}\s*供稿\s+(?=(?:撰稿|撰文|作者|文字|文|通讯员|记者)\s*[:：/])")
COLUMN_BEFORE_KEY = re.compile(rf"^(?:[A-Z]?\d{{1,2}}\s+)?[{CJK}·]{{2,8}}\s+(?=(?:责任编辑|本版编辑|本版责编|编辑|责编|美编|主编|执行主编)\s*[:：])")
WEEKDAY = re.compile(r"^\s*(?:星期[一二三四五六日天]|周[一二三四五六日])")

LEADING_TOOLS = re.compile(r"^(?:【(?:纠错|打印|关闭|收藏)】\s*)+")
TRAILING_TOOLS = re.compile(r"(?:\s*(?:上一期|下一期|往期回顾|上一版|下一版|版面导航|返回目录|时长\s*[:：]?\s*\d{1,2}:\d{2}(?::\d{2})?"
                             r"|第\s*\d{1,4}\s*期\s*(?:[（(]总第\s*\d{1,5}\s*期[)）]?)?))+$")  # `…星期一  第9期（总第217期）`
TOOL_ENDS = "期版顾航录)）"  # what a match of TRAILING_TOOLS can end with, digits aside
LATIN_LETTER = re.compile("[A-Za-z\u017f\u212a]")  # (ſ and K (Kelvin) match s and k when case is ignored)
WEEKDAY_IN_BRACKETS = re.compile(r"[（(]\s*(?:星期|周)[一二三四五六日天]\s*[)）]?")
POSTED_AT = re.compile(r"(?<=\d)\s*发布于\S*$")
POSTED_ON = re.compile(
    r"(?:编辑于|发布于|发表于|更新于)\s*(?P<date>(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[・·]?\s*(?:IP\s*属地\s*[:：]?\s*)?[\u4e00-\u9fff]{0,6}")
# What a video's or a podcast's page counts beside the day it went up.
_POST_COUNTER = re.compile(r"\d{1,4}\s*分钟|\d{1,2}:\d{2}(?::\d{2})?|[\d.]+\s*万?\s*次?(?:播放|观看|点赞|收藏|转发|阅读|浏览)|[\d.]+\s*万?\s*条?(?:评论|回复)")
# `人民日报客户端宁夏频道　马晓芸`: an app's channel and its reporter, named with no role.
OUTLET_THEN_NAMES = re.compile(rf"^(?P<outlet>[{CJK}]{{2,8}}?(?:日报|晚报|新闻网|客户端))(?:[{CJK}]{{2,4}}频道)?[ \u3000]+"
                                rf"(?P<names>[{CJK}]{{2,3}}(?:[ \u3000、][{CJK}]{{2,3}})*)$")
NOT_A_NAME_ENDING = ("员", "者", "辑", "部", "版", "组", "室", "道", "讯")  # 评论员, 编辑部, 专题组


_POST_DAY = re.compile(rf"(?:{DATE})(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?")


def counted_post_date(text: str) -> str | None:
    """The day of `52分钟 · 2024/10/12 · 1.3万次播放 · 326条评论`: a date among counters only."""
    parts = [part.strip() for part in re.split(r"\s*·\s*", text) if part.strip()]
    dates = [part for part in parts if _POST_DAY.fullmatch(part)]
    if len(parts) >= 3 and len(dates) == 1 and sum(bool(_POST_COUNTER.fullmatch(part)) for part in parts) == len(parts) - 1:
        return dates[0]
    return None
