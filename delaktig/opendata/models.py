"""Open data: the read-only public API, CSV downloads and the DCAT-AP-SE catalogue."""
