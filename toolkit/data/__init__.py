"""Data shipped with the toolkit: the validation figures the report states."""
