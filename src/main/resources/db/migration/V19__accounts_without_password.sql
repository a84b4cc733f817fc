-- An invitee may set up their account with the organisation's single sign-on instead of a
-- password (requirement SI5): such an active account has no password hash, and signing in with
-- a password finds no account for it (AccountUserDetailsService).
alter table account drop constraint account_check;
