"""The yearly report to the council, as PDF, Word and XLSX."""
