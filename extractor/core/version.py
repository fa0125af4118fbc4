"""The package version, in core so every layer can stamp it without importing the package root."""
__version__ = "0.1.0"
