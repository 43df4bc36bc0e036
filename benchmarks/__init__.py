"""Speed and scale benchmarks (``make bench``); never part of the test suite."""
