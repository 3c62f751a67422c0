"""No pages: the stand-in method of the tests has none."""

urlpatterns = []
