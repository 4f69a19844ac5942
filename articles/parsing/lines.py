"""The line-level vocabulary of the layout reader (structure.py): a file's non-blank lines with
their spans and the blank lines before them, and what a single line can be on its own (a
kicker, a label, a caption, a speaker, a line short enough for a headline)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .mail import is_mail_leftover
from .metadata import parse_metadata_line
from .model import Span
from .text import CJK, CJK_GAP_RE, CLOSERS, FILLER, clean_line, ends_sentence, han_count, has_sentence_punctuation

# Names of the organisations a kicker introduces.
ORG_SUFFIX = r"(?:医院|卫生院|医学中心|医疗中心|保健院|中医院|分院|卫生服务中心|疾病预防控制中心|卫生健康委员会|卫健委|医科大学|医学院)"
KICKER_RE = re.compile(rf"^(?P<org>[{CJK}（）()·]{{2,30}}?)\s*[:：]$")
KICKER_TITLE_RE = re.compile(rf"^(?P<org>[{CJK}（）()·]{{2,30}}?{ORG_SUFFIX})\s*[:：]\s*(?P<title>\S.{{3,60}})$"
                             rf"|^【(?P<org2>[{CJK}（）()·]{{2,30}}?{ORG_SUFFIX})】\s*(?P<title2>\S.{{3,60}})$")
ORG_LINE_RE = re.compile(rf"^[{CJK}（）()·]{{2,30}}?{ORG_SUFFIX}$")
# An 引题 that opens with a hospital's name (`大连市中心医院推进“无陪护病房”试点`): a place first, no
# count, pronoun or kind of hospital (`我市三家医院…`, `公立医院高质量发展巡礼`).
HOSPITAL_FIRST_RE = re.compile(r"^(?![我该本各全])(?!公立|县级|县域|基层|三级|二级|民营|综合|专科|城市|乡镇|社区|定点|智慧|互联网)"
                               r"(?P<org>[\u4e00-\u9fff]{2,16}?(?<![家所个级些])(?:医院|卫生院|保健院|医学中心))(?=[\u4e00-\u9fff“])")
TITLE_ORG_RE = re.compile(rf"^(?P<org>[{CJK}（）()·]{{2,30}}?{ORG_SUFFIX}) (?P<rest>\S.*)$")
INLINE_SUBTITLE_RE = re.compile(r"^(?P<title>\S.{3,40}?)\s*(?:——|--)\s*(?P<subtitle>\S.{3,40})$")
# Lines that announce a photo: `图为…`, `▲…`, `（图为…）`, `…（张三 摄）`.
CAPTION_RE = re.compile(r"^[（(]?(?:图为|上图|下图|左图|右图|附[图圖][)）]|图[一二三四\d①-⑳]?[：:]|图说\s*[：:]|图(?:\d{1,2}|[一二三四五六七八九十])\s|▲|△|■图)|[（(]?[\u4e00-\u9fff]{2,4}\s*摄[)）]?$")
# Lines that are a page's contact block, not the article: `联系电话：…`, `邮箱：…`.
CONTACT_RE = re.compile(r"^[（(]?(?:联系电话|受理电话|咨询电话|监督电话|举报电话|电话|联系人|联系地址|来信地址|通讯地址|地址|邮编|邮政编码|"
                        r"邮箱|电子邮箱|传真|网址|媒体联系|新闻联络|E-?mail|Tel|Fax)\s*[:：]", re.IGNORECASE)
# A rule between two items of a page: `──────`, `——————`, `======`, `* * *`.
SEPARATOR_RE = re.compile(r"^(?:[-—─━═－=＝_~～·•*＊]\s*){6,}$|^(?:一\s*){8,}$")  # (an OCR'd rule reads 一一一…)
# A photo's credit closing its caption: `（圖／臺大醫院提供）`, `（王亚忠 摄）`, `。医院供图`, `图片来源/网传视频截图`.
PHOTO_CREDIT_END_RE = re.compile(
    r"[。.]?\s*(?:[（(]\s*(?:(?:图|圖|图片|照片)\s*[/／:：]?\s*)?[^（()）]{0,30}(?:提供|供图|摄|攝)\s*[)）]"
    r"|[（(]?\s*(?:图片|图|圖)\s*(?:来源|來源|源)\s*[/／:：][^（()）。]{0,30}[)）]?"
    r"|[（(]\s*(?:图片|图|圖)(?:取自|翻摄自|源自|撷取自)[^（()）]{1,40}[)）]"  # `（图取自…微信公众号）`
    rf"|(?:本报|特约|[{CJK}]{{2,10}}?(?:报|网|台|社|新闻|全媒体?|融媒体?))?(?:记者|通讯员)\s*[{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}})*\s*(?:供图|摄|攝)"  # `记者 沈哲 摄`, `本报记者　张晓东摄`
    # bare, after a break only: `网友发布的现场视频截图` is what the screenshot shows
    r"|(?:[。.]?\s*[（(]|[。.]\s*|\s+|^)(?:资料图|资料照片|网络视频截图|网络截图|视频截图|图片来源于网络|图源网络|网络图片)[)）]?"
    rf"|(?:[{CJK}]{{2,8}}?(?:网|报|台|社|新闻)\s)?[{CJK}]{{0,12}}\s*[/／]?\s*(?:供图|摄|攝))$"
)
_CREDIT_WORD = re.compile(r"提供|供图|摄|攝|源|取自|资料|截图|网络图片")
_CAPTION_MARK = re.compile(r"^(?:[▲△▼■●◆►]+|(?:[上下左右]?[图圖][①-⑳]?|图说)\s*[:：/／])\s*")  # also a photo story's `图①：`


# What is left of a line that only credits a photo (`新华社记者 刘文博 摄`, `新华社发（陈云飞摄）`).
_CREDIT_ONLY = re.compile(rf"^[{CJK}]{{0,10}}(?:记者|社发|社|网|报|台|发|新闻)$")


def _without_mark_and_credit(text: str) -> str:
    return PHOTO_CREDIT_END_RE.sub("", _CAPTION_MARK.sub("", text)).strip()


# Short lines that stand alone but describe no photo: an end mark (`完`), a tool (`字号`), a date,
# a list's bullet item, a note in brackets (`（作者系…）`, `（此件主动公开）`), a signature's name or
# office, a bare label (`/ 01 /`), a trending topic (`近日话题#…#冲上微博热搜`).
_NO_CAPTION_RE = re.compile(
    rf"^(?:.{{0,3}}|[‧•·・]\s*.*|.*#[^#\s]{{2,40}}#.*|[（(][^（()）]{{2,30}}略[)）]|[（(](?:作者系|此件|注|本文|编者)[^）)]*[)）]|[/／|｜\s]*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[/／|｜\s]*"
    rf"|(?:(?:19|20)\d{{2}}|二[〇○零一二三四五六七八九]{{3}})年[\d一二三四五六七八九十]{{1,3}}月[\d一二三四五六七八九十]{{1,3}}日.{{0,8}}"
    rf"|[{CJK}]{{2,3}}|[{CJK}]{{2,24}}?(?:部|处|办公室|委员会))$"
)


def is_caption_text(text: str) -> bool:
    """Whether a short line standing alone can be a photo's caption (not `完`, a date, a name)."""
    return not _NO_CAPTION_RE.match(text.strip())


def is_photo_credit(text: str) -> bool:
    """A line that names who took a photo and says nothing of it."""
    words = _without_mark_and_credit(text)
    return words != text.strip() and (not words or bool(_CREDIT_ONLY.match(words)))


def caption_text(text: str) -> str:
    """A caption's own words: without the mark that points at the photo, its credit or its full stop."""
    words = _without_mark_and_credit(text)
    if words.endswith("。") and words.count("。") == 1:
        words = words[:-1]
    return words or text

# A short line that is a field of the page, not a caption: `院训：仁心 精术`, `地址：…`.
FIELD_LINE_RE = re.compile(rf"^[{CJK}]{{2,8}}(?:[（(][^）)]{{1,8}}[)）])?[:：]\s*\S")  # also `先进集体（3个）：…`


def is_credited_caption(text: str) -> bool:
    """A line that ends in a photo's credit and is no longer than a caption (one sentence)."""
    if len(text) > 240 or not _CREDIT_WORD.search(text, max(0, len(text) - 50)):
        # The credit starts within a caption's 80 characters and ends the line, no credit runs 160,
        # and each names what it is within its last 45 characters: no paragraph is searched at
        # every character (1.7 s of 4 s of parsing 1,000 articles).
        return False
    match = PHOTO_CREDIT_END_RE.search(text)
    if not match or match.start() == 0:
        return False
    before = text[:match.start()]
    return len(before) <= 80 and sum(before.count(mark) for mark in "。！？!?") <= 1
SUBTITLE_RE = re.compile(r"^(?:——|—|--|－－|-)\s*(?P<text>\S.*)$")

BREADCRUMB_RE = re.compile(r"^(?:[^<>＞»]{1,20}\s*[>＞»]{1,2}\s*){2,}[^<>＞»]{0,20}$|^(?:当前位置|您的位置|首页)\s*[:：>＞]"
                           r"|^[^<>＞»\s，。]{2,20}\s+[>＞»]{1,2}\s+[^<>＞»\s，。]{2,12}$")  # `林州市卫生健康委员会 > 工作动态`
# Words of an outlet's own line above a page's metadata (`辽宁广播电视台 新闻中心 播出稿`).
MASTHEAD_WORD_RE = re.compile(r"(?:电视台|广播|日报|晚报|早报|时报|报社|院报|新闻网|新闻中心|融媒体中心|客户端|播出稿)")
HEADLINE_LABEL_RE = re.compile(r"^(?:(?:留言标题|标题|题目)\s*[:：]|【[^】]{2,6}】|【视频】)\s*(?=\S{8})")
POST_HEADLINE_RE = re.compile(r"^(?:#[^#\s]{1,20}#\s*)*【(?P<title>[^】]{6,50})】\s*(?P<rest>\S.{10,})$")
HEADLINE_BULLET_RE = re.compile(r"^[●■◆▲★☆◇□▶►·•]\s*")
# The words that open the second line of a headline set on two: `暨…表彰大会`, `及…`.
HEADLINE_JOIN_RE = re.compile(r"^(?:暨|及|并|以及)[\u4e00-\u9fff“]")
# The name of a paper, a broadcaster or a news site.
OUTLET_RE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:日报|晚报|早报|时报|商报|报|网|电视台|新闻|融媒|融媒体|融媒体中心|客户端)$")
# Blocks that end the article body on web pages: everything after them is furniture.
STOP_RE = re.compile(r"^(?:延伸阅读|相关阅读|相关新闻|相关链接|相關連結|本版其他文章|本版其他新闻|推荐阅读|热点推荐|热门排行|精彩推荐|往期推荐|往期回顾|版权声明|免责声明"
                     r"|特别声明|更多[\u4e00-\u9fff]{0,10}(?:内容|新闻|资讯|视频|报道)\s*(?:>>|>|》|→)|热新闻|热门新闻|相关视频|热门视频|更多视频|作者最新文章|作者其他文章|作者更多文章|相关推荐|为你推荐|为您推荐|猜你喜欢|大家都在看|更多精彩|热门推荐|热门文章"
                     r"|评论\s*\d+|全部评论|热门评论|精选留言|网友评论|喜欢此内容的人还喜欢|共\s*[\d.]+万?\s*条(?:评论|回复)"
                     r"|【?责任编辑|分享到|上一篇|下一篇|上一条|下一条|传媒查询|傳媒查詢|媒体查询|【(?:媒体|新闻)联系人】|#\d{1,4}楼|\d{1,4}楼\s+作者|完$|（完）$|[-—]+\s*完\s*[-—]+$)\s*[:：】]?")

# What a copied page, e-paper or post carries around an article besides navigation: its tools
# (print, share, font size), follow prompts, image placeholders, end marks. Never the article's.
_TOOL_WORDS = ("只看楼主", "倒序浏览", "打印本页", "打印", "关闭窗口", "关闭", "收藏", "分享到", "分享", "点赞", "在看", "转发", "微信", "微博", "QQ空间", "复制链接", "朋友圈", "字号", "字体",
               "上一篇", "下一篇", "返回目录", "返回列表", "返回首页",
               "大 中 小", "大中小", "上一版", "下一版", "版面导航", "PDF下载", "纠错", "返回顶部", "扫一扫", "【大】", "【中】", "【小】",
               "文字大小", "A A A", "English", "简体", "繁體", "繁体", "上一期", "下一期", "标题导航",
               "PDF版下载", "返回版面", "回到首页", "版面概览", "版面目录", "往期回顾", "放大", "缩小", "默认", "A-", "A+", "PDF版", "搜索", "登录", "注册",
               "下载客户端", "发布作品", "发现", "订阅", "无障碍浏览", "无障碍", "手机版", "院长信箱", "长者模式", "关怀版")
_FURNITURE_RE = re.compile(
    r"^[▲△↑☝👆]?\s*(?:[+＋]\s*关注|听全文|[\d.]+万?粉丝|附件\s*[:：]\s*(?:相片|照片|图片)$|新闻稿|新聞稿|新闻通稿|新聞通稿|新闻公报|新聞公報|Press Release|PRESS RELEASE|(?:即时发布|即時發布)\s*(?:FOR IMMEDIATE RELEASE)?|FOR IMMEDIATE RELEASE|点击(?:上方|下方|标题下)?(?:蓝字|关注).*|关注我们|.{0,6}点个?[“\"]?在看[”\"]?.*|阅读原文|长按(?:识别|扫描|扫码).*"
    r"|[-—－=*\s]*END[-—－=*\s]*|阅读\s*\d+(?:\s*在看\s*\d+)?|\[(?:图片|img|视频)\]|[（(](?:图片|圖片|照片)[)）]|图片|<img[^>]*>|[（(]?(?:完|全文完)[)）]"
    r"|稿件[一二三四五六七八九十\d]{1,3}|[\u4e00-\u9fff]{0,12}(?:老师|编辑|同志|领导)们?(?:好|您好)[：:，,！!]?|(?:播放\s*)?\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}(?:\s+(?:标清|高清|超清|流畅|倍速|分享到|全屏|[|｜]|\s)*)?|[\u4e00-\u9fff·]{2,10}\s*第\s*[A-Z]?\d{1,3}\s*版|第\s*(?:[A-Z]?\d{1,3}|[一二三四五六七八九十]{1,3})\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff·]{2,8})?|\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]|\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?:\s*·\s*来自[\u4e00-\u9fff]{2,8})?"  # a day, no year
    r"|[【\[]?(?:导语|正文|结束)[】\]]|返回顶部|打印本页|关闭窗口|.{0,4}分享(?:给|让).{0,12}|图片加载(?:失败|中).{0,10}|点击重试"
    r"|(?:【最新】)?\s*按时间(?:倒序|正序|顺序)排列.{0,12}|.{0,16}下拉刷新"  # a live blog's tools
    r"|【(?:本期|本版|今日)?导读】|[【\[]?(?:专家档案|专家名片|医生名片|专家简介|人物档案)[】\]]?|项目\s+内容|[\u4e00-\u9fff]{2,8}\s*·\s*\d{1,4}\s*·?|·\s*\d{1,4}\s*·\s*[\u4e00-\u9fff]{2,8}|(?:姓名|单位|职称|擅长|专长|出诊时间|门诊时间)\s+\S.{0,60}|[（(]第[一二三四五六七八九十\d]{1,3}版完[)）]|.{0,30}内资准字.{0,24}|内部资料\s*(?:注意保存|免费交流)"  # an in-house paper's
    r"|[（(]?信息公开(?:形式|选项|方式)[:：].{0,10}[)）]?|(?:新闻稿|新闻通稿)?\s*[|｜/]?\s*(?:press|news)\s+release"
    r"|(?:打开|下载|安装)\s*[\u4e00-\u9fff]{0,8}\s*(?:APP|App|app|客户端).{0,12}|下载[\u4e00-\u9fff]{2,8}(?:新闻|日报|客户端)|下载[\u4e00-\u9fff]{2,4}|打开|立即打开|APP内打开|查看原文|展开全文|举报|评论|写评论"
    r"|.{0,30}ICP备\s*[\dxX*]{6,}号(?:-\d+)?.{0,30}|.{0,30}公网安备\s*[\dxX*]{6,}号.{0,20}"
    r"|\+?\s*关注|关注\s*[+＋]|[\d.]+万?粉丝|举报\s*/\s*反馈|预览时标签不可点|分享\s*收藏\s*赞\s*在看|写留言|微信扫一扫.{0,12}"
    r"|(?:喜报|喜讯|重磅|祝贺|热烈祝贺|速看|好消息)[！!]*"
    r"|(?:中共)?[\u4e00-\u9fff]{2,12}机关报(?:\s*今日\s*\d{1,2}\s*版)?|今日\s*\d{1,2}\s*版"  # a paper's masthead furniture
    r"|.{0,30}(?:国内统一(?:连续出版物|刊)号|邮发代号)\s*[:：]?\s*(?:CN\s*)?[\dA-Z]{1,2}\s*-\s*\d{1,4}.{0,60}"
    r"|登录|注册|登录\s*[/|｜]?\s*注册|(?:百度|网易|搜狐|新浪|腾讯)?首页"  # a portal's top bar
    # an app's or a platform's own bar and counters over a post copied from it
    r"|小红书|百度快照|小宇宙|知乎(?:专栏|知学堂)?|抖音|快手|哔哩哔哩|今日头条|微信公众平台|发现|直播|发布|搜索|私信|等你来答|切换模式|写文章"
    r"|已认证(?:账号|帐号)|[\d.]+万?\s*人赞同了该(?:文章|回答)|\d{1,2}\s*/\s*\d{1,2}"
    r"|收录于(?:合集|话题).{0,30}|#[^#\s]{1,20}\s*\d+个"  # a WeChat post's collections
    r"|搜索\s*[:：]?\s*\[[\s_]*\]\s*(?:搜索)?|共\s*\d+\s*条(?!评论|回复)(?:记录|信息)?.{0,60}|页次\s*[:：]?\s*\d+\s*/\s*\d+.{0,40}"  # a list page's search and pages
    r"|\[(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\]\s*.{2,60}"  # a list page's dated links
    r"|\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?.{0,40}|清晰度\s*[:：].{0,8}"  # a video player
    r"|(?:\d{1,2}\s*[.、．]\s*)?[^\s]{2,60}\.(?:pdf|docx?|xlsx?|wps|zip|rar|ofd)(?:\s*[（(][^（()）]{0,20}[)）])?"  # an attachment's link
    r"|附件\s*[:：]|(?:主办|承办|协办)单位\s*[:：].{2,60}|网站标识码.{0,40}"  # a site's attachments label and footer
    r"|字级|复制链接|复制连结|订阅|Facebook|Line|LINE|X|Twitter|微信|微博|QQ"  # a share bar, one tool a line
    r"|[大中小]字号|解说词\s*[:：]?|[【\[](?:解说|画面|字幕|现场画面|主持人|演播室)[】\]]"  # a broadcast script's labels
    r"|[【\[](?:画面|现场画面|字幕|镜头)[】\]].{0,60}|\[\d{1,2}:\d{2}(?::\d{2})?\]"  # what the video shows, a time code
    r"|[【\[](?:片头|片尾|片花|广告)?(?:音乐|音效|片头|片尾|片花|转场|广告)[】\]]"  # a programme's cues: `【片头音乐】`
    # a short-video page: its counters, music, tags, the label over the post's text, the account's card
    r"|(?:[♥❤💬★☆↗⭐👍]\s*[\d.]+\s*[万wW]?\s*){2,}|♬.{0,60}|(?:#[^#\s]{1,20}\s*){2,}|(?:#[^#\s]{1,24}#\s*){2,}|(?:配文|文案|视频文案)\s*[:：]?"
    r"|V\s+.{2,30}(?:官方微博|官方账号|认证)|.{2,30}官方账号\s*[+＋]\s*关注"  # an account's badge, its follow button
    r"|(?:抖音|快手|视频)号\s*[:：].{0,60}|获赞\s*[\d.]+万?.{0,40}|简介\s*[:：].{0,60}|[-—－=]{2,}\s*(?:作品|视频|动态)\s*[-—－=]{2,}"
    r"|V|微博(?:官方)?认证[:：].{0,30}|扫一扫.{0,16}|.{0,4}(?:在|用)手机(?:上)?(?:打开|浏览|阅读).{0,10}|转发\s*\d+.{0,20}评论\s*\d+.{0,20}|O?网页链接|收起全文\s*.?|展开全文\s*.?|已有\s*[\d.]+万?\s*人(?:阅读|浏览|观看).{0,8}|(?:浏览量|阅读量|播放量|点击量|浏览次数|阅读数)\s*[:：]?\s*[\d.]+\s*[万wW]?次?|评论\s*[（(]\d+[)）]"
    r"|第\s*[A-Z]?\d{1,3}\s*版(?:\s*[\u4e00-\u9fff·]{1,8})?|第\s*\d{1,3}\s*页\s*共\s*\d{1,3}\s*页|[（(](?:根据|据)?(?:现场)?录音整理.{0,20}[)）]|[（(]作者单位[:：].{1,40}[)）]"
    r"|[-—－\s]*(?:第\s*)?\d{1,3}(?:\s*页)?[-—－\s]*"  # a page number: `— 3 —`
    rf"|(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*(?:第\s*\d{{1,4}}\s*期\s*)?[{CJK}]{{2,10}}报"  # a running head, the day first
    rf"|[{CJK}]{{2,10}}(?:日报|晚报|早报|时报|报)\s*(?:19|20)\d{{2}}\s*年(?:\s*\d{{1,2}}\s*月)?"  # a running head
    rf"(?:\s*第?\s*[A-Z]?\d{{1,3}}\s*版.{{0,12}})?)$",  # (with its day, the page's masthead: metadata)
    re.IGNORECASE)
# An image's place in copied text: `[图片]`, `<img src=… alt=…>`.
IMAGE_RE = re.compile(r"^(?:\[(?:图片|img|image|圖片)\]|[（(](?:图片|圖片|照片)[)）]|图片|圖片|<img[^>]*>)$", re.IGNORECASE)
# An e-paper's page: `第A06版：健康周刊`, `A06版 健康周刊`.
_CACHE_BANNER = re.compile(r"^(?:您查询的关键词是|[（(]?百度和网页\S{0,200}的作者无关|[（(]?百度快照谨为)")
_AD_LINE = re.compile(r"^[【\[]\s*(?:广告|廣告|推广|推廣)\s*[】\]]")
_PAGE_LABEL_RE = re.compile(r"^第?[A-Za-z]{0,2}\d{1,5}版\s*[:：]?\s*[\u4e00-\u9fff·]{0,10}(?:\s*(?:上一版|下一版|上一期|下一期))*$"
                            r"|^[A-Z]{1,2}\d{1,2}\s+[\u4e00-\u9fff·]{2,8}$")  # a paper's page and column: `A12 中部综合`
_NAV_PARTS = re.compile(r"\s*[|｜]\s*|\s{2,}")


# A box drawn around a page's contents: its edges (`┌──── 导 读 ────┐`), and lines that send the
# reader to a page (`▶市妇幼保健院开设…专病门诊 ……见本版`).
_BOX_EDGE = re.compile(r"^[┌└╔╚┏┗╭╰][─━═┄┅\s\u4e00-\u9fff]*[┐┘╗╝┓┛╮╯]?$")
_SEE_PAGE = re.compile(r"(?:…{1,}|\.{3,}|·{3,})\s*(?:见|详见)?(?:本版|第?[A-Z]?\d{1,2}版|第?[一二三四五六七八九十]{1,3}版)$")


@lru_cache(maxsize=8192)
def furniture_of(text: str) -> str | None:
    """The flag a line of page furniture is dropped with (`dropped_navigation` for a bar of
    links, `dropped_boilerplate` for tools, prompts and placeholders); None for a line that may
    be the article's."""
    if is_mail_leftover(text):
        return "dropped_boilerplate"  # a MIME part's boundary or header, an undecoded quoted-printable line
    if _CACHE_BANNER.match(text):
        return "dropped_boilerplate"  # a search engine's cached copy: its banner over the page
    if _AD_LINE.match(text) and len(text) <= 120:
        return "dropped_boilerplate"  # `【廣告】清水新市鎮 景觀2房+車位…`: a strip of advertising between items
    if len(text) > 80 or has_sentence_punctuation(text.rstrip("！!")):
        return None
    if _FURNITURE_RE.match(text) or SEPARATOR_RE.match(text) or _PAGE_LABEL_RE.match(text):
        return "dropped_boilerplate"
    if _BOX_EDGE.match(text):
        return "dropped_boilerplate"  # `┌──── 导 读 ────┐`: a box's edge, its title set in it
    if _SEE_PAGE.search(text):
        return "dropped_navigation"  # `▶市妇幼保健院开设…专病门诊 ……见本版`: a page's contents, a link each
    parts = [part for part in _NAV_PARTS.split(text) if part]
    if len(parts) >= 4 and all(len(part) <= 10 for part in parts):
        return "dropped_navigation"  # `首页 | 要闻 | 时政 | 地方`
    words = text.split(" ")
    if len(words) >= 4 and "首页" in words[0] and all(len(word) <= 8 for word in words):
        return "dropped_navigation"  # `首页 机构概况 政务公开 政策文件`
    words = re.split(r"[ \u3000]", text.strip())
    if len(words) >= 5 and all(2 <= len(word) <= 6 for word in words) and not re.search(r"[，、：:“”]", text) \
            and not re.search(r"记者|通讯员|编辑|作者|报道|实习生|摄|文/|/图", text) \
            and not re.match(r"(?:序号|编号|姓名|名称|单位|科室|岗位)\s", text):  # a table's header row
        return "dropped_navigation"  # an app's channels: `推荐　要闻　新思想　综合　实播　湖北学习平台`
    rest = text
    for word in _TOOL_WORDS:
        rest = rest.replace(word, "")
    if len(rest) < len(text) and len(re.sub(r"[\s:：【】\[\]|｜/<>《》«»◀▶]", "", rest)) <= 2 and len(text) - len(rest) >= 4 \
            and not STOP_RE.match(text):  # `往期回顾` alone opens a block of links: the article ends there
        return "dropped_boilerplate"  # `字号：大 中 小  打印本页  关闭窗口`, `【打印本页】 【关闭窗口】`
    return None
COPYRIGHT_RE = re.compile(r"版权(?:均)?(?:属|归|所有)|未经(?:\S{0,6})?授权|不得转载|Copyright|©|本站不作任何保证"
                          r"|仅代表(?:该)?作者(?:或机构)?(?:本人)?观点|不代表\S{0,10}(?:的)?观点(?:或立场)?")

# Ordinals in front of a heading: `A `, `1 `, `一、`, `（一）`, `第一部分`.
LABEL_RE = re.compile(
    r"^(?:(?P<a>[A-H]|\d{1,2}|[一二三四五六七八九十]{1,3})(?:[、.．]\s*|\s*[|｜丨]\s*|\s+)"
    r"|[（(](?P<b>[一二三四五六七八九十\d]{1,3})[)）]\s*"
    r"|(?P<c>第[一二三四五六七八九十\d]{1,3}(?:部分|章|节|篇))\s*)(?P<heading>\S.*)$"
)
BRACKET_HEADING_RE = re.compile(r"^【(?P<heading>[^】]{2,30})】$")
SPACED_RE = re.compile(rf"^[^\s]*[{CJK}”」][^\s]* [^\s]*[{CJK}“「][^\s]*(?: [^\s]+)?$")

# Words that open a new paragraph. A line after an unfinished paragraph that begins with one of
# them starts afresh; the unfinished one was cut (flagged as truncated).
OPENERS = (
    "此外", "同时", "另外", "与此同时", "众所周知", "目前", "如今", "近年来", "近日", "日前", "今年", "去年",
    "据了解", "据介绍", "据悉", "值得一提的是", "为了", "为此", "因此", "但是", "然而", "首先", "其次",
    "最后", "一是", "二是", "三是", "四是", "五是", "走进", "来到", "该院", "该科", "医院", "我们", "他们",
    "她们", "我院", "全院", "院党委", "截至", "随着", "围绕", "按照", "通过", "坚持", "面对", "作为",
)
OPENER_RE = re.compile(r"^(?:" + "|".join(OPENERS) + r"|(?:19|20)\d{2}年|\d{1,2}月\d{1,2}日)")

# The speaker of a work report or speech on a line of its own: `院长 李明华`, `——党委书记、院长 李明华`,
# `李明华（院长）`.
_SPEAKER_ROLE = r"(?:党委书记|党委副书记|执行院长|常务副院长|副院长|院长|书记|主任|理事长|局长)"
SPEAKER_RE = re.compile(
    rf"^(?:——\s*)?(?P<role>{_SPEAKER_ROLE}(?:[、兼]{_SPEAKER_ROLE})*)\s+(?P<name>[{CJK}]{{2,4}})$"
    rf"|^(?P<name2>[{CJK}]{{2,4}})\s*[（(](?P<role2>{_SPEAKER_ROLE}(?:[、兼]{_SPEAKER_ROLE})*)[)）]$"
)
# An address that opens a speech (`各位代表、同志们：`): body text, not a heading or a caption.
# A list item a post marks with an emoji (`✅分娩计划制定：…`, `📍在哪里：…`): a paragraph of its own.
EMOJI_ITEM_RE = re.compile("^[\u2300-\u23ff\u2600-\u27bf\u2b50\U0001f300-\U0001faff]")
SALUTATION_RE = re.compile(r"^[^。！？]{2,30}[:：]$"
                           # a post's greeting to its readers opens its text: `姐妹们好呀～这里是…`, `大家好，我是…`
                           r"|^(?:大家|各位|亲们|宝妈们|姐妹们|家人们|朋友们|小伙伴们)[\u4e00-\u9fff]{0,4}好[呀啊哇呢吖]?[～~，,！!\s]")

SHORT_LINE = 50
MAX_HEADING = 30


@dataclass
class Line:
    text: str
    start: int
    end: int
    gap: int  # blank lines before this one
    indent: int = 0  # space characters before its first character

    @property
    def span(self) -> Span:
        return (self.start, self.end)


LINE_END = re.compile(r"\r\n|\r|\n")
# A wide run of spaces inside a line, a metadata line's start after it.
_METADATA_AFTER_GAP = re.compile(r"(?<=\S)[ \t\u3000\u00a0]{4,}(?=\S)")
_EDGE_SPACE = " \t\u00a0\u3000\ufeff\u2000\u2001\u2002\u2003\u2009\u200b\u202f" + FILLER


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their spans in the raw text (LF, CRLF and CR line ends), and the
    number of blank lines before each."""
    lines: list[Line] = []
    gap = 0
    pos = 0
    while pos <= len(text):
        match = LINE_END.search(text, pos)
        end = match.start() if match else len(text)
        raw = text[pos:end]
        if (split := _METADATA_AFTER_GAP.search(raw)) and han_count(raw[:split.start()]) >= 8 \
                and parse_metadata_line(raw[split.end():]) and not parse_metadata_line(raw):
            # `标题                来源：河北卫视 编辑：李梦瑶`: two lines set on one.
            head = clean_line(raw[:split.start()])
            if head:
                lead = len(raw) - len(raw.lstrip(_EDGE_SPACE))
                lines.append(Line(head, pos + lead, pos + len(raw[:split.start()].rstrip(_EDGE_SPACE)),
                                  gap if lines else 0, sum(1 for ch in raw[:lead] if ch != FILLER)))
                gap = 0
            raw, pos_line = raw[split.end():], pos + split.end()
        else:
            pos_line = pos
        cleaned = clean_line(raw)
        if cleaned:
            lead = len(raw) - len(raw.lstrip(_EDGE_SPACE))
            trail = len(raw) - len(raw.rstrip(_EDGE_SPACE))
            indent = sum(1 for ch in raw[:lead] if ch != FILLER)
            lines.append(Line(cleaned, pos_line + lead, end - trail, gap if lines else 0, indent))
            gap = 0
        else:
            gap += 1
        if not match:
            break
        pos = match.end()
    return lines


# Text hard-wrapped at a fixed width (a PDF's or a print column's lines): most lines this long.
WRAP_MAX_WIDTH = 45
WRAP_MIN_LINES = 8


_PAGE_NUMBER_LINE = re.compile(r"^[-—－\s]*(?:第\s*)?\d{1,3}(?:\s*页)?[-—－\s]*$")


def unwrap(lines: list[Line]) -> list[Line]:
    """Lines of text wrapped at a fixed width (a PDF, a print column) joined into paragraphs: a
    full-width line that does not end a sentence goes on in the next line, unless that one is
    indented (a new paragraph) or stands after a blank line; the page's furniture between the
    two halves (`— 3 —`, a running head) is passed over and kept for the reader to drop. Text
    not so wrapped is returned as it is."""
    def reach(line: Line) -> int:  # where the line ends on the page, in characters
        return line.indent + len(line.text)

    widths = Counter(reach(line) for line in lines if len(line.text) >= 12)
    if not widths:
        return lines
    width, _ = max(widths.items(), key=lambda item: (item[1], item[0]))
    # A line with digits or Latin letters holds more characters in the same room: `…已于3月8日康`.
    full = sum(1 for line in lines if width - 2 <= reach(line) <= width
               or width < reach(line) <= width + 3 and len(re.findall(r"[0-9A-Za-z.%]", line.text)) >= 2 * (reach(line) - width))
    if width > WRAP_MAX_WIDTH or full < WRAP_MIN_LINES or full * 5 < sum(widths.values()) * 2:
        return lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        current, last = lines[i], lines[i]
        i += 1
        passed: list[Line] = []
        # A page's date line as wide as the text (`2024年3月22日　星期五　农历…`) goes on in nothing.
        while reach(last) >= width - 2 and not furniture_of(last.text) and not parse_metadata_line(current.text):
            j = i
            page_break = False  # past a page's number, its running head and date are the page's too
            while j < len(lines) and (furniture_of(lines[j].text) or page_break and parse_metadata_line(lines[j].text)):
                page_break = page_break or bool(_PAGE_NUMBER_LINE.match(lines[j].text))
                j += 1
            if j >= len(lines):
                break
            following = lines[j]
            if 1 <= following.indent <= 8 or (following.gap and j == i) or not (
                    not ends_sentence(current.text) or following.text[:1] in CLOSERS + "。，、；："):
                break
            passed += lines[i:j]
            # Words of a Latin script part at a line's end; a number (`共计2` / `76个`) does not.
            joiner = " " if current.text[-1:].isascii() and current.text[-1:].isalpha() \
                and following.text[:1].isascii() and following.text[:1].isalpha() else ""
            current = Line(current.text + joiner + following.text, current.start, following.end, current.gap,
                           current.indent)
            last = following
            i = j + 1
        out.append(current)
        out += passed
    return out


_EXCLAIMED_LABEL = re.compile(rf"^(?:[{CJK}]{{2,4}}[！!]|[{CJK}“”]{{2,6}}[，,][{CJK}“”]{{2,6}}[！!]"  # also `“早”安，小勇士！`
                              rf"|[{CJK}0-9.%“”、]{{4,14}}[！!？?])\s*")


_UPDATED_NOTE = re.compile(r"[（(](?:已|有)?(?:更新|附|补充)[^（()）]{0,12}[)）]$")


def is_question_headline(text: str) -> bool:
    """A headline that asks (`体检查出甲状腺结节，一定要做手术吗？`), or one a cry opens
    (`喜报！我院3名医护人员获评…`): one question or cry, no full stop."""
    if (label := _EXCLAIMED_LABEL.match(text)) and len(text) <= 50 and (
            is_short(text[label.end():]) or (label.group(0)[-1:] in "！!？?" and is_short(text[label.end():].rstrip("！!？?")))):
        return True  # also `从750克到2500克！超早产宝宝…出院`, `医生家中搜出1.5亿？最新回应！`
    text = _UPDATED_NOTE.sub("", text)  # `…这正常吗？（已更新医院官方回复）`: the poster's note after the question
    stripped = text.rstrip(CLOSERS + " ")
    return (len(text) <= 40 and stripped[-1:] in "？?！!" and "。" not in text
            and sum(text.count(mark) for mark in "？?！!") <= 2 and text.count("，") + text.count(",") <= 2)


def is_short(text: str) -> bool:
    """Headline, heading or caption material: brief, no sentence punctuation, at most one comma
    (a line of several clauses is prose), and not an opened quotation (a line that opens a quote
    and stops is the first half of a paragraph)."""
    return (
        len(text) <= SHORT_LINE
        and not has_sentence_punctuation(text)
        and text.count("，") + text.count(",") <= 1
        and text.count("“") <= text.count("”")
        and text.count("（") + text.count("(") <= text.count("）") + text.count(")")
    )


def kicker_of(line: Line, next_line: Line | None, at_file_start: bool = False) -> str | None:
    # `徐州市 中心医院:`: a scan's stray space inside the name is no part of it
    match = KICKER_RE.match(line.text) or (len(line.text) <= 32 and KICKER_RE.match(CJK_GAP_RE.sub("", line.text)))
    if not match or next_line is None or STOP_RE.match(line.text):
        return None
    org = match["org"]
    if not re.search(ORG_SUFFIX + "$", org) and (len(org) > 20 or not at_file_start):
        return None
    if not is_short(next_line.text) or parse_metadata_line(next_line.text) or STOP_RE.match(next_line.text):
        return None
    return org


def kicker_title_of(line: Line) -> tuple[str, str] | None:
    match = KICKER_TITLE_RE.match(line.text)
    if not match:
        return None
    org, title = match["org"] or match["org2"], match["title"] or match["title2"]
    if has_sentence_punctuation(title) or len(title) > 45:
        return None
    return org, title.strip()


# A yearbook entry's run-in section label: `【概况】 梧川市人民医院始建于1951年，…` under the entry's name.
YEARBOOK_LABEL_RE = re.compile(r"^【(?:概况|基本情况|医疗工作|医疗业务|科研教学|教学科研|科研工作|教学工作|学科建设|人才队伍|"
                               r"人才培养|党建工作|党的建设|荣誉|获得荣誉|大事记|医院管理|护理工作|信息化建设|对外交流|基础建设|"
                               r"公共卫生|改革发展)】")
# The mark some pages set before every heading (`◆ 专科建设跑出加速度`, `▶ …`, `■ …`).
HEADING_MARK_RE = re.compile(r"^[◆◇■□▶►▷●○★☆▎▌▍▋]\s*")


def label_of(text: str) -> tuple[str | None, str] | None:
    """Split an ordinal label from a heading's words; None when the line has no label."""
    match = BRACKET_HEADING_RE.match(text)
    if match:
        return None, match["heading"].strip()
    match = LABEL_RE.match(text)
    if not match or han_count(match["heading"]) < 2:
        return None
    label = match["a"] or match["b"] or match["c"]
    return label, match["heading"].strip()


# A subhead of two short clauses: `远程会诊，乡村患者少跑路`.
COMMA_HEAD_RE = re.compile(r"^[^，,、。！？；：:（）()]{2,12}，[^，,、。！？；：:（）()]{2,14}$")


# A heading's ordinal on a line of its own above it: `01`, `/ 02 /`, `PART 3`, `三`.
LABEL_ONLY_RE = re.compile(r"^[/／|｜\s]*(?:PART|Part|part)?\s*(?P<label>\d{1,2}|[一二三四五六七八九十]{1,3})[/／|｜\s.．、]*$")


def join_label_lines(lines: list[Line]) -> list[Line]:
    """`01` / `术前｜给肿瘤画一张“三维地图”`: a post's numbered heading set on two lines is one."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        label = LABEL_ONLY_RE.match(line.text)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if label and following is not None and not following.gap and is_short(following.text) \
                and not ends_sentence(following.text) and not LABEL_ONLY_RE.match(following.text):
            out.append(Line(f"{label['label']} {following.text}", line.start, following.end, line.gap))
            index += 2
            continue
        out.append(line)
        index += 1
    return out
