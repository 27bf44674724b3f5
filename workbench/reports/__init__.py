"""Reports for the lead researcher, rendered from the service layer's plain data."""
