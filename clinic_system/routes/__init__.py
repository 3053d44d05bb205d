"""The HTTP routes, one APIRouter per area. Handlers stay thin: they check the input, call a
service (the modules beside this package, which alone hold SQL) and shape the answer."""
from . import admin, booking, calls, knowledge, page, sms, vapi

# In this order, as the OpenAPI document lists them.
ROUTERS = [admin.router, calls.router, vapi.router, booking.router, sms.router, knowledge.router, page.router]
