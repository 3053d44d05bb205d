"""The step library of the acceptance suite: drivers for the clinic system's HTTP API
(httpx), its database (asyncpg) and the SMS stub, checks with PyHamcrest that count
themselves, evidence for Allure, measured figures for the report."""
