"""Core: plain data types, the coded error, settings, data loading and localisation. Imports nothing else of the package."""
