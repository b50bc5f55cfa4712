"""Rekisteri: the privacy officer's register, rights-request and letter tool."""

__version__ = "0.1.0"
