"""Benchmarks of Gezond Desktop: ``python -m bench.run`` (see bench/README.md)."""
