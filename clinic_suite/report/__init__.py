"""The run's reports: reports/summary.json in the plan's shape, the success-metrics
table graded against the plan's targets, and the report checks (REP criteria)."""
