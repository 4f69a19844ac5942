"""Spreadsheet rows for editors: natural keys (names), never database ids."""

from import_export import fields
from import_export.widgets import ForeignKeyWidget

from core.resources import EditorResource

from .models import Honour, Hospital, HospitalAlias, Person


class HospitalResource(EditorResource):
    class Meta:
        model = Hospital
        import_id_fields = ("name",)
        fields = ("name", "province", "city", "district", "division_code", "type", "grade", "founded_year", "beds",
                  "staff", "motto", "status")
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True
        report_skipped = True


class HospitalAliasResource(EditorResource):
    hospital = fields.Field(attribute="hospital", column_name="hospital",
                            widget=ForeignKeyWidget(Hospital, field="name"))

    class Meta:
        model = HospitalAlias
        import_id_fields = ("name",)
        fields = ("name", "hospital")
        skip_unchanged = True
        clean_model_instances = True


class PersonResource(EditorResource):
    hospital = fields.Field(attribute="hospital", column_name="hospital",
                            widget=ForeignKeyWidget(Hospital, field="name"))

    class Meta:
        model = Person
        import_id_fields = ("hospital", "name")
        fields = ("name", "hospital", "role", "status")
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True


class HonourResource(EditorResource):
    hospital = fields.Field(attribute="hospital", column_name="hospital",
                            widget=ForeignKeyWidget(Hospital, field="name"))

    class Meta:
        model = Honour
        import_id_fields = ("hospital", "department", "name", "year")
        fields = ("name", "year", "level", "kind", "recipient_kind", "hospital", "department", "evidence", "status")
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True
