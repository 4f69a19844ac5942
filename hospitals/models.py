from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

from core.links import detail_url
from core.models import HistoricalRecords, ImportedRecord, PublicQuerySet, ReviewStatus  # noqa: F401 (ReviewStatus, imported from here by others)


class Hospital(ImportedRecord):
    class Type(models.TextChoices):
        GENERAL = "general", "综合医院"
        TCM = "tcm", "中医医院"
        INTEGRATED = "integrated", "中西医结合医院"
        SPECIALIST = "specialist", "专科医院"
        MATERNAL_CHILD = "maternal_child", "妇幼保健院"
        PRIMARY = "primary", "基层医疗卫生机构"
        UNKNOWN = "", "未知"

    class Grade(models.TextChoices):
        GRADE_3A = "3A", "三级甲等"
        GRADE_3B = "3B", "三级乙等"
        GRADE_3 = "3", "三级"
        GRADE_2A = "2A", "二级甲等"
        GRADE_2B = "2B", "二级乙等"
        GRADE_2 = "2", "二级"
        GRADE_1 = "1", "一级"
        UNKNOWN = "", "未知"

    name = models.CharField("正式名称", max_length=100, unique=True)
    province = models.CharField("省份", max_length=20, blank=True, db_index=True)
    city = models.CharField("城市", max_length=30, blank=True, db_index=True)
    district = models.CharField("区县", max_length=30, blank=True)
    # Where the place came from: the 民政部 code of the most specific division the name gives
    # (county, else city, else province), so a reader or re-user can join other data on it.
    division_code = models.CharField("行政区划代码", max_length=12, blank=True, db_index=True)
    type = models.CharField("类型", max_length=20, choices=Type.choices, blank=True, default="", db_index=True)
    grade = models.CharField("等级", max_length=4, choices=Grade.choices, blank=True, default="", db_index=True)
    founded_year = models.PositiveSmallIntegerField("建院年份", null=True, blank=True)
    beds = models.PositiveIntegerField("床位数", null=True, blank=True)
    staff = models.PositiveIntegerField("职工数", null=True, blank=True)
    motto = models.CharField("院训", max_length=100, blank=True)

    objects = PublicQuerySet.as_manager()

    class Meta:
        verbose_name = "医院"
        verbose_name_plural = "医院"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(founded_year__isnull=True) | Q(founded_year__gte=1800, founded_year__lte=2100),
                                   name="hospital_founded_year_plausible",
                                   violation_error_message="建院年份应在 1800 到 2100 年之间。"),
            models.CheckConstraint(condition=~Q(name=""), name="hospital_name_not_empty",
                                   violation_error_message="正式名称不能为空。"),
        ]
        indexes = [models.Index(fields=["status", "name"], name="hospital_status_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return detail_url("hospitals:hospital-detail", self.pk)

    @property
    def place(self) -> str:
        """Province, city and district as one writes them: a municipality's name once
        (重庆市 綦江区, not 重庆市 重庆市 綦江区)."""
        parts: list[str] = []
        for part in (self.province, self.city, self.district):
            if part and part not in parts:
                parts.append(part)
        return " ".join(parts)


class HospitalAlias(models.Model):
    """Another name the papers use for a hospital (`綦江区人民医院`, `市二院`)."""

    hospital = models.ForeignKey(Hospital, on_delete=models.CASCADE, related_name="aliases", verbose_name="医院")
    name = models.CharField("别名", max_length=100, unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "医院别名"
        verbose_name_plural = "医院别名"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


PERSON_ALIAS_SEPARATOR = "、"  # between a person's other spellings (merges and renames keep them)


class Person(ImportedRecord):
    name = models.CharField("姓名", max_length=20)
    hospital = models.ForeignKey(Hospital, on_delete=models.PROTECT, related_name="people", verbose_name="医院")
    role = models.CharField("职务", max_length=60, blank=True)
    aliases = models.CharField("别名", max_length=100, blank=True, help_text="合并时保留的其他写法，以“、”分隔")
    articles = models.ManyToManyField("articles.Article", through="PersonMention", related_name="people",
                                      verbose_name="文章")

    objects = PublicQuerySet.as_manager()

    class Meta:
        verbose_name = "人物"
        verbose_name_plural = "人物"
        ordering = ["hospital__name", "name"]
        constraints = [models.UniqueConstraint(fields=["name", "hospital"], name="person_unique_name_hospital")]
        indexes = [
            models.Index(fields=["status", "name"], name="person_status_name"),
            # A hospital's public people (its page, its search documents): without it SQLite
            # reads every accepted person through the index above.
            models.Index(fields=["hospital", "status"], name="person_hospital_status"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.role}）" if self.role else self.name

    def get_absolute_url(self) -> str:
        return detail_url("hospitals:person-detail", self.pk)


class PersonMention(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions", verbose_name="人物")
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="person_mentions",
                                verbose_name="文章")
    role = models.CharField("文中职务", max_length=60, blank=True)
    evidence = models.TextField("原文证据", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "人物出处"
        verbose_name_plural = "人物出处"
        constraints = [models.UniqueConstraint(fields=["person", "article"], name="person_mention_unique")]

    def __str__(self) -> str:
        try:
            return f"{self.person.name}（《{self.article.title}》）"
        except ObjectDoesNotExist:  # a history row whose person or article is gone
            return f"人物 {self.person_id}（文章 {self.article_id}）"


class Honour(ImportedRecord):
    class Level(models.TextChoices):
        NATIONAL = "national", "国家级"
        PROVINCIAL = "provincial", "省级"
        MUNICIPAL = "municipal", "市级"
        COUNTY = "county", "区县级"
        OTHER = "other", "其他"

    class Kind(models.TextChoices):
        HONOUR = "honour", "荣誉"
        DESIGNATION = "designation", "资质认定"
        RANKING = "ranking", "排名"

    class RecipientKind(models.TextChoices):
        HOSPITAL = "hospital", "医院"
        DEPARTMENT = "department", "科室"
        PERSON = "person", "个人"

    name = models.CharField("名称", max_length=120)
    year = models.PositiveSmallIntegerField("年份", null=True, blank=True, db_index=True)
    level = models.CharField("级别", max_length=12, choices=Level.choices, default=Level.OTHER, db_index=True)
    kind = models.CharField("类别", max_length=12, choices=Kind.choices, default=Kind.HONOUR, db_index=True)
    recipient_kind = models.CharField("获得者类型", max_length=12, choices=RecipientKind.choices,
                                      default=RecipientKind.HOSPITAL)
    hospital = models.ForeignKey(Hospital, on_delete=models.CASCADE, related_name="honours", verbose_name="医院")
    department = models.CharField("科室", max_length=60, blank=True, default="")
    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="honours",
                               verbose_name="个人")
    article = models.ForeignKey("articles.Article", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="honours", verbose_name="来源文章")
    evidence = models.TextField("原文证据", blank=True)

    objects = PublicQuerySet.as_manager()

    class Meta:
        verbose_name = "荣誉"
        verbose_name_plural = "荣誉"
        ordering = ["-year", "name"]
        constraints = [
            # One honour per recipient, name and year; NULLs (no person, no year) count as equal.
            models.UniqueConstraint(
                F("hospital"), F("department"), Coalesce(F("person"), Value(0)), F("name"), Coalesce(F("year"), Value(0)),
                name="honour_unique_recipient_name_year",
                violation_error_message="这一获得者在这一年已有同名荣誉。",
            ),
            models.CheckConstraint(condition=Q(year__isnull=True) | Q(year__gte=1900, year__lte=2100),
                                   name="honour_year_plausible", violation_error_message="年份应在 1900 到 2100 年之间。"),
            models.CheckConstraint(
                condition=~Q(recipient_kind="person") | Q(person__isnull=False), name="honour_person_recipient_has_person",
                violation_error_message="获得者类型为个人时，须选定个人。",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "kind", "-year"], name="honour_status_kind_year"),
            # A hospital's public honours: without it SQLite reads every accepted honour.
            models.Index(fields=["hospital", "status"], name="honour_hospital_status"),
        ]

    def __str__(self) -> str:
        return f"{self.year}年 {self.name}" if self.year else self.name

    def get_absolute_url(self) -> str:
        return detail_url("hospitals:honour-detail", self.pk)

    @property
    def recipient(self) -> str:
        if self.recipient_kind == self.RecipientKind.PERSON and self.person_id:
            return self.person.name
        if self.recipient_kind == self.RecipientKind.DEPARTMENT and self.department:
            return f"{self.hospital.name}{self.department}"
        return self.hospital.name


class HospitalFact(ImportedRecord):
    """A hard fact an article states about a hospital, with the sentence that states it. The
    hospital's own fields (beds, staff …) take the accepted value; facts keep every claim."""

    class Kind(models.TextChoices):
        FOUNDED = "founded", "建院年份"
        BEDS = "beds", "床位数"
        STAFF = "staff", "职工数"
        GRADE = "grade", "等级"
        TYPE = "type", "类型"
        MOTTO = "motto", "院训"
        BRANCH = "branch", "分院"

    hospital = models.ForeignKey(Hospital, on_delete=models.CASCADE, related_name="facts", verbose_name="医院")
    kind = models.CharField("事实类型", max_length=10, choices=Kind.choices)
    value = models.CharField("值", max_length=100)
    article = models.ForeignKey("articles.Article", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="facts", verbose_name="来源文章")
    evidence = models.TextField("原文证据", blank=True)

    objects = PublicQuerySet.as_manager()

    class Meta:
        verbose_name = "医院事实"
        verbose_name_plural = "医院事实"
        ordering = ["hospital", "kind"]
        constraints = [models.UniqueConstraint(fields=["hospital", "kind", "value"], name="hospital_fact_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.value_label}"

    @property
    def value_label(self) -> str:
        return self.label_of(self.kind, self.value)

    @classmethod
    def label_of(cls, kind: str, value: str) -> str:
        """A value as an editor reads it: a type fact holds the type's code (`tcm`)."""
        if kind == cls.Kind.TYPE:
            return str(dict(Hospital.Type.choices).get(value, value))
        return value
