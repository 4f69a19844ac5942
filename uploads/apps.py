from django.apps import AppConfig
from django_tasks_db.apps import TasksAppConfig


class UploadsConfig(AppConfig):
    default = True  # this module holds two configurations
    name = "uploads"
    verbose_name = "文章上传"


class TasksDatabaseConfig(TasksAppConfig):
    """django-tasks-db, the embedded task queue (a table and `manage.py db_worker`), named in
    Chinese: its permissions appear in the group form. Its own admin list, in English and of no
    use to an editor, is taken away in uploads/admin.py; an upload's status page tells all."""

    verbose_name = "后台任务"

    def ready(self) -> None:
        super().ready()
        from django_tasks_db.models import DBTaskResult

        DBTaskResult._meta.verbose_name = "后台任务"
        DBTaskResult._meta.verbose_name_plural = "后台任务"
