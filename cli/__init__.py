"""The eagraph command line."""
