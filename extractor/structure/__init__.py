"""Structure: a normalized document as an outline of blocks, sections and one table grid."""
