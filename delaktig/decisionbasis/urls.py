app_name = "decisionbasis"

urlpatterns = []
