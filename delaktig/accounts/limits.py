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
# One account's password from anywhere (a botnet spreads its guesses over many addresses). Higher than the pair's
# limit, so the owner is rarely locked out by someone else's guessing, and lower than ASVS's 100 an hour.
LOGIN_ACCOUNT_LIMIT = 30
LOGIN_ACCOUNT_WINDOW = timedelta(hours=1)
# The second step (a code from the app, or a recovery code), one counter for both: per account and per address.
SECOND_STEP_LIMIT = 5
SECOND_STEP_IP_LIMIT = 20
SECOND_STEP_WINDOW = timedelta(minutes=15)
RESEND_IP_LIMIT = 10  # confirmation links asked for from one address, whatever the e-mail address
