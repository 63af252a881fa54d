"""`python -m app …` is the same as `wirefeed …`."""

from app.cli import main

main()
