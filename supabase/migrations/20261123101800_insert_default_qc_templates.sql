-- The house's QC checklists, one per product type, as managers start from (they edit them in
-- Settings). Order matters: it is the order QC works through the piece.

with templates (product, name) as (
  values ('bespoke_ring'::public.product_base, 'Bespoke ring'),
         ('stacking_rings', 'Stacking rings'),
         ('layering_trio', 'Layering necklace trio'),
         ('earscape', 'Earscape')
),
inserted as (
  insert into public.qc_templates (product, name)
  select product, name from templates
  returning id, product
),
items (product, position, label, required, needs_photo) as (
  values
    ('bespoke_ring'::public.product_base, 1, 'Ring size verified on mandrel', true, false),
    ('bespoke_ring', 2, 'Final polish', true, false),
    ('bespoke_ring', 3, 'Stones secure', true, true),
    ('bespoke_ring', 4, 'Metal stamp / hallmark', true, true),
    ('bespoke_ring', 5, 'Certificate matches stone', false, false),
    ('bespoke_ring', 6, 'Photos taken', true, false),
    ('bespoke_ring', 7, 'Unboxing video recorded', true, false),
    ('stacking_rings', 1, 'Each ring size verified on mandrel', true, false),
    ('stacking_rings', 2, 'Set stacks flush', true, true),
    ('stacking_rings', 3, 'Final polish', true, false),
    ('stacking_rings', 4, 'Stones secure', false, true),
    ('stacking_rings', 5, 'Metal stamp / hallmark', true, false),
    ('stacking_rings', 6, 'Photos taken', true, false),
    ('stacking_rings', 7, 'Unboxing video recorded', true, false),
    ('layering_trio', 1, 'Chain lengths measured', true, false),
    ('layering_trio', 2, 'Clasps and jump rings closed', true, false),
    ('layering_trio', 3, 'Final polish', true, false),
    ('layering_trio', 4, 'Stones secure', false, true),
    ('layering_trio', 5, 'Metal stamp / hallmark', true, false),
    ('layering_trio', 6, 'Photos taken', true, false),
    ('layering_trio', 7, 'Unboxing video recorded', true, false),
    ('earscape', 1, 'Posts and backs fit', true, false),
    ('earscape', 2, 'Pieces paired and matched', true, true),
    ('earscape', 3, 'Final polish', true, false),
    ('earscape', 4, 'Stones secure', false, true),
    ('earscape', 5, 'Metal stamp / hallmark', true, false),
    ('earscape', 6, 'Photos taken', true, false),
    ('earscape', 7, 'Unboxing video recorded', true, false)
)
insert into public.qc_template_items (template_id, position, label, required, needs_photo)
select t.id, i.position, i.label, i.required, i.needs_photo
from items i join inserted t on t.product = i.product;

-- Certificates matter only where stones are certified; certified pieces are held to it by
-- move_order (LP014), so the checklist item stays optional elsewhere.
