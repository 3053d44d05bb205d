"""The run's reports: scenario records, the plan's JSON summary, the sign-off page, the
Allure extras and the gate. Imports nothing from drivers or journeys."""
