-- The order workspace lets staff change an order's assignee, priority and promised date; the
-- history must show who changed what, so the event log gets its own kind for it. Its own
-- migration: a new enum value cannot be used in the transaction that adds it.
alter type public.order_event_kind add value if not exists 'details_changed';
