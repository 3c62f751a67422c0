"""The e-petitions and citizen proposals section of the yearly report (hook "yearly_report_sections")."""
