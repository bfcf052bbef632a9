-- Issue 10 (customers in the loop): a customer who asks for a bigger change through their review
-- link records a REQUEST for the concierge; it moves nothing by itself (a major change re-scopes
-- time and price with the customer first, and only staff record it). It gets its own event kind
-- so the history and the board can tell it apart from a recorded major change. Added in its own
-- migration: a new enum value cannot be used in the transaction that adds it.
alter type public.order_event_kind add value if not exists 'major_change_requested';
