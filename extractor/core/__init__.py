"""Core: plain data types, the coded error, settings, data loading, localisation; imports no other layer."""
