"""How many attempts accounts allow, counted by core.ratelimit per e-mail address and IP address, and per IP
address alone.

The pair limit stops guessing one account's password; the address limit stops password spraying, one password
tried on many accounts from one address. The address limit is higher: many people may share one address (a
school, an office). A successful login clears the pair's count, never the address's: else an attacker could
reset it by logging in to an account of their own.
"""

from datetime import timedelta

LOGIN_LIMIT = 5
LOGIN_WINDOW = timedelta(minutes=15)
LOGIN_IP_LIMIT = 20  # failed logins from one address, whatever the account, within LOGIN_WINDOW
RESEND_LIMIT = 3
RESEND_WINDOW = timedelta(hours=1)
