"""The only room that knows the target's URLs, SQL and connections: the clinic API over
HTTP, the admin database, the service's own database role, and the SMS stub."""
