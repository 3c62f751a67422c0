from django.contrib import admin

from .models import Body, ChecklistQuestion, Department, Membership, Municipality, TargetGroup

admin.site.register(Municipality)
admin.site.register(Body, list_display=["name", "kind", "municipality"], list_filter=["municipality"])
admin.site.register(Department, list_display=["name", "municipality"], list_filter=["municipality"])
admin.site.register(Membership, list_display=["user", "role", "municipality", "body"], list_filter=["role"])
admin.site.register(ChecklistQuestion)
admin.site.register(TargetGroup)
