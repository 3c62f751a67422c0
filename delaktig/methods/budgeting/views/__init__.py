"""Public pages (public.py, propose.py, vote.py) and the staff workspace (staff.py) of participatory budgeting."""
