"""Spreadsheet rows for editors: natural keys (names), never database ids. A row is matched to
its record by the record's identity (core/natural_keys.py), as the database and the importer
tell records apart."""

from import_export import fields
from import_export.widgets import ForeignKeyWidget

from core.natural_keys import identity_fields
from core.resources import EditorResource, NamedForeignKeyWidget

from .models import Honour, Hospital, HospitalAlias, Person


class HospitalResource(EditorResource):
    class Meta:
        model = Hospital
        import_id_fields = identity_fields(Hospital)
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
        import_id_fields = identity_fields(HospitalAlias)
        fields = ("name", "hospital")
        skip_unchanged = True
        clean_model_instances = True


class PersonResource(EditorResource):
    hospital = fields.Field(attribute="hospital", column_name="hospital",
                            widget=ForeignKeyWidget(Hospital, field="name"))

    class Meta:
        model = Person
        import_id_fields = identity_fields(Person)
        fields = ("name", "hospital", "role", "status")
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True


class PersonOfHospitalWidget(NamedForeignKeyWidget):
    """A person by name among the people of the row's hospital (names repeat across hospitals)."""

    def __init__(self, hospital_column: str):
        super().__init__(Person, field="name")
        self.hospital_column = hospital_column

    def get_lookup_kwargs(self, value, row, **kwargs):
        return {"name": value, "hospital__name": (row or {}).get(self.hospital_column)}


class HonourResource(EditorResource):
    hospital = fields.Field(attribute="hospital", column_name="hospital",
                            widget=ForeignKeyWidget(Hospital, field="name"))
    person = fields.Field(attribute="person", column_name="person", widget=PersonOfHospitalWidget("hospital"))

    class Meta:
        model = Honour
        import_id_fields = identity_fields(Honour)
        fields = ("name", "year", "level", "kind", "recipient_kind", "hospital", "department", "person", "evidence",
                  "status")
        export_order = fields
        skip_unchanged = True
        clean_model_instances = True


# The person is looked up under the hospital cell of the same row, headed as editors see it.
HonourResource.fields["person"].widget.hospital_column = HonourResource.fields["hospital"].column_name
