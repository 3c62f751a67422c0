"""E-petition datasets for open data (hook "open_data_datasets")."""
