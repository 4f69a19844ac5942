"""The keys of `key：value` metadata lines (metadata.py reads them), by what their values fill: a
date, a source, authors, editors, or nothing the article keeps. Pure Python, no Django."""

from __future__ import annotations

import re

# Keys of `key:value` metadata, by what they fill.
DATE_KEYS = ("发布时间", "发表时间", "更新时间", "发布日期", "成文日期", "播出日期", "播出时间", "刊发日期", "时间", "日期", "Date",
             "留言时间", "回复时间", "答复时间", "发文日期", "公开日期", "生成日期", "访谈时间")
SOURCE_KEYS = ("来源", "新闻稿来源", "稿源", "出处", "Source", "本文转自", "转自", "转载自", "稿件来源", "信息来源", "文章来源", "新闻来源", "出品")
AUTHOR_KEYS = ("作者", "文字整理", "拍摄/剪辑", "拍摄", "摄像", "记者", "本报记者", "通讯员", "文", "撰文", "撰稿", "采写", "Author", "Reporter", "文字", "摄影", "图片", "图", "供稿", "文图供稿", "文/图", "文图", "图文")
EDITOR_KEYS = ("策划", "统筹", "主编", "执行主编", "副主编", "责任编辑", "责编", "编辑", "Editor", "互动编辑", "流程编辑", "实习编辑", "审核", "校对", "值班编辑", "本版责任编辑", "本版编辑", "本版责编", "本期编辑", "本期责编", "本期责任编辑", "编校", "美编", "责任校对", "初审", "复审", "终审", "审校")
# Keys of a page's metadata line that say nothing the article keeps (a count, a column).
IGNORED_KEYS = ("IP属地", "发布人", "访谈嘉宾", "出镜", "节目", "播音", "播出频道", "时长", "原文链接", "原文地址", "本文链接", "发布会主题", "地点", "索引号", "发布机构", "主题分类", "文号", "发文机关", "发文字号", "信息分类", "公开方式", "主办", "承办", "浏览次数", "浏览量", "点击数", "点击量", "阅读数", "阅读量", "访问量", "栏目", "时长", "字号", "字体", "版次", "版名",
               # a message board's form around a message and its reply (`留言类型：建议`, `办理速度：满意`)
               "留言对象", "留言类型", "留言领域", "留言人", "状态", "办理状态", "办理单位", "答复单位", "回复单位",
               "满意度", "解决程度", "办理态度", "办理速度",
               # a government disclosure page's table (`有效性：有效`, `主题词：…`) and its footer
               "有效性", "公开范围", "公开时限", "主题词", "体裁分类", "组配分类", "所属主题", "发文单位", "主办单位",
               "承办单位", "网站标识码")
# A press conference's form (`地　　点：…`, `发 布 人：…`): keys a transcript's speaker or a sentence may also open.
SPEAKING_KEYS = ("发布会主题", "地点", "访谈嘉宾")
ALL_KEYS = sorted(DATE_KEYS + SOURCE_KEYS + AUTHOR_KEYS + EDITOR_KEYS + IGNORED_KEYS, key=len, reverse=True)
KEY_RE = re.compile("(" + "|".join(re.escape(k) for k in ALL_KEYS) + r")\s*[:：／/｜|丨]\s*")
