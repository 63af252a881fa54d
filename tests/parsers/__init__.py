"""Parser tests: each format's parser read field by field against the labelled corpus."""
