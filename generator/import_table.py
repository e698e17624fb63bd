"""Spreadsheets as provider records (stub)."""
