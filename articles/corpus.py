"""A deterministic generator of realistic hospital features, for benchmarks (`make_corpus`).

It recombines what the seeds are made of: their sentences (with the seed hospitals' names
replaced), their layouts (kicker line, `XX医院：headline`, metadata lines, reporter lines, labelled
and spaced headings, captions, bylines, copyright blocks) and their damage (a paragraph broken
by a caption, a paragraph printed twice, OCR spaces, a dash read for 一), with hospital names
built from real provinces, cities and counties. Same seed, same files, byte for byte.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

from articles.extraction.places import _divisions
from articles.parsing import parse_bytes

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SUFFIXES = ("人民医院", "第一人民医院", "第二人民医院", "中心医院", "中医医院", "中医院", "妇幼保健院", "中西医结合医院")
SEED_HOSPITALS = re.compile(r"(?:洛阳市|商丘市|平顶山市|汝州市|重庆市|衡阳市)?(?:孟津区|綦江区)?(?:中心医院|第一人民医院|第二人民医院|中医院|中医医院|人民医院)")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛"
GIVEN = "建国伟华明军平志红英晓东海燕丽静敏强磊洋勇艳杰娟涛超秀兰霞峰刚鹏辉春梅玉琴云飞文斌宇浩凯欣怡子涵佳琪"
SOURCES = ("健康报", "中国网", "人民网", "大众日报", "南方日报", "湖北日报", "四川日报", "河南日报", "浙江日报", "新华日报")
HEADINGS = ("党建引领 高位推动促发展", "深化改革 激发活力树形象", "上下联动 立足区域强学科", "亲民利民 创新举措优服务",
            "强党建 推动医院高质量发展", "学党史 切实为群众办实事", "提能力 在全区医疗机构中树标杆", "春华秋实 硕果累累",
            "优势明显 特色突出", "智慧医院 惠及患者", "人才强院 学科先行", "守护健康 服务百姓")
PLAIN_HEADINGS = ("党建主体责任全面加强", "医疗服务质量持续提升", "学科建设和人才培养取得新进步", "一个支部就是一面旗帜",
                  "一个岗位就是一份责任", "一项技术就是一个优势")
CAPTIONS = ("医护人员开展义诊活动", "门诊智能化药房", "心血管介入手术", "设施一流的重症医学科", "医院新貌",
            "组织党员干部开展红色主题实践活动", "召开康复技术交流会", "庆祝建党100周年", "远眺医院新院区")
HONOURS = ("全国改善医疗服务示范医院", "省级文明单位", "群众满意医院", "先进基层党组织", "抗击新冠肺炎疫情先进集体",
           "医院行风建设先进单位", "工人先锋号", "优秀县级医院", "改善医疗服务先进集体")
COPYRIGHT = ("延伸阅读:\n版权声明:\n\u00a0\u00a0\u00a0\u00a0凡注明来源{src}的作品,版权均属{src}所有,未经授权不得转载、摘编或利用其它方式使用上述作品。\n")


@lru_cache(maxsize=1)
def seed_sentences() -> tuple[str, ...]:
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for article in parse_bytes(path.name, path.read_bytes()).articles:
            for paragraph in article.paragraphs:
                for sentence in re.findall(r"[^。！？]+[。！？]”?", paragraph.text):
                    if 12 <= len(sentence) <= 160 and "荣誉称号" not in sentence:
                        sentences.append(sentence)
    return tuple(sentences)


@lru_cache(maxsize=1)
def places() -> tuple[tuple[str, str], ...]:
    """(city, county) pairs of real divisions, for hospital names."""
    provinces, cities, counties = _divisions()
    pairs = []
    for county in counties:
        city = cities.get(county.code[:4])
        if city and county.full.endswith(("区", "县", "市")) and len(county.full) <= 5:
            pairs.append((city.full, county.full))
    return tuple(pairs)


class ArticleMaker:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))

    def hospital(self) -> tuple[str, str]:
        city, county = self.rng.choice(places())
        suffix = self.rng.choice(SUFFIXES)
        if self.rng.random() < 0.5:
            return f"{city}{suffix}", f"市{suffix}"
        return f"{city}{county}{suffix}", f"{county}{suffix}"

    def paragraph(self, name: str, short: str) -> str:
        count = self.rng.randint(2, 5)
        text = "".join(self.rng.choice(seed_sentences()) for _ in range(count))
        text = SEED_HOSPITALS.sub(lambda m: self.rng.choice((name, short, "该院")), text)
        return text

    def article(self, index: int) -> tuple[str, str]:
        rng = self.rng
        name, short = self.hospital()
        layout = rng.randrange(5)
        leader, reporter, editor = self.person(), self.person(), self.person()
        title = rng.choice(("党建领航办实事 争创标杆惠民生", "奋力开启高质量发展新征程", "支部建在科室上 党建引领促发展",
                            "厚德济世 崇古创新 唱响健康四季歌", "凝心聚力 砥砺奋进 再谱新篇", "仁和精诚铸医魂 服务人民谱华章"))
        source = rng.choice(SOURCES)
        date = f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines: list[str] = []
        if layout == 0:
            lines += [f"{name}:", "", title, ""]
        elif layout == 1:
            lines += [title, "", f"发布时间:{date} 10:{rng.randint(10, 59)}:00\u00a0|\u00a0来源:{source}\u00a0|\u00a0作者:{reporter}\u00a0|\u00a0责任编辑:{editor}",
                      "", f"——{name}党委书记、院长{leader}", ""]
        elif layout == 2:
            lines += [f"{name}：{title}", ""]
        elif layout == 3:
            lines += [f"{source}网 > 政务 > 正文", f"{name} {title}", f"来源:{source}", f"时间: {date} 07:48:22 | 编辑:{editor}", ""]
            lines += [rng.choice(CAPTIONS), "", rng.choice(CAPTIONS), ""]
        else:
            lines += [f"{name}:", "", title, "", f"■{source[:2]}晚报全媒体记者 {reporter}", ""]
        lines += [self.paragraph(name, short), ""]
        labels = "ABCDEF" if layout == 3 else None
        for number in range(rng.randint(2, 4)):
            if labels:
                heading = f"{labels[number]} {rng.choice(HEADINGS)}"
            elif layout in (1, 4):
                heading = rng.choice(PLAIN_HEADINGS)
                if layout == 4 and rng.random() < 0.3:
                    heading = heading.replace("一", rng.choice(("-", "·", "--")), 1)
            else:
                heading = rng.choice(HEADINGS)
            lines += [heading, ""]
            for _ in range(rng.randint(2, 4)):
                text = self.paragraph(name, short)
                roll = rng.random()
                if roll < 0.15 and len(text) > 40:
                    cut = rng.randint(10, len(text) - 10)
                    lines += [text[:cut], "", "", "", rng.choice(CAPTIONS), "", text[cut:], ""]
                elif roll < 0.22:
                    lines += [text, "", text, ""]
                elif layout == 4 and roll < 0.6:
                    spaced = " ".join(text[i:i + 14] for i in range(0, len(text), 14))
                    lines += [spaced, ""]
                else:
                    lines += [text, ""]
            if rng.random() < 0.3:
                honours = rng.sample(HONOURS, rng.randint(2, 4))
                province = rng.choice(("河南省", "湖南省", "浙江省", "四川省", "全国"))
                quoted = "".join(f"“{province if not h.startswith(('全国', '省级')) else ''}{h}”" for h in honours)
                lines += [f"近年来，该院先后获得{quoted}等荣誉称号。{rng.randint(2015, 2024)}年，该院党委书记{leader}表示，"
                          f"将继续坚持公益性方向。", ""]
        if layout == 0:
            lines += [f"{reporter} {self.person()} 文/图", ""]
        elif layout == 1:
            lines[-2] = lines[-2] + f"(文图供稿:{reporter})"
        elif layout == 2:
            lines += [f"(本报记者 {reporter})", "", f"图片由{short}提供", "", rng.choice(CAPTIONS), ""]
        elif layout == 3:
            lines += [f"{reporter} {self.person()} 图片由{name}提供", "", COPYRIGHT.format(src=source)]
        return name, "\n".join(lines) + "\n"


def make_corpus(count: int, out: Path, seed: int = 1) -> dict:
    """Write `count` articles to `out` (one or two per file); return what was written."""
    rng = random.Random(seed)
    maker = ArticleMaker(rng)
    out.mkdir(parents=True, exist_ok=True)
    written, files, index = 0, 0, 0
    while written < count:
        per_file = 2 if rng.random() < 0.2 and count - written >= 2 else 1
        texts = [maker.article(index + i)[1] for i in range(per_file)]
        path = out / f"{files:06d}.txt"
        path.write_text("\n\n".join(texts), encoding="utf-8")
        written += per_file
        files += 1
        index += per_file
    size = sum(p.stat().st_size for p in out.glob("*.txt"))
    return {"articles": written, "files": files, "bytes": size}
