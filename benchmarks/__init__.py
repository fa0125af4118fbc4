"""Speed and memory measurements, run on demand (make bench), not in the test suite."""
