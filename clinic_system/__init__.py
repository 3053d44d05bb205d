"""The reference clinic system: the embedded default target of the acceptance suite.

A real service (FastAPI on uvicorn, asyncpg on PostgreSQL with row-level security)
that implements the contract of the design card, so the suite can pass against it
and must fail when it is broken.
"""
__version__ = "0.1.0"
