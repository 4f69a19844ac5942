from django.core.management.base import BaseCommand

from hospitals.roles import ensure_roles


class Command(BaseCommand):
    help = "创建“编辑”与“表格导入”用户组及其权限。Create the editor and importer groups."

    def handle(self, *args, **options):
        editor, importer = ensure_roles()
        self.stdout.write(f"{editor.name}: {editor.permissions.count()} permissions; "
                          f"{importer.name}: {importer.permissions.count()} permissions")
