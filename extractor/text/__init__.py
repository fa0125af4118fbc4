"""Text: Unicode normalization with an offset map, legacy encodings, number and unit grammar."""
