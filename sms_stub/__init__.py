"""A Twilio-compatible SMS provider for tests: Twilio's Messages API shape, an inbox per
recipient number, and faults injected per number (pinned decision 8)."""
