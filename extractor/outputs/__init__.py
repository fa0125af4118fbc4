"""Outputs: what people open: exported tables and workbook, review pages, evaluation reports."""
