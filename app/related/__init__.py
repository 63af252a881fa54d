"""related domain."""
