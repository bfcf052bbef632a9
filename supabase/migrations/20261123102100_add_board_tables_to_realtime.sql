-- The tables the board and the order page follow live go into Supabase Realtime's publication:
-- orders (cards moving), the event log, intake requests, CAD rounds, production steps and QC
-- runs and items. Realtime applies each subscriber's RLS to every change, and customer contact
-- details are left out of the publication altogether: they never travel over a socket.
alter publication supabase_realtime add table
  public.orders,
  public.order_events,
  public.intake_requests,
  public.cad_revisions,
  public.production_steps,
  public.qc_runs,
  public.qc_run_items;
