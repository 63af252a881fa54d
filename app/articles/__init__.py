"""articles domain."""
