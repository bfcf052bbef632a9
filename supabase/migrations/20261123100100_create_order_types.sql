-- The vocabulary of the workshop: stages, CAD sub-states, products, metals, intake options,
-- payment methods, production steps, labs, file kinds, after-sales kinds, event kinds.

create type public.order_stage as enum (
  'intake', 'awaiting_payment', 'cad', 'production', 'qc', 'shipping', 'delivered',
  'on_hold', 'cancelled'
);
comment on type public.order_stage is
  'intake → awaiting payment → CAD → production → QC → shipping → delivered; on hold and cancelled beside them.';

create type public.cad_state as enum ('drafting', 'with_customer', 'tweak_requested', 'approved');
comment on type public.cad_state is 'Where the CAD design stands while an order is in the CAD stage.';

create type public.product_base as enum ('bespoke_ring', 'stacking_rings', 'layering_trio', 'earscape');

create type public.metal as enum (
  'gold_18k_yellow', 'gold_18k_white', 'gold_18k_rose',
  'gold_14k_yellow', 'gold_14k_white', 'gold_14k_rose',
  'platinum'
);

create type public.intake_source as enum ('customizer_look', 'concierge_form');
create type public.intake_path as enum ('self_serve', 'concierge_assisted');
create type public.intake_risk as enum (
  'unusual_sizing', 'gift_deadline', 'special_request', 'feasibility_review'
);
create type public.intake_status as enum ('new', 'in_review', 'confirmed', 'converted', 'declined');

-- Shop Pay installments and other installment plans count as paid in full: the house is paid
-- by the provider up front.
create type public.payment_method as enum (
  'card', 'shop_pay_installments', 'installment_plan', 'bank_transfer'
);

create type public.production_step_kind as enum (
  'casting', 'forming', 'polishing', 'hand_setting', 'reinforcement'
);

create type public.qc_run_status as enum ('in_progress', 'passed', 'failed');
create type public.qc_item_result as enum ('pending', 'pass', 'fail');

create type public.certificate_lab as enum ('GIA', 'IGI');

create type public.attachment_kind as enum (
  'reference_image', 'cad_render', 'cad_file', 'certificate', 'qc_photo', 'unboxing_video',
  'shipping_label'
);

create type public.service_kind as enum ('resize', 'cleaning', 'polish', 'prong_check');
create type public.service_status as enum ('open', 'in_progress', 'done', 'declined');

create type public.sla_unit as enum ('hours', 'days', 'business_days');

create type public.order_event_kind as enum (
  'created', 'payment_recorded', 'stage_changed', 'cad_sent', 'cad_tweak_requested',
  'cad_approved', 'major_change', 'qc_started', 'qc_passed', 'qc_failed', 'certificate_added',
  'shipped', 'service_requested'
);
