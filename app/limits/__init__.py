"""Limits against hostile or broken clients: uploads read as they stream, request rates, security headers."""
