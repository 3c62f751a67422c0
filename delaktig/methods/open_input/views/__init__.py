"""Public pages (public.py, create.py) and the staff workspace (staff.py) of open input."""
